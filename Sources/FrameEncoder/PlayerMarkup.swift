/// The markup of a player page: the canvas named by the visual's description, the controls as real
/// `<button>`s, `<input type="range">` and `<select>`s with accessible names (WAI-ARIA's media-player
/// practice), the readout of the frame shown, a polite live region the script speaks into on pause and
/// step, the table of every frame's numbers, and the remake command in a `<details>`. The script fills
/// in what depends on the data (chapters, the table's rows).
enum PlayerMarkup {
    /// An icon of the control bar: a 16×16 path in the text colour (no font or file is needed to draw it).
    static func icon(_ path: String, _ cls: String = "") -> String {
        "<svg viewBox=\"0 0 16 16\" aria-hidden=\"true\" focusable=\"false\"\(cls.isEmpty ? "" : " class=\"\(cls)\"")><path d=\"\(path)\"/></svg>"
    }

    static func button(_ action: String, _ name: String, _ keys: String, _ icons: String) -> String {
        "<button type=\"button\" data-act=\"\(action)\" aria-label=\"\(name)\" title=\"\(name) (\(keys))\">\(icons)</button>"
    }

    /// The opening `<div class="gd-player">` and everything in it up to the data; the page closes the div.
    static func body(title: String, description: String?, command: String?, width: Int, height: Int, style: String) -> String {
        let e = PlayerPage.escape
        // The description is the canvas's accessible name, written once: the canvas names the paragraph
        // (closed <details> still name by reference). Its id is a hash of the text, so two players on
        // one notebook page do not share one unless they describe the same picture.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in (description ?? title).utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let id = "gd-d-" + String(hash, radix: 36)
        var html = "<div class=\"gd-player\" data-playing=\"false\" style=\"\(e(style))\">\n"
        html += "<h1>\(e(title))</h1>\n"
        let name = description == nil ? "aria-label=\"\(e(title))\"" : "aria-labelledby=\"\(id)\""
        html += "<canvas width=\"\(width)\" height=\"\(height)\" role=\"img\" \(name)></canvas>\n"
        html += "<p class=\"gd-error\" role=\"alert\" hidden></p>\n"
        html += "<div class=\"gd-scrub\"><div class=\"gd-chapters\" role=\"group\" aria-label=\"Chapters\"></div>"
        html += "<input type=\"range\" min=\"0\" max=\"0\" step=\"1\" value=\"0\" aria-label=\"Frame\"></div>\n"
        html += "<div class=\"gd-bar\" role=\"group\" aria-label=\"Player controls\">"
        html += button("first", "First frame", "Home", icon("M2 3h2v10H2zM9 3v10L4 8zM15 3v10l-5-5z"))
        html += button("back", "Back one frame", "Left arrow; Shift: ten", icon("M3 3h2v10H3zM13 3v10L6 8z"))
        html += button("play", "Play", "Space", icon("M4 2.5v11L13.5 8z", "gd-i-play") + icon("M4 3h3v10H4zM9 3h3v10H9z", "gd-i-pause"))
        html += button("fwd", "Forward one frame", "Right arrow; Shift: ten", icon("M3 3v10l7-5zM11 3h2v10h-2z"))
        html += button("last", "Last frame", "End", icon("M1 3v10l5-5zM7 3v10l5-5zM12 3h2v10h-2z"))
        html += "<span class=\"gd-pos\" aria-hidden=\"true\"></span>"
        html += "<label>Speed <select name=\"speed\" title=\"Speed (+ and −)\">"
        for s in ["0.25", "0.5", "1", "1.5", "2", "4"] { html += "<option value=\"\(s)\"\(s == "1" ? " selected" : "")>\(s)×</option>" }
        html += "</select></label>"
        html += "<label>Repeat <select name=\"repeat\"><option value=\"loop\">loop</option><option value=\"once\">once</option>"
        html += "<option value=\"reflect\">reflect</option></select></label></div>\n"
        html += "<p class=\"gd-chapter\" aria-hidden=\"true\"></p>\n"
        html += "<div class=\"gd-readout\" tabindex=\"0\" role=\"region\" aria-label=\"This frame's numbers\"><table><thead></thead><tbody></tbody></table></div>\n"
        html += "<p class=\"gd-live gd-sr\" aria-live=\"polite\"></p>\n"
        html += "<details class=\"gd-numbers\"><summary>Numbers</summary>"
        html += "<p><button type=\"button\" data-act=\"csv\">Download CSV</button> <span class=\"gd-source\"></span></p>"
        html += "<div class=\"gd-table\" tabindex=\"0\" role=\"region\" aria-label=\"Every frame's numbers\"><table><thead></thead><tbody></tbody></table></div></details>\n"
        html += "<details class=\"gd-about\"><summary>About this visual</summary>"
        if let description { html += "<p id=\"\(id)\">\(e(description))</p>" }
        if let command { html += "<p>Remake it:</p><pre><code>\(e(command))</code></pre>" }
        html += "<p>Keys: Space plays and pauses; ← and → step one frame (with Shift, ten); Home and End go to the first and last frame; "
        html += "+ and − change the speed; Page Up and Page Down go to the previous and next chapter.</p></details>\n"
        html += "<noscript><p>This player needs JavaScript to draw its frames.</p></noscript>\n"
        return html
    }
}
