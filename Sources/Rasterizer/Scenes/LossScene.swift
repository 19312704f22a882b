import Training
#if canImport(Glibc)
import Glibc
#endif

/// The loss curve up to the current epoch, a marker on it, and the least-squares minimum J* dashed;
/// several runs' curves in their colours for a comparison; optionally the best epoch marked.
final class LossScene: ChartScene {
    let chart: Chart
    let input: SceneInput
    /// The readout's digits of m and b, worked out once.
    private lazy var digits = input.result.readoutPrecision
    let curves: [Series]
    let legend: [LegendEntry]
    let corner: Chart.Corner
    /// x of each snapshot index: its epoch, or its update for per-update histories.
    let xs: [Double]
    let perStep: Bool
    /// Where the lowest loss is (curve 0), when asked for.
    let best: Int?
    /// Whether the curves are J − J* (no J* line then: it is the axis's floor).
    let excess: Bool
    /// The schedule's α on a right axis (one run's loss under a schedule other than constant).
    let rate: RateTrace?
    /// Where the dashed floor is: J*, or the training MSE there when a penalised run is drawn beside held-out points.
    let floorLine: Double
    private let customHeading: String?

    /// `legend: false` leaves the legend out (a comparison's colours are explained beside it).
    /// `excess: true` plots J − J* on a log axis: how far each run still is from the best fit, which
    /// separates a run that converges (a straight fall) from one that stalls at a noise floor (SGD).
    init(_ input: SceneInput, panel: Panel, font: Font, curves: [Series]? = nil, heading: String? = nil, legend showLegend: Bool = true,
         excess: Bool = false) {
        self.input = input
        let r = input.result
        // A penalised run beside held-out points: both curves are MSEs (the training one at the run's θ).
        let penalizedMSE = curves == nil && input.data.heldOut != nil ? r.model as? PenalizedRegression : nil
        let lossName = penalizedMSE == nil ? r.model.lossName : "MSE"
        var curves = curves ?? Self.trainingAndValidation(input, panel.style.theme)
        self.excess = excess
        if excess {
            // J ≥ J* holds exactly (J = J* + two squares); a floor keeps a run that reached J* to the
            // last bit on the log axis.
            let jStar = r.leastSquares.loss
            let floor = max(jStar, 1e-300) * 1e-15
            for i in curves.indices {
                curves[i].snapshots = curves[i].snapshots.map { s in
                    var e = s
                    e.loss = max(s.loss - jStar, floor)
                    return e
                }
            }
        }
        self.curves = curves
        customHeading = heading
        let longest = curves.map(\.snapshots).max { $0.count < $1.count }!
        // One run's own interval; the curves of a comparison are per epoch.
        let perStep = curves.count == 1 && !excess ? r.isPerUpdate : SceneText.isPerStep(longest)
        self.perStep = perStep
        xs = longest.map { Double(perStep ? $0.step : $0.epoch) }
        let lastX = Double(max(1, perStep ? longest.last!.step : r.epochsRequested))
        let xr = (lo: -lastX * 0.02, hi: lastX * 1.02)
        // A log axis shows a whole explosion without squashing the first epochs; a linear one keeps to the
        // tame snapshots and lets the rest leave through the top.
        let all = curves.flatMap { $0.snapshots.map(\.loss) }
        let highest = all.max()!
        let jStar = penalizedMSE.map { $0.mse($0.optimum!.theta) } ?? r.leastSquares.loss
        floorLine = jStar
        let positiveLow = ((excess ? [] : [jStar]) + all).filter { $0 > 0 }.min() ?? 1
        let useLog = excess || input.lossScale.isLogarithmic(highest: highest, lowestPositive: positiveLow)
        // J − J* (a comparison) keeps to the tame snapshots too: a run that explodes leaves through the
        // top, and those that converge keep their decades below.
        let top = useLog && !excess ? highest : curves.flatMap { TrainingResult.tame($0.snapshots).map(\.loss) }.max()!
        let yAxis: Axis
        if useLog {
            // Twelve decades below the top at most (a noise-free fit's loss falls to 1e-30), but J* always
            // shows when it is above rounding level (a trillionth of y's variance): a start 18 decades above
            // it (far data, a far start) keeps its end.
            let jStarIsReal = jStar > 1e-12 * r.model.lossScale
            let floor = !excess && jStarIsReal ? min(top * 1e-12, jStar) : top * 1e-12
            let lo = max(positiveLow, floor)
            let span = top / lo
            yAxis = Axis(lo / pow(span, 0.05), top * pow(span, 0.05), scale: .log, title: excess ? "\(lossName) − J* (log scale)" : "\(lossName) (log scale)")
        } else {
            yAxis = Axis(0, top * 1.05 + (top == 0 ? 1 : 0), title: lossName)
        }
        var rate = curves.count == 1 && !excess
            ? RateTrace(r, snapshots: longest, style: panel.style, font: font, plotHeight: Double(panel.area.y1 - panel.area.y0) * 0.7) : nil
        let chart = Chart(panel, font: font, x: Axis(xr.lo, xr.hi, title: perStep ? "update" : "epoch"), y: yAxis, rightReserve: rate?.reserve ?? 0)
        rate?.place(on: chart)
        self.rate = rate
        self.chart = chart
        let style = chart.style
        best = input.markBest ? curves[0].snapshots.indices.min { curves[0].snapshots[$0].loss < curves[0].snapshots[$1].loss } : nil
        var legend = curves.map { LegendEntry(glyph: .line($0.color, width: style.lineWidth, dashed: false), text: $0.label) }
        if !excess {
            legend.append(LegendEntry(glyph: .line(chart.theme.neutral, width: style.lineWidth * 0.75, dashed: true),
                                      text: penalizedMSE == nil ? "\(r.model.optimumName) J* = \(NumberFormat.significant(jStar))"
                                          : "training MSE at the \(r.model.optimumName) = \(NumberFormat.significant(jStar))"))
        }
        if rate != nil { legend.append(RateTrace.legend(chart.theme, style: style)) }
        if let best {
            let s = curves[0].snapshots[best]
            legend.append(LegendEntry(glyph: .marker(.star, chart.theme.highlight, edge: chart.theme.outline),
                                      text: "lowest loss: \(perStep ? "update \(s.step)" : "epoch \(s.epoch)"), \(NumberFormat.significant(s.loss))"))
        }
        self.legend = showLegend ? legend : []
        let xs = self.xs
        var avoid = curves.flatMap { zip(xs, $0.snapshots).map { chart.point($0, $1.loss) } }
        if let rate { avoid += zip(xs, rate.rates).map { Point(chart.x.map($0), rate.axis.map($1)) } }
        corner = chart.quietestCorner(for: legend, among: [.topRight, .bottomLeft, .topCenter, .bottomRight], avoiding: avoid)
    }

