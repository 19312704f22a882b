import ArgumentParser
import Foundation
import GDAnimateKit

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
    static let reserved: Set<String> = ["output", "name", "manifest", "threads", "quiet", "poster", "describe", "help"]

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

    /// Renders every visual of the manifest at `path` with the set-wide options of `settings`.
    static func render(_ path: String, settings: RunOptions) throws {
        let bytes = try Files.read(path)
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw ManifestError("\(path): not a gdanimate manifest: \(describe(error))")
        }
        guard !manifest.visuals.isEmpty else { throw ManifestError("\(path): the manifest lists no visuals") }
        var runs: [(Visual, VisualOptions, [String])] = []
        var names: Set<String> = []
        for (i, v) in manifest.visuals.enumerated() {
            let which = "\(path): visual \(i + 1) ('\(v.name)')"
            guard !v.name.isEmpty, !v.name.contains("/"), v.name != ".", v.name != "..", v.name != "index" else {
                throw ManifestError("\(which): the name must be a plain file name other than 'index'")
            }
            guard names.insert(v.name).inserted else { throw ManifestError("\(which): the name is used twice") }
            if let key = v.options.keys.sorted().first(where: reserved.contains) {
                throw ManifestError("\(which): '\(key)' applies to the whole set; give it on the command line, not in the manifest")
            }
            let args = arguments(v)
            var options: VisualOptions
            do {
                options = try VisualOptions.parse(args)
            } catch {
                var message = VisualOptions.message(for: error)
                // A value given to a flag reaches the parser as a stray argument; name the option instead.
                if let key = v.options.keys.sorted().first(where: { k in
                    v.options[k]!.argument.map { message.contains("Unexpected argument '\($0)'") } ?? false
                }) {
                    message = "'\(key)' is a flag: write true or false"
                }
                throw ManifestError("\(which): \(message)")
            }
            guard options.mode != Mode.all else { throw ManifestError("\(which): give one mode per visual, not 'all'") }
            guard (try? options.visual())?.formats.contains(.gif) == true else {
                throw ManifestError("\(which): the gallery shows each visual's GIF; give a format that includes gif")
            }
            options.name = v.name
            // Files an entry names are beside the manifest, wherever it is run from.
            let folder = Files.parent(of: path)
            if let data = options.data, !data.hasPrefix("/") { options.data = "\(folder)/\(data)" }
            if let history = options.history, !history.hasPrefix("/") { options.history = "\(folder)/\(history)" }
            runs.append((v, options, args))
        }
        // Only once every entry has been read and checked: a manifest refused leaves no folder behind.
        try Files.makeFolder(settings.output)
        var entries: [Gallery.Entry] = []
        for (v, options, args) in runs {
            do {
                let (plan, written) = try SingleRun(options, settings: settings).perform()
                entries.append(Gallery.Entry(command: ["gdanimate"] + args + ["--name", v.name], alt: plan.scenes[0].description,
                                             hasWebP: written.contains { $0.path.hasSuffix("/\(v.name).webp") },
                                             hasPlayer: written.contains { $0.path.hasSuffix("/\(v.name).html") }))
            } catch {
                // Whatever stops a visual (its data file, a setting the data refuses) names the entry.
                throw ManifestError("\(path): visual '\(v.name)': \(error)")
            }
        }
        let page = Gallery.page(manifest, entries: entries)
        try Files.publish([try Files.stage(Array(page.utf8), to: "\(settings.output)/index.html")])
        if !settings.quiet { print("\(settings.output)/index.html  gallery of \(runs.count) visuals") }
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
        return path.isEmpty ? "the top level" : path.hasPrefix(".") ? String(path.dropFirst()) : path
    }
}

/// A manifest that cannot be rendered, naming the manifest and the entry.
struct ManifestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
