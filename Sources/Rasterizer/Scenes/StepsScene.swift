import Training

/// `--mode steps`: batch gradient descent one update at a time, each in four beats (see `StepsSchedule`).
///
/// Left, the data and the current line: beat 1 marks the predictions ŷᵢ on it, beat 2 draws each residual
/// yᵢ − ŷᵢ as a segment and its square beside it (squares in pixels of the y axis, so the loss, their mean
/// area, is seen to shrink), beat 3 keeps the residuals while the gradient is formed, beat 4 moves the line
/// (the old one dashed). With more than ``sampleSize`` points the residuals of a reproducible sample are drawn,
/// evenly spread over x, and the legend says so. Right, above: the contour of J(m, b) with the path so far and,
/// from beat 3, the step −α∇J as an arrow; below: the formulas with the epoch's numbers (`StepEquations`).
final class StepsScene: Scene {
    let input: SceneInput
    let style: Style
    let font: Font
    let page: PixelRect
    let heading: String
    let data: Chart
    let inset: ContourScene
    let equations: StepEquations
    /// The snapshot of each shown epoch (the update leaving it is shown).
    let shown: [Int]
    /// The points whose residuals are drawn.
    let sample: [Int]
    let legend: [LegendEntry]
    let corner: Chart.Corner
    static let sampleSize = 20

    init(_ input: SceneInput, width: Int, height: Int, font: Font, epochLimit: Int?) {
        self.input = input
        self.font = font
        let r = input.result
        let style = CompositeScene.pageStyle(width: width, height: height, columns: 2, rows: 1, theme: input.theme)
        self.style = style
        page = PixelRect(x0: 0, y0: 0, x1: width, y1: height)
        shown = StepsSchedule.epochs(snapshots: r.snapshots.count, limit: epochLimit)
        var title = "\(SceneText.optimizer(r.config)), one update at a time"
        if r.config.schedule == .constant { title += ", α = \(NumberFormat.significant(r.config.learningRate))" }
        // Every step of a diverging run grows: the heading says so from the first frame, with the limit.
        if SceneText.behaviour(r) == "diverges" {
            title += ": diverges" + (r.stabilityLimit.map { " (stable below 2/λmax = \(NumberFormat.significant($0)))" } ?? "")
        }
        heading = title
        let cells = CompositeScene.grid(2, columns: 2, width: width, height: height, style: style, panelReadouts: false, pageReadout: input.readout)
        let left = cells[0].area, right = cells[1].area
        let (xr, yr) = LineScene.ranges(input)
        data = Chart(Panel(area: left, status: false, style: style), font: font, x: Axis(xr.lo, xr.hi, title: "x"), y: Axis(yr.lo, yr.hi, title: "y"))
        let split = right.y0 + Int(Double(right.y1 - right.y0) * 0.46)
        var plain = input
        plain.arrows = false
        inset = ContourScene(plain, panel: Panel(area: PixelRect(x0: right.x0, y0: right.y0, x1: right.x1, y1: split), status: false, style: style),
                             font: font, heading: "J(m, b) and the step −α∇J", options: .init(legend: false))
        let n = input.data.count
        let box = PixelRect(x0: right.x0 + Int(style.pad * 2), y0: split + Int(style.pad), x1: right.x1 - Int(style.pad * 2), y1: right.y1 - Int(style.pad))
        equations = StepEquations(r, shown: shown.isEmpty ? [] : shown, digits: r.readoutPrecision, box: box, style: style, font: font,
                                  caption: "One update with this epoch's numbers, n = \(NumberFormat.count(n))")
        sample = Self.sample(input.data, count: Self.sampleSize)
        let residual = style.theme.runs[4]
        let note = sample.count < n ? " (\(sample.count) of \(NumberFormat.count(n)) points)" : ""
        legend = [
            // Past the density threshold the data is drawn as points per pixel: its legend says so, as the line scene's.
            n > DensityGrid.threshold
                ? LegendEntry(glyph: DensityGrid.legendGlyph, text: "data yᵢ, by density")
                : LegendEntry(glyph: .marker(.circle, style.theme.data, edge: style.theme.data), text: "data yᵢ"),
            LegendEntry(glyph: .line(style.theme.fit, width: style.lineWidth, dashed: false), text: "line ŷ = m·x + b"),
            LegendEntry(glyph: .line(residual, width: style.lineWidth, dashed: false), text: "residual yᵢ − ŷᵢ" + note),
            LegendEntry(glyph: .marker(.square, residual.over(style.theme.plot, alpha: 0.3), edge: residual), text: "its square (yᵢ − ŷᵢ)²"),
        ]
        let chart = data
        // Where the data is: its dots, or past the density threshold the pixels that hold points (a Point per
        // point of ten million would be 160 MB).
        var avoid = n > DensityGrid.threshold ? DensityGrid(input.data, chart: chart).occupied : zip(input.data.xs, input.data.ys).map { chart.point($0, $1) }
        for k in shown + (shown.last.map { [$0 + 1] } ?? []) {
            let s = r.snapshots[k]
            avoid += stride(from: 0.0, through: 1.0, by: 0.05).map { t in
                let x = xr.lo + t * (xr.hi - xr.lo)
                return chart.point(x, s.m * x + s.b)
            }
        }
        corner = chart.quietestCorner(for: legend, among: [.topLeft, .bottomRight, .topRight, .bottomLeft], avoiding: avoid)
    }

    /// `count` points spread evenly over the ranks of x (all when there are no more): the same points on
    /// every run, and the residuals cover the whole line.
    static func sample(_ data: Dataset, count: Int) -> [Int] {
        let n = data.count
        guard n > count else { return Array(0..<n) }
        let ranks = (0..<count).map { Int((Double($0) * Double(n - 1) / Double(count - 1)).rounded()) }
        return RankSelection.indices(of: data.xs, atRanks: ranks)
    }

