import Rasterizer

/// The text of a player page (``HTMLSink``): the frames as WebP stills, their times, each frame's numbers
/// and chapters as one JSON value, and the page's markup, style (``PlayerStyle``) and script
/// (``PlayerScript``), all in one file that makes no request: no font, script or picture is fetched, and
/// its Content-Security-Policy forbids any fetch, so it works offline, from `file://` and in an `<iframe>`.
struct PlayerPage {
    let info: AnimationInfo
    /// Milliseconds at which each frame of the animation starts.
    let frameStarts: [Int]
    /// When the last frame ends (its end hold included).
    let endMilliseconds: Int
    /// The frames as libwebp stored them: the first whole, then the changed rectangles.
    let stills: [WebPFrame]

    /// The page as UTF-8, or ``EncodeError/tooLarge(_:)`` past `limit` bytes (said before it is assembled).
    func bytes(limit: Int) throws(EncodeError) -> [UInt8] {
        let images = stills.reduce(0) { $0 + ($1.still.count + 2) / 3 * 4 }
        func refuse(_ size: Int) -> EncodeError {
            .tooLarge("the player page would be \(Self.megabytes(size)) MB, over the \(Self.megabytes(limit)) MB a browser opens "
                + "comfortably; ask for fewer --frames or a smaller --width/--height")
        }
        if images > limit { throw refuse(images) }
        let page = Array(try html().utf8)
        if page.count > limit { throw refuse(page.count) }
        return page
    }

    static func megabytes(_ n: Int) -> String {
        let tenths = (n + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Which still each frame draws (nil: it changed nothing, and libwebp merged it into the frame before).
    func stillOfFrame() throws(EncodeError) -> [Int?] {
        var start = 0, j = 0
        var out: [Int?] = []
        for t in frameStarts {
            if j < stills.count && start == t {
                out.append(j)
                start += stills[j].duration
                j += 1
            } else {
                out.append(nil)
            }
        }
        guard j == stills.count, out.first.map({ $0 == 0 }) ?? true else {
            throw .webp("the animation's frame times do not match the frames given (\(stills.count) stored, \(j) placed)")
        }
        return out
    }

    /// The page's data: sizes, times, stills, numbers and chapters.
    func data() throws(EncodeError) -> String {
        var j = PlayerJSON()
        j.open()
        j.key("width"); j.int(info.width)
        j.key("height"); j.int(info.height)
        // A GIF's loop count is repeats after the first play; the page counts plays (0: forever).
        j.key("plays"); j.int(info.timing.loop == 0 ? 0 : info.timing.loop + 1)
        let delays = frameStarts.indices.map { k in (k + 1 < frameStarts.count ? frameStarts[k + 1] : endMilliseconds) - frameStarts[k] }
        j.key("delays"); j.ints(delays)
        j.key("frames"); j.ints(try stillOfFrame().map { $0 ?? -1 })
        j.key("stills"); j.openArray()
        for s in stills { j.ints([s.x, s.y, s.width, s.height, (s.blends ? 1 : 0) | (s.disposes ? 2 : 0)]) }
        j.closeArray()
        j.key("images"); j.openArray()
        for s in stills { j.raw("\"" + Base64.encode(s.still) + "\"") }
        j.closeArray()
        let notes = info.notes ?? PlayerNotes(columns: [], runs: [])
        j.key("title"); j.string(notes.title)
        j.key("source"); j.string(notes.source)
        j.key("columns"); j.openArray()
        for c in notes.columns { j.openArray(); j.string(c.name); j.string(c.label); j.int(c.isCount ? 1 : 0); j.closeArray() }
        j.closeArray()
        j.key("runs"); j.openArray()
        for run in notes.runs { j.run(run, columns: notes.columns, frames: frameStarts.count) }
        j.closeArray()
        j.key("chapters"); j.openArray()
        for c in notes.chapters where c.frame < frameStarts.count { j.openArray(); j.int(c.frame); j.string(c.title); j.closeArray() }
        j.closeArray()
        j.close()
        return j.text
    }

    /// The whole page.
    func html() throws(EncodeError) -> String {
        let meta = info.metadata[OutputFormat.html.name]
        let title = info.notes?.title ?? "gdanimate player"
        let theme = info.theme ?? .light
        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <meta name="generator" content="gdanimate">
        <title>\(Self.escape(title))</title>
        <style>\(PlayerStyle.css(theme: theme, width: info.width, height: info.height))</style>
        </head>
        <body class="gd-page">

        """
        page += PlayerMarkup.body(title: title, description: meta?.description, command: meta?.command,
                                  width: info.width, height: info.height, style: PlayerStyle.variables(theme))
        page += "<script type=\"application/json\" class=\"gd-data\">" + (try data()) + "</script>\n"
        page += "<script type=\"application/octet-stream\" class=\"gd-code\">" + Base64.encode(try Deflate.compress(Array(PlayerScript.minified.utf8))) + "</script>\n"
        page += "<script>" + PlayerScript.bootstrap + "</script>\n</div>\n</body>\n</html>\n"
        return page
    }

    /// `s` safe in HTML text and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
