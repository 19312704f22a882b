import ArgumentParser
import Foundation

/// A course set: one entry per visual, each a name, a title, a line on what it teaches, and the options
/// of one `gdanimate` run (option names without the dashes; `true` for a flag).
///
///     { "title": "…", "visuals": [ { "name": "contour", "title": "…", "teaches": "…",
///                                    "options": { "mode": "contour", "lr": 0.1 } } ] }
///
/// Every entry is parsed and validated by the same argument parser as the command line before anything
/// is drawn, so a typo in entry 9 fails before entry 1 is rendered. Each visual goes to
/// `--output`/NAME.gif (and NAME.png with --poster), and `index.html` there shows them all.
struct Manifest: Decodable {
    struct Visual: Decodable {
        var name: String
        var title: String
        var teaches: String
        var options: [String: Value]
    }

    /// An option's value as JSON gives it.
    enum Value: Decodable {
        case flag(Bool)
        case integer(Int)
        case number(Double)
        case text(String)

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .flag(b) }
            else if let i = try? c.decode(Int.self) { self = .integer(i) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else { self = .text(try c.decode(String.self)) }
        }

        /// The value as a command-line argument (nil for a flag).
        var argument: String? {
            switch self {
            case .flag: return nil
            case .integer(let i): return "\(i)"
            case .number(let d): return "\(d)"
            case .text(let s): return s
            }
        }
    }

    var title: String
    var visuals: [Visual]

    /// Options that belong to the whole set, not to a visual.
    static let reserved: Set<String> = ["output", "name", "manifest", "threads", "quiet", "poster", "help"]

    /// Flags that are on unless turned off: `false` writes their `--no-` form (for the other flags
    /// `false` is their default and writes nothing).
    static let onByDefault: Set<String> = ["readout"]

    /// The command-line arguments of `visual`: mode first, the rest alphabetically (JSON objects have
    /// no order Swift keeps, and the gallery's command must not change between runs).
    static func arguments(_ visual: Visual) -> [String] {
        var args: [String] = []
        let keys = visual.options.keys.sorted { ($0 == "mode" ? 0 : 1, $0) < ($1 == "mode" ? 0 : 1, $1) }
        for key in keys {
            switch visual.options[key]! {
            case .flag(true): args.append("--\(key)")
            case .flag(false): if onByDefault.contains(key) { args.append("--no-\(key)") }
            case let value: args += ["--\(key)", value.argument!]
            }
        }
        return args
    }

    /// Renders every visual of the manifest at `path` with the set-wide options of `base`.
    static func render(_ path: String, base: GDAnimate) throws {
        let bytes = try Files.read(path)
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw Pipeline.Failure(description: "\(path): not a gdanimate manifest: \(describe(error))")
        }
        guard !manifest.visuals.isEmpty else { throw Pipeline.Failure(description: "\(path): the manifest lists no visuals") }
        var runs: [(Visual, GDAnimate, [String])] = []
        var names: Set<String> = []
        for (i, v) in manifest.visuals.enumerated() {
            let which = "\(path): visual \(i + 1) ('\(v.name)')"
            guard !v.name.isEmpty, !v.name.contains("/"), v.name != ".", v.name != "..", v.name != "index" else {
                throw Pipeline.Failure(description: "\(which): the name must be a plain file name other than 'index'")
            }
            guard names.insert(v.name).inserted else { throw Pipeline.Failure(description: "\(which): the name is used twice") }
            if let key = v.options.keys.sorted().first(where: reserved.contains) {
                throw Pipeline.Failure(description: "\(which): '\(key)' applies to the whole set; give it on the command line, not in the manifest")
            }
            let args = arguments(v)
            var options: GDAnimate
            do {
                options = try GDAnimate.parse(args)
            } catch {
                var message = GDAnimate.message(for: error)
                // A value given to a flag reaches the parser as a stray argument; name the option instead.
                if let key = v.options.keys.sorted().first(where: { k in
                    v.options[k]!.argument.map { message.contains("Unexpected argument '\($0)'") } ?? false
                }) {
                    message = "'\(key)' is a flag: write true or false"
                }
                throw Pipeline.Failure(description: "\(which): \(message)")
            }
            guard options.mode != .all else { throw Pipeline.Failure(description: "\(which): give one mode per visual, not 'all'") }
            options.output = base.output
            options.name = v.name
            options.threads = base.threads
            options.quiet = base.quiet
            options.poster = base.poster
            runs.append((v, options, args))
        }
        for (v, options, _) in runs {
            do {
                try Pipeline(options).run()
            } catch let failure as Pipeline.Failure {
                throw Pipeline.Failure(description: "\(path): visual '\(v.name)': \(failure.description)")
            }
        }
        let page = gallery(manifest, commands: runs.map { ["gdanimate"] + $0.2 + ["--name", $0.0.name] })
        try Files.publish([try Files.stage(Array(page.utf8), to: "\(base.output)/index.html")])
        if !base.quiet { print("\(base.output)/index.html  gallery of \(runs.count) visuals") }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let c): return "missing '\(key.stringValue)' at \(where_(c))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "wrong kind of value at \(where_(c))"
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "not valid JSON" : "bad value at \(where_(c))"
        @unknown default: return "\(error)"
        }
    }

    private static func where_(_ c: DecodingError.Context) -> String {
        let path = c.codingPath.map { $0.intValue.map { "[\($0 + 1)]" } ?? ".\($0.stringValue)" }.joined()
        return path.hasPrefix(".") ? String(path.dropFirst()) : path
    }

    /// The gallery page: each visual with its title, what it teaches and the command that made it.
    static func gallery(_ m: Manifest, commands: [[String]]) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func shell(_ a: String) -> String {
            a.allSatisfy { $0.isLetter || $0.isNumber || "-_.,/=+".contains($0) } ? a : "'" + a.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(m.title))</title>
        <style>
          body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 2rem auto; max-width: 1280px; padding: 0 1rem; color: #1a1a1a; background: #fafafa; }
          h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
          .lead { color: #4d4d4d; margin-top: 0; }
          .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 1.5rem; }
          figure { margin: 0; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.8rem; }
          figure.wide { grid-column: 1 / -1; }
          figure.alone { grid-column: 1 / -1; }
          figure.alone img, figure.alone figcaption { max-width: 640px; margin: 0 auto; }
          img { width: 100%; height: auto; display: block; }
          h2 { font-size: 1.1rem; margin: 0.6rem 0 0.2rem; }
          p { margin: 0.2rem 0 0.5rem; }
          code { display: block; font-size: 0.8rem; background: #f0f0f0; padding: 0.4rem; border-radius: 4px; overflow-wrap: anywhere; }
        </style>
        </head>
        <body>
        <h1>\(esc(m.title))</h1>
        <p class="lead">\(m.visuals.count) animations rendered by gdanimate from one manifest. Each command below remakes its GIF.</p>
        <div class="grid">

        """
        // Panel scenes are wide frames: they get a row of their own. A single scene left alone in its
        // row before one of them (an odd run of singles) gets the row too, centred, instead of a hole.
        let wide = m.visuals.map { v -> Bool in
            if case .text(let mode)? = v.options["mode"] { return ["compare", "dashboard", "lr-sweep", "scaling"].contains(mode) }
            return false
        }
        var classes = wide.map { $0 ? "wide" : "" }
        var run = 0
        for i in wide.indices {
            if wide[i] { run = 0; continue }
            run += 1
            let endsRun = i + 1 == wide.count || wide[i + 1]
            if endsRun && run % 2 == 1 { classes[i] = "alone" }
        }
        for ((v, cmd), cls) in zip(zip(m.visuals, commands), classes) {
            html += """
            <figure id="\(esc(v.name))"\(cls.isEmpty ? "" : " class=\"\(cls)\"")>
              <img src="\(esc(v.name)).gif" alt="\(esc(v.title))" loading="lazy">
              <figcaption>
                <h2>\(esc(v.title))</h2>
                <p>\(esc(v.teaches))</p>
                <code>\(esc(cmd.map(shell).joined(separator: " ")))</code>
              </figcaption>
            </figure>

            """
        }
        html += "</div>\n</body>\n</html>\n"
        return html
    }
}
