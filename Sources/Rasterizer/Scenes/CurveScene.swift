import Training

/// A model of polynomial features (`--degree`) drawn over its one input x: the training points filled, the
/// held-out validation points hollow, the current fitted curve ŷ(x) = wᵀf(x) + b, and the model's optimum
/// (least squares, or the penalised one) dashed as the target. A degree too high for the points bends
/// between them: the picture of overfitting.
final class CurveScene: ChartScene {
    let chart: Chart
    let input: SceneInput
    private lazy var digits = input.result.readoutPrecision
    let legend: [LegendEntry]
    let corner: Chart.Corner
    private let customHeading: String?
    private let curve: PolynomialCurve
    /// The x of each pixel column's sample, and the feature rows there, computed once.
    private let samples: [Double], rows: [[Double]]

    init(_ input: SceneInput, panel: Panel, font: Font, heading: String? = nil) {
        self.input = input
        customHeading = heading
        let curve = input.data.curve!
        self.curve = curve
        let held = input.data.heldOut
        let xsAll = curve.inputs + (held?.inputs ?? []), ysAll = input.data.ys + (held?.ys ?? [])
        let xr = NiceTicks.range(xsAll.min() ?? 0, xsAll.max() ?? 1)
        // y: the points, with room above and below; a wild curve leaves through the edges (it is clipped).
        let (ylo, yhi) = (ysAll.min() ?? 0, ysAll.max() ?? 1)
        let pad = max(yhi - ylo, 1e-9) * 0.25
        let yr = NiceTicks.range(ylo - pad, yhi + pad)
        let chart = Chart(panel, font: font, x: Axis(xr.lo, xr.hi, title: "x"),
                          y: Axis(yr.lo, yr.hi, title: "y"))
        self.chart = chart
        let count = max(2, Int(chart.plot.x1 - chart.plot.x0) / 2)
        samples = (0...count).map { xr.lo + (xr.hi - xr.lo) * Double($0) / Double(count) }
        rows = samples.map(curve.row(at:))
        let style = chart.style
        let model = input.result.model
        var legend = [LegendEntry(glyph: .marker(.circle, chart.theme.data, edge: chart.theme.data), text: "training (\(NumberFormat.count(input.data.count)) points)")]
        if let held {
            legend.append(LegendEntry(glyph: .marker(.circle, chart.theme.plot, edge: chart.theme.data), text: "validation (\(NumberFormat.count(held.count)), not trained on)"))
        }
        let best = model.optimumName == "least-squares minimum" ? "least squares" : model.optimumName.replacing("minimum", with: "fit")
        legend.append(LegendEntry(glyph: .line(chart.theme.neutral, width: style.lineWidth * 0.75, dashed: true), text: "\(best), degree \(curve.features.degree)"))
        legend.append(LegendEntry(glyph: .line(chart.theme.fit, width: style.lineWidth, dashed: false), text: "current fit"))
        self.legend = legend
        let avoid = zip(xsAll, ysAll).map { chart.point($0, $1) }
        corner = chart.quietestCorner(for: legend, among: [.topRight, .topLeft, .bottomRight, .bottomLeft], avoiding: avoid)
    }

    /// The curve ŷ(x) at θ through the samples, as plot points (values far outside the plot held near it,
    /// so the clipped stroke stays in range).
    private func points(_ theta: [Double]) -> [Point] {
        let span = chart.y.hi - chart.y.lo, lo = chart.y.lo - 4 * span, hi = chart.y.hi + 4 * span
        return zip(samples, rows).map { x, f in
            var y = theta[f.count]
            for j in f.indices { y += theta[j] * f[j] }
            return chart.point(x, y.isFinite ? min(max(y, lo), hi) : hi)
        }
    }

    var legendRect: PixelRect { chart.legendFrame(legend, corner: corner) }

    func drawStatic(on c: Canvas) {
        if let best = input.result.model.optimum?.theta {
            let w = chart.style.lineWidth * 0.75
            c.strokePolyline(points(best), width: w, chart.theme.neutral, dash: (w * 3, w * 2), clip: chart.plot)
        }
        for (x, y) in zip(curve.inputs, input.data.ys) {
            chart.drawMarker(.circle, at: chart.point(x, y), fill: chart.theme.data, edge: chart.theme.data, scale: 0.85, on: c, clip: chart.plot)
        }
        if let held = input.data.heldOut {
            for (x, y) in zip(held.inputs, held.ys) {
                chart.drawMarker(.circle, at: chart.point(x, y), fill: chart.theme.plot, edge: chart.theme.data, scale: 0.85, on: c, clip: chart.plot)
            }
        }
        chart.drawLegend(legend, corner: corner, on: c)
    }

    func drawTrail(_ k: Int, on c: Canvas) {}

    func drawOverlay(_ k: Int, on c: Canvas) {
        c.strokePolyline(points(input.result.snapshots[k].theta), width: chart.style.lineWidth, chart.theme.fit, clip: chart.plot)
    }

    var heading: String { customHeading ?? "\(SceneText.run(input.result)): a polynomial of degree \(curve.features.degree)" }

    var runs: [[Snapshot]] { [input.result.snapshots] }

    func status(_ k: Int) -> [TitleSegment] {
        SceneText.progressAndFit(input.result, k, digits: digits)
    }
}
