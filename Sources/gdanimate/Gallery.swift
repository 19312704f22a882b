import GDAnimateKit

/// The gallery page of a course set: each visual with its title, what it teaches and the command that
/// made it.
enum Gallery {
    /// What the page shows of one rendered visual besides its manifest entry.
    struct Entry {
        /// The command that made it, as words.
        var command: [String]
        /// The picture's `alt` text: the scene's description.
        var alt: String
        /// Whether NAME.webp was written too (the page then offers it first, the GIF as the fallback).
        var hasWebP: Bool
        /// Whether NAME.html, the visual's player, was written (the picture then opens it).
        var hasPlayer = false
    }

    /// `s` safe in HTML text and attribute values.
    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The picture of a visual: its GIF, or with a WebP a `<picture>` whose browser picks the WebP
    /// when it can show one and the GIF otherwise; the description as `alt`.
    static func picture(_ name: String, _ entry: Entry) -> String {
        let img = "<img src=\"\(esc(name)).gif\" alt=\"\(esc(entry.alt))\" loading=\"lazy\">"
        let picture = entry.hasWebP ? "<picture><source srcset=\"\(esc(name)).webp\" type=\"image/webp\">\(img)</picture>" : img
        guard entry.hasPlayer else { return picture }
        return "<a class=\"play\" href=\"\(esc(name)).html\" title=\"Open the player: pause, step, seek, every frame's numbers\">\(picture)</a>"
    }

    /// The gallery page: each visual with its title, what it teaches and the command that made it.
    static func page(_ m: Manifest, entries: [Entry]) -> String {
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
          .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 560px), 1fr)); gap: 1.5rem; }
          figure { margin: 0; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.8rem; }
          figure.wide { grid-column: 1 / -1; }
          figure.alone { grid-column: 1 / -1; }
          figure.alone img, figure.alone figcaption { max-width: 640px; margin: 0 auto; }
          picture { display: block; }
          img { width: 100%; height: auto; display: block; }
          h2 { font-size: 1.1rem; margin: 0.6rem 0 0.2rem; }
          p { margin: 0.2rem 0 0.5rem; }
          code { display: block; font-size: 0.8rem; background: #f0f0f0; padding: 0.4rem; border-radius: 4px; overflow-wrap: anywhere; white-space: pre-wrap; }
          figure { min-width: 0; }
          a.play { display: block; }
          p.open { margin: 0.3rem 0; }
          @media (max-width: 600px) { body { margin: 1rem auto; } figure { padding: 0.5rem; } }
        </style>
        </head>
        <body>
        <h1>\(esc(m.title))</h1>
        <p class="lead">\(m.visuals.count) animations rendered by gdanimate from one manifest. Each command below remakes its files; every file also says what it shows and how to make it again.\(entries.contains { $0.hasPlayer } ? " A click on a picture opens its player." : "")</p>
        <div class="grid">

        """
        // Panel scenes are wide frames: they get a row of their own. A single scene left alone in its
        // row before one of them (an odd run of singles) gets the row too, centred, instead of a hole.
        let wide = m.visuals.map { v -> Bool in
            if case .text(let mode)? = v.options["mode"], let kind = SceneKind(rawValue: mode) { return kind.isPanels }
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
        for ((v, entry), cls) in zip(zip(m.visuals, entries), classes) {
            html += """
            <figure id="\(esc(v.name))"\(cls.isEmpty ? "" : " class=\"\(cls)\"")>
              \(picture(v.name, entry))
              <figcaption>
                <h2>\(esc(v.title))</h2>\(entry.hasPlayer ? "\n    <p class=\"open\"><a href=\"\(esc(v.name)).html\">Open the player</a>: pause, step, seek and read every frame's numbers.</p>" : "")
                <p>\(esc(v.teaches))</p>
                <code>\(esc(Visual.shell(entry.command)))</code>
              </figcaption>
            </figure>

            """
        }
        html += "</div>\n</body>\n</html>\n"
        return html
    }
}
