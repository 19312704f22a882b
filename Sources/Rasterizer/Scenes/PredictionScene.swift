import Training

/// A model of several features drawn the way a regression of many inputs is shown: every point's
/// prediction ŷᵢ = wᵀxᵢ + b against its true yᵢ, which gradient descent gathers onto the diagonal ŷ = y
/// (a perfect fit) as far as the features allow; the least-squares predictions are faint rings, the
/// closest any θ can come. The line of one feature has no single x axis to stand on here.
final class PredictionScene: ChartScene {
    let chart: Chart
    let input: SceneInput
    /// The readout's digits, worked out once.
    private lazy var digits = input.result.readoutPrecision
    let legend: [LegendEntry]
    let corner: Chart.Corner
    private let customHeading: String?
    /// The features, one array per feature, and y.
    private let columns: [[Double]], ys: [Double]

    init(_ input: SceneInput, panel: Panel, font: Font, heading: String? = nil) {
        self.input = input
        customHeading = heading
        columns = input.data.featureColumns
        ys = input.data.ys
        // (Data of statistics alone has no points to place: the plan refuses to draw it, naming why.)
        let range = Self.range(input), across = NiceTicks.range(input.data.ys.min() ?? 0, input.data.ys.max() ?? 1)
        let chart = Chart(panel, font: font, x: Axis(across.lo, across.hi, title: "y (data)"), y: Axis(range.lo, range.hi, title: "ŷ = wᵀx + b (prediction)"))
        self.chart = chart
        let style = chart.style
        legend = [
            LegendEntry(glyph: .marker(.circle, chart.theme.fit, edge: chart.theme.fit), text: "prediction of each point (\(NumberFormat.count(input.data.count)))"),
            LegendEntry(glyph: .marker(.circle, chart.theme.neutral, edge: chart.theme.neutral), text: "least-squares prediction"),
            LegendEntry(glyph: .line(chart.theme.neutral, width: style.lineWidth * 0.75, dashed: true), text: "perfect fit ŷ = y"),
        ]
        let best = input.result.model.optimum?.theta ?? input.result.final.theta
        let avoid = Self.predictions(best, columns).enumerated().map { chart.point(input.data.ys[$0.offset], $0.element) }
        corner = chart.quietestCorner(for: legend, among: [.topLeft, .bottomRight, .topRight, .bottomLeft], avoiding: avoid)
    }

    /// ŷᵢ = Σⱼ θⱼ·xᵢⱼ + θ_p for every point.
    static func predictions(_ theta: [Double], _ columns: [[Double]]) -> [Double] {
        let p = columns.count
        guard let n = columns.first?.count else { return [] }
        return (0..<n).map { i in
            var yHat = theta[p]
            for j in 0..<p { yHat += theta[j] * columns[j][i] }
            return yHat
        }
    }

    /// The predictions' axis: the data's y and the least-squares predictions, and the predictions of every
    /// tame snapshot unless they would squash those into less than a twentieth of the plot (a start far
    /// from the data): then its first frames pass outside. (Across, the data's y alone.)
    static func range(_ input: SceneInput) -> (lo: Double, hi: Double) {
        let columns = input.data.featureColumns, ys = input.data.ys
        let best = input.result.model.optimum?.theta ?? input.result.final.theta
        let core = ys + predictions(best, columns)
        guard !core.isEmpty else { return (0, 1) }
        var all = core
        for s in input.result.rangeSnapshots { all += predictions(s.theta, columns) }
        let span = core.max()! - core.min()!
        let framed = span > 0 && all.max()! - all.min()! > 20 * span ? core : all
        return NiceTicks.range(framed.min()!, framed.max()!)
    }

    var legendRect: PixelRect { chart.legendFrame(legend, corner: corner) }

    func drawStatic(on c: Canvas) {
        chart.drawLine(m: 1, b: 0, width: chart.style.lineWidth * 0.75, chart.theme.neutral, dashed: true, on: c)
        let best = input.result.model.optimum?.theta ?? input.result.final.theta
        let r = chart.style.markerRadius * 0.7
        for (y, yHat) in zip(ys, Self.predictions(best, columns)) {
            c.fillCircle(chart.point(y, yHat), radius: r, chart.theme.neutral, alpha: 0.35, clip: chart.plot)
        }
        chart.drawLegend(legend, corner: corner, on: c)
    }

    func drawTrail(_ k: Int, on c: Canvas) {}

    func drawOverlay(_ k: Int, on c: Canvas) {
        let n = ys.count
        let alpha = min(0.9, max(0.25, 9 / Double(max(n, 1)).squareRoot() * 1.35))
        let r = chart.style.markerRadius * (n > 300 ? 0.7 : 0.85)
        for (y, yHat) in zip(ys, Self.predictions(input.result.snapshots[k].theta, columns)) {
            c.fillCircle(chart.point(y, yHat), radius: r, chart.theme.fit, alpha: alpha, clip: chart.plot)
        }
    }

    var heading: String { customHeading ?? "\(SceneText.run(input.result)): prediction against truth" }

    var runs: [[Snapshot]] { [input.result.snapshots] }

    func status(_ k: Int) -> [TitleSegment] {
        SceneText.progressAndFit(input.result, k, digits: digits)
    }
}
