import Training

/// The data as dots, the least-squares line dashed, the current fit, and faint fits at epochs 0, 1, 2, 4, 8, …
final class LineScene: ChartScene {
    let chart: Chart
    let input: SceneInput
    /// The readout's digits of m and b, worked out once.
    private lazy var digits = input.result.readoutPrecision
    let legend: [LegendEntry]
    let corner: Chart.Corner
    /// Points per pixel, when there are too many points for dots.
    let density: DensityGrid?

    private let customHeading: String?

    init(_ input: SceneInput, panel: Panel, font: Font, heading: String? = nil) {
        self.input = input
        customHeading = heading
        let data = input.data
        let (xr, yr) = Self.ranges(input)
        let dense = data.count > DensityGrid.threshold
        let chart = Chart(panel, font: font, x: Axis(xr.lo, xr.hi, title: "x"), y: Axis(yr.lo, yr.hi, title: "y"),
                          rightReserve: dense ? DensityGrid.reserve(panel.style, font: font) : 0)
        self.chart = chart
        let density = dense ? DensityGrid(input, chart: chart) : nil
        self.density = density
        let style = chart.style
        let points = density == nil ? LegendEntry(glyph: .marker(.circle, chart.theme.data, edge: chart.theme.data), text: "data (\(NumberFormat.count(data.count)) points)")
            : LegendEntry(glyph: DensityGrid.legendGlyph, text: "data (\(NumberFormat.count(data.count)) points), by density")
        legend = [
            points,
            LegendEntry(glyph: .line(chart.theme.neutral, width: style.lineWidth * 0.75, dashed: true), text: input.result.model.optimumName == "least-squares minimum" ? "least squares" : input.result.model.optimumName.replacing("minimum", with: "fit")),
            LegendEntry(glyph: .line(chart.theme.fit, width: style.lineWidth, dashed: false), text: "current fit"),
            LegendEntry(glyph: .line(chart.theme.fit.over(chart.theme.plot, alpha: Self.milestoneAlpha), width: style.lineWidth * 0.6, dashed: false),
                        text: "fits at \(SceneText.unit(input.result))s 0, 1, 2, 4, 8, …"),
        ]
        var avoid = density?.occupied ?? zip(data.xs, data.ys).map { chart.point($0, $1) }
        for s in [input.result.snapshots.last!, input.result.snapshots[0]] {
            avoid += stride(from: 0.0, through: 1.0, by: 0.05).map { t in
                let x = xr.lo + t * (xr.hi - xr.lo)
                return chart.point(x, s.m * x + s.b)
            }
        }
        corner = chart.quietestCorner(for: legend, among: [.topLeft, .bottomRight, .topRight, .bottomLeft], avoiding: avoid)
    }

    /// Where this scene counts points per pixel, or nil when it draws dots.
    var densityFrame: DensityCounts.Frame? {
        input.data.count > DensityGrid.threshold ? DensityCounts.Frame(chart) : nil
    }

    /// The axes' ranges: x the data's; y the data, the least-squares line and the lines of every
    /// non-exploding snapshot across the x range, so the first fits (often below the data) are seen, unless
    /// they would squash the data into less than a twentieth of the height (y ≈ 10⁶ fitted from b = 0): then
    /// y frames the data and the early fits cross the plot or pass outside it (a start a few data heights
    /// away, as a lesson may choose, keeps its first fits in view).
    static func ranges(_ input: SceneInput) -> (x: (lo: Double, hi: Double), y: (lo: Double, hi: Double)) {
        let data = input.data
        // The extremes from the statistics when only they were kept.
        let xr = NiceTicks.range(data.summary?.minX ?? data.xs.min()!, data.summary?.maxX ?? data.xs.max()!)
        let ls = input.result.leastSquares
        let core = [data.summary?.minY ?? data.ys.min()!, data.summary?.maxY ?? data.ys.max()!, ls.m * xr.lo + ls.b, ls.m * xr.hi + ls.b]
        var ys = core
        for s in input.result.rangeSnapshots { ys += [s.m * xr.lo + s.b, s.m * xr.hi + s.b] }
        let coreSpan = core.max()! - core.min()!
        let framed = coreSpan > 0 && ys.max()! - ys.min()! > 20 * coreSpan ? core : ys
        let yr = NiceTicks.range(framed.min()!, framed.max()!)
        return ((xr.lo, xr.hi), (yr.lo, yr.hi))
    }

