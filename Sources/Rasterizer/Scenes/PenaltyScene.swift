import Training

/// Why a penalty pulls the weights where it does (`--mode penalty`, two weights): the filled contours of
/// the mean squared error over (w₁, w₂) with b at its best (``WeightSlice/init(profile:)``), the least-squares
/// weights as a star, the penalised descent's path, and the penalty's level set through the current
/// weights (``PenaltyShape``: a disc for ridge, a diamond for lasso) growing as the path leaves 0. The
/// penalised optimum is where an MSE contour first touches that shape: drawn dashed there, with the
/// touching contour bold, so for lasso the corner on an axis, a weight of exactly 0, is plain to see.
///
/// One unit of w₁ and of w₂ span the same pixels: a disc is round and a diamond square on its corner.
final class PenaltyScene: ChartScene {
    let chart: Chart
    let input: SceneInput
    private lazy var digits = input.result.readoutPrecision
    let fill: ContourFill
    let bowl: WeightSlice
    let shape: PenaltyShape
    let penalty: Penalty
    /// The penalised optimum (w₁, w₂), its penalty P (without λ) and its MSE.
    let optimum: (u: Double, v: Double, penalty: Double, mse: Double)?
    let legend: [LegendEntry]
    let corner: Chart.Corner

    init(_ input: SceneInput, panel: Panel, font: Font) {
        self.input = input
        let r = input.result
        let model = r.model as! PenalizedRegression
        penalty = model.penalty
        let shape = PenaltyShape(l1Ratio: model.penalty.l1Ratio)
        self.shape = shape
        let bowl = WeightSlice(profile: model.base)
        self.bowl = bowl
        optimum = model.optimum.map { o in
            (o.theta[0], o.theta[1], shape.value(o.theta[0], o.theta[1]), bowl.loss(o.theta[0], o.theta[1]))
        }
        // The view holds 0 (the shapes' centre), both optima, the path, and the shapes through the last
        // weights and the penalised optimum (a shape through a wilder early step may leave it).
        let tame = TrainingResult.tame(r.snapshots)
        var us = [0.0, bowl.optimum.u] + tame.map { $0.theta[0] }, vs = [0.0, bowl.optimum.v] + tame.map { $0.theta[1] }
        var reach = tame.last.map { shape.reach(shape.value($0.theta[0], $0.theta[1])) } ?? 0
        if let o = optimum {
            us.append(o.u)
            vs.append(o.v)
            reach = max(reach, shape.reach(o.penalty))
        }
        us += [-reach, reach]
        vs += [-reach, reach]
        let (u0, u1, v0, v1) = (us.min()!, us.max()!, vs.min()!, vs.max()!)
        var hu = max((u1 - u0) / 2, 1e-9) * 1.15, hv = max((v1 - v0) / 2, 1e-9) * 1.15
        let (cu, cv) = ((u0 + u1) / 2, (v0 + v1) / 2)
        let names = model.parameterNames, features = input.data.featureNames
        func build() -> (ContourFill, Chart) {
            ContourFill.make(bowl.loss, least: bowl.optimum.loss,
                             u: Axis(cu - hu, cu + hu, title: "\(names[0]) (weight of \(features[0]))"),
                             v: Axis(cv - hv, cv + hv, title: "\(names[1]) (weight of \(features[1]))"), panel: panel, font: font)
        }
        var built = build()
        // Widen the narrower range until a pixel is the same step in w₁ and w₂ (twice: the colour bar's
        // width, hence the plot's, depends a little on the ranges).
        for _ in 0..<2 {
            let plot = built.1.plot
            let pw = Double(plot.x1 - plot.x0), ph = Double(plot.y1 - plot.y0)
            if hu / pw < hv / ph { hu = hv * pw / ph } else { hv = hu * ph / pw }
            built = build()
        }
        (fill, chart) = built
        let chart = self.chart, style = chart.style
        let what = Self.shapeName(penalty)
        legend = [
            LegendEntry(glyph: .casedLine(chart.theme.path, casing: chart.theme.pathCasing, width: style.lineWidth * 0.8), text: "penalised descent"),
            LegendEntry(glyph: .marker(.star, chart.theme.highlight, edge: chart.theme.outline), text: "least squares (λ = 0)"),
            LegendEntry(glyph: .marker(.circle, chart.theme.highlight, edge: chart.theme.outline), text: "\(model.optimumName)"),
            LegendEntry(glyph: .line(chart.theme.fit, width: style.lineWidth, dashed: false), text: "\(what) through the current w"),
            LegendEntry(glyph: .casedLine(Self.touching, casing: chart.theme.markerEdge, width: style.lineWidth * 0.9), text: "the MSE contour it touches"),
        ]
        let avoid = tame.map { chart.point($0.theta[0], $0.theta[1]) } + [chart.point(bowl.optimum.u, bowl.optimum.v), chart.point(0, 0)]
        corner = chart.quietestCorner(for: legend, among: [.topRight, .topLeft, .bottomRight, .bottomLeft], avoiding: avoid)
    }

    /// The colour of the MSE contour through the penalised optimum: a bold isoline, black on the viridis
    /// fill in every theme (its legend sample is cased in the marker edge's colour to show on a dark legend).
    static let touching = RGB(0x000000)