    var ownSchedule: (frames: [Int], seconds: [Double])? {
        (Array(0..<(4 * shown.count)), StepsSchedule.seconds(epochs: shown.count))
    }

    /// The shown epoch and the beat of frame `j`.
    private func place(_ j: Int) -> (i: Int, k: Int, beat: StepsSchedule.Beat) {
        let i = min(j / 4, shown.count - 1)
        return (i, shown[i], StepsSchedule.Beat(rawValue: j % 4)!)
    }

    func drawBackground(on c: Canvas) {
        c.fillRect(x0: page.x0, y0: page.y0, x1: page.x1, y1: page.y1, style.theme.page)
        drawCentred(heading, font: font, style: style, left: Double(page.x0), right: Double(page.x1), centre: Double(page.x1) / 2,
                    baseline: Chart.titleBand(style) - style.pad * 0.9, size: style.titleSize * 1.1, on: c)
        data.drawFrame(on: c)
        data.drawHeading("The data and the line ŷ = m·x + b", on: c)
        LineScene.drawPoints(input.data, on: data, c)
        data.drawLegend(legend, corner: corner, on: c)
        inset.drawBackground(on: c)
        equations.drawStatic(on: c, style: style, font: font)
    }

    /// The path on the inset up to the shown epoch of frame `j` (drawn once a shown epoch begins).
    func drawTrail(_ j: Int, on c: Canvas) {
        guard j % 4 == 0, !shown.isEmpty else { return }
        let i = j / 4
        let from = i == 0 ? 0 : shown[i - 1] + 1
        for s in from...shown[i] { inset.drawTrail(s, on: c) }
    }

    func drawOverlay(_ j: Int, on c: Canvas) {
        guard !shown.isEmpty else { return }
        let (i, k, beat) = place(j)
        let snaps = input.result.snapshots
        let now = snaps[k], next = snaps[k + 1]
        let theme = style.theme, clip = data.plot
        let residual = theme.runs[4]
        func line(_ s: Snapshot, dashed: Bool = false, alpha: Double = 1) {
            data.drawLine(m: s.m, b: s.b, width: style.lineWidth, theme.fit, alpha: alpha, dashed: dashed, on: c)
            if !dashed { data.drawOffPlotMark(m: s.m, b: s.b, theme.fit, on: c) }
        }
        let points = sample.map { (x: input.data.xs[$0], y: input.data.ys[$0]) }
        switch beat {
        case .predict:
            line(now)
            for p in points { c.strokeCircle(data.point(p.x, now.m * p.x + now.b), radius: style.markerRadius * 0.8, width: max(1, style.scale), theme.fit, clip: clip) }
        case .residuals, .gradient:
            line(now)
            let mid = Double(clip.x0 + clip.x1) / 2
            for p in points {
                let top = data.point(p.x, p.y), foot = data.point(p.x, now.m * p.x + now.b)
                if beat == .residuals {
                    // The square beside its residual, towards the middle of the plot, side = the residual in pixels.
                    let side = abs(top.y - foot.y), dir = top.x < mid ? 1.0 : -1.0
                    let lo = min(top.y, foot.y)
                    let square = [Point(top.x, lo), Point(top.x + dir * side, lo), Point(top.x + dir * side, lo + side), Point(top.x, lo + side)]
                    c.fillPolygon(square, residual, alpha: 0.06, edge: residual, edgeWidth: max(1, style.scale * 0.8), clip: clip)
                }
                c.strokeSegment(top, foot, width: style.lineWidth * 0.8, residual, clip: clip)
            }
        case .update:
            line(now, dashed: true, alpha: 0.45)
            line(next)
        }
        inset.drawOverlay(beat == .update ? k + 1 : k, on: c)
        if beat == .gradient || beat == .update {
            let ic = inset.chart
            c.drawArrow(from: ic.point(now.m, now.b), to: ic.point(next.m, next.b), width: max(1.5, style.lineWidth * 0.7),
                        minimumHead: max(7, 9 * style.scale), clearance: beat == .update ? 0 : style.markerRadius * 1.25,
                        theme.gradientArrow, casing: theme.pathCasing, clip: ic.plot)
        }
        equations.draw(i, beat: beat, on: c, style: style, font: font)
    }

    var onTop: [PixelRect] { [data.legendFrame(legend, corner: corner)] }

    var plots: [PixelRect] { [data.plot, inset.chart.plot, equations.box] }

    var readouts: [Readout] {
        guard input.readout, !shown.isEmpty else { return [] }
        let r = input.result
        return [Readout(band: ReadoutBand(area: page, centre: Double(page.x1) / 2, style: style, font: font), text: { [unowned self] j in
            let (_, k, beat) = self.place(j)
            return SceneText.progress(r, k) + ["   step ", TitleSegment("\(beat.rawValue + 1)", counter: true), " of 4: ", TitleSegment(beat.title)]
                + SceneText.rate(r, k + 1)
        })]
    }

    var runs: [[Snapshot]] { [input.result.snapshots] }
}

extension SceneDrawing {
    /// One update of batch gradient descent at a time, in four beats: the data with residuals and their
    /// squares, the formulas with the epoch's numbers, and the step on a contour inset. Its formulas need
    /// more room than a chart (looked at: at 480×360 they are set at 8 px, at 600×400 at 10).
    public static let steps = SceneDrawing(name: "steps", grid: { _ in (2, 1) }, defaultSize: { _ in (960, 540) }, minimumSize: (600, 400)) { input, frame in
        StepsScene(input, width: frame.width, height: frame.height, font: frame.font, epochLimit: frame.frameLimit)
    }
}
