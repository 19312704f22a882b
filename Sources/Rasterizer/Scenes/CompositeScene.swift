import Training

/// Several charts in one frame: a page heading at the top, a shared readout at the bottom (if any), and the
/// panels in a grid between them, all advancing together. A panel whose run is shorter (one that
/// diverged and stopped) stays on its last snapshot.
final class CompositeScene: Scene {
    let panels: [any ChartScene]
    let heading: String
    let page: PixelRect
    let style: Style
    let font: Font
    let pageReadout: ((Int) -> [TitleSegment])?

    init(heading: String, page: PixelRect, style: Style, font: Font, panels: [any ChartScene], readout: ((Int) -> [TitleSegment])?) {
        self.heading = heading
        self.page = page
        self.font = font
        self.panels = panels
        self.style = style
        pageReadout = readout
    }

    /// One set of sizes for the whole page and its panels, so text reads alike in every panel: the
    /// scale of a single scene the size of one cell, a little larger (cells share their margins' room).
    static func pageStyle(width: Int, height: Int, columns: Int, rows: Int, theme: Theme) -> Style {
        Style(scale: max(0.62, min(Double(width) / Double(columns) / 640, Double(height) / Double(rows) / 480) * 1.15), theme: theme)
    }

    /// `count` cells in `columns` columns filling the page between its heading and its readout band
    /// (none without `pageReadout`).
    static func grid(_ count: Int, columns: Int, width: Int, height: Int, style s: Style, panelReadouts: Bool, pageReadout: Bool) -> [Panel] {
        let top = Chart.titleBand(s), bottom = pageReadout ? Chart.statusBand(s) : 0
        let rows = (count + columns - 1) / columns
        let cellW = Double(width) / Double(columns)
        let cellH = (Double(height) - top - bottom) / Double(rows)
        return (0..<count).map { i in
            let r = i / columns, c = i % columns
            let x0 = Int((Double(c) * cellW).rounded()), x1 = Int((Double(c + 1) * cellW).rounded())
            let y0 = Int((top + Double(r) * cellH).rounded()), y1 = Int((top + Double(r + 1) * cellH).rounded())
            return Panel(area: PixelRect(x0: x0, y0: y0, x1: x1, y1: y1), status: panelReadouts, style: s)
        }
    }

    /// The runs a multi-run scene shows: those given, else the main run alone under `label`.
    static func runs(of input: SceneInput, label: String = "") -> [LabelledRun] {
        input.runs.isEmpty ? [LabelledRun(label: label, data: input.data, result: input.result)] : input.runs
    }

    /// `Epoch k / N` of the longest of `runs`: one that stops early (diverged) does not stop the counter.
    static func progress(of runs: [LabelledRun]) -> (Int) -> [TitleSegment] {
        let longest = runs.map(\.result).max { $0.snapshots.count < $1.snapshots.count }!
        return { k in SceneText.progress(longest, min(k, longest.snapshots.count - 1)) }
    }

    func drawBackground(on c: Canvas) {
        c.fillRect(x0: page.x0, y0: page.y0, x1: page.x1, y1: page.y1, style.theme.page)
        let band = Chart.titleBand(style)
        drawCentred(heading, font: font, style: style, left: Double(page.x0), right: Double(page.x1), centre: Double(page.x0 + page.x1) / 2,
                    baseline: Double(page.y0) + band - style.pad * 0.9, size: style.titleSize * 1.1, on: c)
        for p in panels { p.drawBackground(on: c) }
    }

    func drawTrail(_ k: Int, on c: Canvas) {
        for p in panels where k < p.snapshotCount { p.drawTrail(k, on: c) }
    }

    func drawOverlay(_ k: Int, on c: Canvas) {
        for p in panels { p.drawOverlay(min(k, p.snapshotCount - 1), on: c) }
    }

    var onTop: [PixelRect] { panels.flatMap(\.onTop) }

    var plots: [PixelRect] { panels.flatMap(\.plots) }

    var readouts: [Readout] {
        let own = pageReadout.map { Readout(band: ReadoutBand(area: page, centre: Double(page.x0 + page.x1) / 2, style: style, font: font), text: $0) }
        return (own.map { [$0] } ?? []) + panels.flatMap { p in
            let last = p.snapshotCount - 1
            return p.readouts.map { r in Readout(band: r.band, text: { k in r.text(min(k, last)) }) }
        }
    }

    var runs: [[Snapshot]] { panels.flatMap(\.runs) }
}

/// `text` centred on `centre` between `left` and `right` (shrunk to fit), its baseline raised by the
/// font's descent below `baseline`.
func drawCentred(_ text: String, font: Font, style s: Style, left: Double, right: Double, centre: Double, baseline: Double, size: Double, on c: Canvas) {
    let room = right - left - 2 * s.pad
    let natural = font.measure(text, size: size).width
    let size = Font.fittingSize(size, guess: size * room / natural, floor: 7, step: 0.97) { font.measure(text, size: $0).width <= room } ?? 7
    // Still too long at the smallest size: keep the start and end it with an ellipsis, rather than
    // push both ends out of the frame.
    var shown = text
    while shown.count > 1 && font.measure(shown == text ? shown : shown + "…", size: size).width > room { shown.removeLast() }
    if shown != text { shown = shown.trimmingSuffix(while: { $0 == " " || $0 == "," || $0 == ":" }) + "…" }
    let w = font.measure(shown, size: size).width
    let x = min(max(centre, left + s.pad + w / 2), right - s.pad - w / 2) - w / 2
    font.draw(shown, on: c, x: x, y: baseline - size * Font.descent, size: size, color: s.theme.text)
}

extension String {
    /// The string without the trailing characters that satisfy `drop`.
    func trimmingSuffix(while drop: (Character) -> Bool) -> String {
        var s = self
        while let last = s.last, drop(last) { s.removeLast() }
        return s
    }
}