    /// "the L1 diamond", "the L2 disc", "the elastic-net shape".
    static func shapeName(_ p: Penalty) -> String {
        switch p.kind {
        case .l1: return "the L1 diamond"
        case .l2: return "the L2 disc"
        case .elastic: return "the elastic-net shape"
        }
    }

    var legendRect: PixelRect { chart.legendFrame(legend, corner: corner) }

    var runs: [[Snapshot]] { [input.result.snapshots] }

    func drawStatic(on c: Canvas) {
        fill.draw(bowl, chart: chart, on: c)
        fill.drawColorbar(chart: chart, on: c)
        let style = chart.style, plot = chart.plot
        // The axes w₁ = 0 and w₂ = 0: where lasso's corners, and its zeros, lie.
        let w = max(1, style.scale)
        c.strokeSegment(chart.point(chart.x.lo, 0), chart.point(chart.x.hi, 0), width: w, chart.theme.path, alpha: 0.55, clip: plot)
        c.strokeSegment(chart.point(0, chart.y.lo), chart.point(0, chart.y.hi), width: w, chart.theme.path, alpha: 0.55, clip: plot)
        if let o = optimum {
            // The contour through the penalised optimum, and the shape there: they touch at it.
            fill.drawIsoline(bowl, level: o.mse, width: style.lineWidth * 0.9, color: Self.touching, chart: chart, on: c)
            let lw = style.lineWidth * 0.75
            c.strokePolyline(shape.outline(o.penalty).map { chart.point($0.0, $0.1) }, width: lw, chart.theme.fit, dash: (lw * 3, lw * 2), clip: plot)
        }
        chart.drawLegend(legend, corner: corner, on: c)
    }

    private var pathWidth: Double { chart.style.lineWidth * 0.8 }

    func drawTrail(_ k: Int, on c: Canvas) {
        let snaps = input.result.snapshots
        guard k > 0 else { return }
        let q = chart.point(snaps[k - 1].theta[0], snaps[k - 1].theta[1]), p = chart.point(snaps[k].theta[0], snaps[k].theta[1])
        c.strokeSegment(q, p, width: pathWidth + 2 * max(1, chart.style.scale), chart.theme.pathCasing, alpha: 0.8, clip: chart.plot)
        c.strokeSegment(q, p, width: pathWidth, chart.theme.path, clip: chart.plot)
    }

    func drawOverlay(_ k: Int, on c: Canvas) {
        let s = input.result.snapshots[k]
        let (u, v) = (s.theta[0], s.theta[1])
        shape.fill(shape.value(u, v), chart: chart, color: chart.theme.fit, alpha: 0.16, edgeWidth: chart.style.lineWidth, on: c)
        if let o = optimum {
            chart.drawMarker(.circle, at: chart.point(o.u, o.v), fill: chart.theme.highlight, edge: chart.theme.outline, scale: 1.1, on: c, clip: chart.plot)
        }
        chart.drawMarker(.star, at: chart.point(bowl.optimum.u, bowl.optimum.v), fill: chart.theme.highlight, edge: chart.theme.outline, on: c, clip: chart.plot)
        chart.drawMarker(.circle, at: chart.point(u, v), fill: chart.theme.fit, edge: chart.theme.markerEdge, scale: 1.25, on: c, clip: chart.plot)
        // The start over the current marker: at epoch 0 both show, the square inside the circle.
        let start = input.result.snapshots[0]
        chart.drawMarker(.square, at: chart.point(start.theta[0], start.theta[1]), fill: chart.theme.path, edge: chart.theme.outline, scale: 0.85, on: c, clip: chart.plot)
    }

    var heading: String { "\(SceneText.run(input.result)): \(Self.shapeName(penalty)) on the MSE contours" }

    /// `Epoch k / N  w1 = …  w2 = …  MSE … + λ·P … = J …`.
    func status(_ k: Int) -> [TitleSegment] {
        let r = input.result, s = r.snapshots[k], names = r.model.parameterNames
        func weight(_ x: Double) -> String { x == 0 ? "0" : digits.m.text(x) }
        let mse = (r.model as! PenalizedRegression).mse(s.theta)
        let term: String
        switch penalty.kind {
        case .l1: term = "λ‖w‖₁"
        case .l2: term = "λ‖w‖²"
        case .elastic: term = "λP(w)"
        }
        return SceneText.progress(r, k) + [
            TitleSegment("  \(names[0]) = "), TitleSegment(weight(s.theta[0])), TitleSegment("  \(names[1]) = "), TitleSegment(weight(s.theta[1])),
            TitleSegment("  MSE "), TitleSegment(SceneText.number(mse)), TitleSegment(" + \(term) "), TitleSegment(SceneText.number(s.loss - mse)),
            TitleSegment(" = J "), TitleSegment(SceneText.number(s.loss)),
        ]
    }
}

extension SceneDrawing {
    /// The penalty's level set on the MSE contours of two weights, with the penalised path.
    public static let penalty = SceneDrawing(name: "penalty") { input, frame in PenaltyScene(input, panel: frame.full, font: frame.font) }
}