    var legendRect: PixelRect { chart.legendFrame(legend, corner: corner) }

    func drawStatic(on c: Canvas) {
        let ls = input.result.leastSquares
        if let density {
            density.draw(on: c)
            density.drawColorBar(on: c, chart: chart)
        }
        // Under the dots, over a density (whose pixels are opaque).
        chart.drawLine(m: ls.m, b: ls.b, width: chart.style.lineWidth * 0.75, chart.theme.neutral, dashed: true, on: c)
        if density == nil { Self.drawPoints(input.data, on: chart, c) }
        chart.drawLegend(legend, corner: corner, on: c)
    }

    /// The data as dots, which turn translucent as they crowd: opaque up to 100 points, about 0.4 at 1000.
    /// Past `DensityGrid.threshold` points, the points per pixel instead (without the colour bar).
    static func drawPoints(_ data: Dataset, on chart: Chart, _ c: Canvas) {
        let n = data.count
        if n > DensityGrid.threshold {
            DensityGrid(data, chart: chart).draw(on: c)
            return
        }
        let alpha = min(0.9, max(0.25, 9 / Double(n).squareRoot() * 1.35))
        let r = chart.style.markerRadius * (n > 300 ? 0.7 : 0.85)
        for (x, y) in zip(data.xs, data.ys) {
            c.fillCircle(chart.point(x, y), radius: r, chart.theme.data, alpha: alpha, clip: chart.plot)
        }
    }

    /// Snapshots whose fit stays on the plot as a faint line once reached: 0, 1, 2, 4, 8, … A doubling
    /// schedule keeps the fast early steps apart and adds only a handful of lines however long the run,
    /// and a fit that stays put costs no bytes in later frames (a sliding trail of the last few would
    /// redraw every frame).
    static func isMilestone(_ k: Int) -> Bool { k & (k - 1) == 0 }
    static let milestoneAlpha = 0.3


    func drawTrail(_ k: Int, on c: Canvas) {
        guard Self.isMilestone(k) else { return }
        let s = input.result.snapshots[k]
        // A fit so steep that it crosses the plot within 3 pixels stays off the trail: on data far from 0
        // the steep fits of the middle of a run all pass through the data's centre, and a dozen faint ones
        // on one column read as a solid line beside the current fit. The current fit is still drawn.
        guard chart.pixelsAcross(m: s.m, b: s.b) >= 3 else { return }
        chart.drawLine(m: s.m, b: s.b, width: chart.style.lineWidth * 0.6, chart.theme.fit, alpha: Self.milestoneAlpha, on: c)
    }

    func drawOverlay(_ k: Int, on c: Canvas) {
        let s = input.result.snapshots[k]
        chart.drawLine(m: s.m, b: s.b, width: chart.style.lineWidth, chart.theme.fit, on: c)
        chart.drawOffPlotMark(m: s.m, b: s.b, chart.theme.fit, on: c)
    }

    var heading: String { customHeading ?? "\(SceneText.run(input.result)): the fitted line" }

    var runs: [[Snapshot]] { [input.result.snapshots] }

    func status(_ k: Int) -> [TitleSegment] {
        SceneText.progressAndFit(input.result, k, digits: digits)
    }
}

extension SceneDrawing {
    /// Data points and the current regression line; with several features, each point's prediction
    /// against its truth (``PredictionScene``).
    public static let line = SceneDrawing(name: "line") { input, frame in
        input.data.curve != nil ? CurveScene(input, panel: frame.full, font: frame.font) as any Scene
            : input.data.featureCount > 1 ? PredictionScene(input, panel: frame.full, font: frame.font) as any Scene : LineScene(input, panel: frame.full, font: frame.font)
    }
}