    var runs: [[Snapshot]] { curves.map(\.snapshots) }

    /// The run's loss, and beside it the held-out points' MSE (``validation(_:color:)``); with held-out points
    /// a penalised run's training curve is its MSE too, so that the two curves measure the same thing.
    static func trainingAndValidation(_ input: SceneInput, _ theme: Theme) -> [Series] {
        let r = input.result
        let held = validation(input, color: theme.fit)
        guard !held.isEmpty, let penalized = r.model as? PenalizedRegression else {
            return [Series(label: "training loss", color: theme.data, snapshots: r.snapshots)] + held
        }
        let mse = r.snapshots.map { Snapshot(epoch: $0.epoch, step: $0.step, theta: $0.theta, loss: penalized.mse($0.theta)) }
        return [Series(label: "training MSE (the run descends on MSE + penalty)", color: theme.data, snapshots: mse)] + held
    }

    /// The held-out points' mean squared error at every snapshot (`--validation`): the curve whose gap above
    /// the training loss is overfitting. None without held-out points.
    static func validation(_ input: SceneInput, color: RGB) -> [Series] {
        guard let held = input.data.heldOut else { return [] }
        let snapshots = input.result.snapshots.map { s in Snapshot(epoch: s.epoch, step: s.step, theta: s.theta, loss: held.meanSquaredError(s.theta)) }
        return [Series(label: "validation MSE (\(NumberFormat.count(held.count)) held out)", color: color, snapshots: snapshots)]
    }

    var legendRect: PixelRect { chart.legendFrame(legend, corner: corner) }

    func drawStatic(on c: Canvas) {
        let y = chart.y.map(floorLine)
        if !excess {
            c.strokePolyline([Point(chart.x.map(chart.x.lo), y), Point(chart.x.map(chart.x.hi), y)], width: chart.style.lineWidth * 0.75,
                             chart.theme.neutral, dash: (chart.style.lineWidth * 2.5, chart.style.lineWidth * 1.8), clip: chart.plot)
        }
        rate?.draw(on: c, chart: chart, xs: xs)
        chart.drawLegend(legend, corner: corner, on: c)
    }

    func drawTrail(_ k: Int, on c: Canvas) {
        guard k > 0 else { return }
        let w = curves.count == 1 ? chart.style.lineWidth : chart.style.lineWidth * 0.8
        for curve in curves where k < curve.snapshots.count {
            let s = curve.snapshots
            c.strokeSegment(chart.point(xs[k - 1], s[k - 1].loss), chart.point(xs[k], s[k].loss), width: w, curve.color, clip: chart.plot)
        }
    }

    func drawOverlay(_ k: Int, on c: Canvas) {
        // The best epoch's star appears once the run has got there.
        if let best, k >= best {
            chart.drawMarker(.star, at: chart.point(xs[best], curves[0].snapshots[best].loss), fill: chart.theme.highlight, edge: chart.theme.outline,
                             scale: 0.8, on: c, clip: chart.plot)
        }
        for curve in curves {
            let i = min(k, curve.snapshots.count - 1)
            chart.drawMarker(.circle, at: chart.point(xs[i], curve.snapshots[i].loss), fill: curves.count == 1 ? chart.theme.fit : curve.color,
                             edge: chart.theme.markerEdge, scale: curves.count == 1 ? 1.15 : 0.9, on: c, clip: chart.plot)
        }
    }

    var heading: String { customHeading ?? "\(SceneText.run(input.result)): loss per \(chart.x.title)" }

    func status(_ k: Int) -> [TitleSegment] {
        SceneText.progressAndFit(input.result, k, digits: digits)
    }
}

extension SceneDrawing {
    /// Loss against epoch.
    public static let loss = SceneDrawing(name: "loss") { input, frame in LossScene(input, panel: frame.full, font: frame.font) }
}
