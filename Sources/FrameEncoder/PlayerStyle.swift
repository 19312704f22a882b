import Rasterizer

/// The style of a player page in the visual's theme: its page, plot, text, grid and fit colours, so the
/// controls sit on the page the frames were drawn for. Every rule is scoped to `.gd-player` (a page pasted
/// into a notebook keeps the notebook's own look), the canvas scales down to its container keeping its
/// shape, controls are at least 40 px for a finger, and focus is always visible.
enum PlayerStyle {
    /// `#rrggbb` of a colour.
    static func hex(_ c: RGB) -> String {
        let s = String(c.value, radix: 16)
        return "#" + String(repeating: "0", count: 6 - s.count) + s
    }

    /// Whether the theme's page is dark (the browser then draws its own controls dark too).
    static func isDark(_ theme: Theme) -> Bool {
        let v = theme.page.value
        let luma = 0.299 * Double(v >> 16 & 255) + 0.587 * Double(v >> 8 & 255) + 0.114 * Double(v & 255)
        return luma < 128
    }

    /// The theme's colours as the player element's own custom properties (an inline `style`), so two
    /// players of different themes pasted into one notebook keep theirs.
    static func variables(_ theme: Theme) -> String {
        "--page:\(hex(theme.page));--plot:\(hex(theme.plot));--text:\(hex(theme.text));--axis:\(hex(theme.axis));"
            + "--grid:\(hex(theme.grid));--accent:\(hex(theme.fit));color-scheme:\(isDark(theme) ? "dark" : "light")"
    }

    static func css(theme: Theme, width: Int, height: Int) -> String {
        """
        body.gd-page{margin:0;background:\(hex(theme.page))}
        .gd-player{box-sizing:border-box;max-width:calc(\(width)px + 2rem);margin:0 auto;padding:.75rem 1rem 1.5rem;\
        color:var(--text);background:var(--page);font:15px/1.45 system-ui,"DejaVu Sans",sans-serif}
        .gd-player *{box-sizing:border-box}
        .gd-player h1{font-size:1.15rem;margin:.2rem 0 .6rem}
        .gd-player canvas{display:block;width:100%;max-width:\(width)px;height:auto;aspect-ratio:\(width)/\(height)}
        .gd-scrub{position:relative;padding-top:16px;margin-top:.5rem}
        .gd-scrub input{display:block;width:100%;margin:0;accent-color:var(--accent)}
        .gd-chapters{position:absolute;top:0;left:8px;right:8px;height:16px}
        .gd-chapters button{position:absolute;top:0;width:16px;height:16px;margin-left:-8px;padding:0;border:0;background:none;color:var(--text);cursor:pointer}
        .gd-chapters button::before{content:"";display:block;margin:3px auto 0;border-left:5px solid transparent;border-right:5px solid transparent;border-top:8px solid currentColor}
        .gd-chapters button[aria-current=true]{color:var(--accent)}
        .gd-chapters.gd-dense button::before{margin-top:2px;width:2px;border:0;height:12px;background:currentColor}
        .gd-bar{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;margin-top:.5rem}
        .gd-bar button{display:inline-flex;align-items:center;justify-content:center;min-width:40px;min-height:40px;padding:0 .5rem;\
        border:1px solid var(--axis);border-radius:6px;background:var(--plot);color:var(--text);cursor:pointer}
        .gd-bar svg{width:18px;height:18px;fill:currentColor}
        .gd-player[data-playing=true] .gd-i-play,.gd-player[data-playing=false] .gd-i-pause{display:none}
        .gd-player select,.gd-numbers button{min-height:40px;font:inherit;color:var(--text);background:var(--plot);border:1px solid var(--axis);border-radius:6px}
        .gd-pos{font-variant-numeric:tabular-nums;padding:0 .3rem}
        .gd-player :focus-visible{outline:3px solid var(--accent);outline-offset:2px}
        .gd-chapter{min-height:1.45em;margin:.4rem 0 0;font-style:italic}
        .gd-readout,.gd-table{overflow:auto;margin:.5rem 0}
        .gd-table{max-height:24rem}
        .gd-player table{border-collapse:collapse;font-variant-numeric:tabular-nums}
        .gd-player th,.gd-player td{padding:.2rem .55rem;text-align:right;white-space:nowrap;border-bottom:1px solid var(--grid)}
        .gd-player th{font-weight:600}
        .gd-player th:first-child,.gd-player td:first-child,.gd-player .gd-name{text-align:left}
        .gd-table tr[aria-current=true]{background:var(--plot);outline:2px solid var(--accent);outline-offset:-2px}
        .gd-table tbody tr{cursor:pointer}
        .gd-player details{margin-top:.6rem}
        .gd-player summary{cursor:pointer;font-weight:600;min-height:32px}
        .gd-player pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--plot);border:1px solid var(--grid);padding:.5rem;border-radius:4px}
        .gd-error{color:var(--text);border:2px solid var(--accent);padding:.5rem}
        .gd-sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        """
    }
}
