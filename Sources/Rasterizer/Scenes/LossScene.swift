import Training
#if canImport(Glibc)
import Glibc
#endif

/// The loss curve up to the current epoch, a marker on it, and the least-squares minimum J* dashed.
final class LossScene: Scene {
    let chart: Chart
    let input: SceneInput
    let legend: [LegendEntry]
    let corner: Chart.Corner
    let xs: [Double]

    init(_ input: SceneInput, width: Int, height: Int, font: Font) {
        self.input = input
        let r = input.result
        let perStep = r.snapshots.count > 1 && r.snapshots.last!.step != r.snapshots.last!.epoch
        xs = r.snapshots.map { Double(perStep ? $0.step : $0.epoch) }
        let lastX = perStep ? Double(r.snapshots.last!.step) : Double(r.epochsRequested)
        let xr = (lo: -lastX * 0.02, hi: lastX * 1.02)
        // A log axis shows a whole explosion without squashing the first epochs; a linear one keeps to the
        // tame snapshots and lets the rest leave through the top.
        let all = r.snapshots.map(\.loss)
        let highest = all.max()!
        let jStar = r.leastSquares.loss
        let positiveLow = ([jStar] + all).filter { $0 > 0 }.min() ?? 1
        let useLog: Bool
        switch input.lossScale {
        case .log: useLog = highest > 0
        case .linear: useLog = false
        case .auto: useLog = highest > 0 && highest / positiveLow > 100
        }
        let top = useLog ? highest : r.rangeSnapshots.map(\.loss).max()!
        let yAxis: Axis
        if useLog {
            let lo = max(positiveLow, top * 1e-12)
            let span = top / lo
            yAxis = Axis(lo / pow(span, 0.05), top * pow(span, 0.05), scale: .log, title: "MSE (log scale)")
        } else {
            yAxis = Axis(0, top * 1.05 + (top == 0 ? 1 : 0), title: "MSE")
        }
        let chart = Chart(width: width, height: height, font: font,
                          x: Axis(xr.lo, xr.hi, title: perStep ? "update" : "epoch"), y: yAxis)
        self.chart = chart
        let style = chart.style
        legend = [
            LegendEntry(glyph: .line(Theme.blue, width: style.lineWidth, dashed: false), text: "training loss"),
            LegendEntry(glyph: .line(Theme.neutral, width: style.lineWidth * 0.75, dashed: true),
                        text: "least-squares minimum J* = \(NumberFormat.significant(jStar))"),
        ]
        let avoid = zip(xs, r.snapshots).map { chart.point($0, $1.loss) }
        corner = chart.quietestCorner(for: legend, among: [.topRight, .bottomLeft, .topCenter, .bottomRight], avoiding: avoid)
    }

    var legendRect: PixelRect { chart.legendFrame(legend, corner: corner) }

    func drawStatic(on c: Canvas) {
        let jStar = input.result.leastSquares.loss
        let y = chart.y.map(jStar)
        c.strokePolyline([Point(chart.x.map(chart.x.lo), y), Point(chart.x.map(chart.x.hi), y)], width: chart.style.lineWidth * 0.75,
                         Theme.neutral, dash: (chart.style.lineWidth * 2.5, chart.style.lineWidth * 1.8), clip: chart.plot)
        chart.drawLegend(legend, corner: corner, on: c)
    }

    func drawTrail(_ k: Int, on c: Canvas) {
        guard k > 0 else { return }
        let s = input.result.snapshots
        c.strokeSegment(chart.point(xs[k - 1], s[k - 1].loss), chart.point(xs[k], s[k].loss), width: chart.style.lineWidth, Theme.blue, clip: chart.plot)
    }

    func drawOverlay(_ k: Int, on c: Canvas) {
        let s = input.result.snapshots[k]
        chart.drawMarker(.circle, at: chart.point(xs[k], s.loss), fill: Theme.vermillion, edge: Theme.white, scale: 1.15, on: c, clip: chart.plot)
    }

    func title(_ k: Int) -> [TitleSegment] {
        SceneText.progressAndFit(input.result, k)
    }
}
