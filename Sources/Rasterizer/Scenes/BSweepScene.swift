import Training

/// J(b) at a fixed m, the b-only optimizer's steps on the curve, and the tangent at the current b
/// (slope ∂J/∂b): the gradient visibly shrinks as b nears the minimum.
final class BSweepScene: ChartScene {
    let chart: Chart
    let input: SceneInput
    /// The readout's digits of b, worked out once.
    private lazy var digits = input.result.readoutPrecision
    let m: Double
    let legend: [LegendEntry]
    let corner: Chart.Corner

    private let customHeading: String?

    init(_ input: SceneInput, panel: Panel, font: Font, heading: String? = nil) {
        self.input = input
        customHeading = heading
        let r = input.result
        let surface = r.surface
        m = r.snapshots[0].m
        // The minimum of J(·) at this m, and a range symmetric about it that holds every tame step.
        let bMin = surface.meanY - m * surface.meanX
        let reach = r.rangeSnapshots.map { abs($0.b - bMin) }.max() ?? 1
        let half = max(reach, 1e-9 * max(1, abs(bMin))) * 1.12
        let jTop = surface.loss(m: m, b: bMin + half)
        let chart = Chart(panel, font: font,
                          x: Axis(bMin - half, bMin + half, title: "b"),
                          y: Axis(0, jTop * 1.05, title: "J(b) = MSE at m = \(NumberFormat.significant(m))"))
        self.chart = chart
        let style = chart.style
        legend = [
            LegendEntry(glyph: .line(chart.theme.data, width: style.lineWidth, dashed: false), text: "J(b), m fixed"),
            LegendEntry(glyph: .marker(.circle, chart.theme.fit, edge: chart.theme.markerEdge), text: "current b (small: earlier steps)"),
            LegendEntry(glyph: .line(chart.theme.highlight, width: style.lineWidth * 0.8, dashed: false), text: "tangent, slope ∂J/∂b"),
        ]
        corner = .topCenter
    }

    var legendRect: PixelRect { chart.legendFrame(legend, corner: corner) }

    func drawStatic(on c: Canvas) {
        let surface = input.result.surface
        let x = chart.x
        let samples = max(64, (chart.plot.x1 - chart.plot.x0) / 2)
        let curve = (0...samples).map { i -> Point in
            let b = x.lo + (x.hi - x.lo) * Double(i) / Double(samples)
            return chart.point(b, surface.loss(m: m, b: b))
        }
        c.strokePolyline(curve, width: chart.style.lineWidth, chart.theme.data, clip: chart.plot)
        chart.drawLegend(legend, corner: corner, on: c)
    }

    /// Every step stays, small and joined to the one before by a dashed line, so the zig-zag (or the
    /// creep) shows. Steps that stay put cost no bytes in later frames (a fading trail redraws every frame).
    func drawTrail(_ k: Int, on c: Canvas) {
        let snaps = input.result.snapshots
        let p = chart.point(snaps[k].b, snaps[k].loss)
        if k > 0 {
            let w = chart.style.thinWidth
            c.strokePolyline([chart.point(snaps[k - 1].b, snaps[k - 1].loss), p], width: w, chart.theme.fit, alpha: 0.45,
                             dash: (w * 3, w * 2.5), clip: chart.plot)
        }
        chart.drawMarker(.circle, at: p, fill: chart.theme.fit, edge: chart.theme.markerEdge, scale: 0.7, alpha: 0.55, on: c, clip: chart.plot)
    }

    func drawOverlay(_ k: Int, on c: Canvas) {
        let snaps = input.result.snapshots
        let s = snaps[k]
        let slope = input.result.surface.gradient(m: m, b: s.b).db
        // A tangent of fixed on-screen length, whatever its slope.
        let p = chart.point(s.b, s.loss)
        let q = chart.point(s.b + 1, s.loss + slope)
        let dx = q.x - p.x, dy = q.y - p.y
        let norm = (dx * dx + dy * dy).squareRoot()
        let half = Double(chart.plot.x1 - chart.plot.x0) * 0.16
        if norm > 0 && norm.isFinite {
            let ux = dx / norm * half, uy = dy / norm * half
            c.strokeSegment(Point(p.x - ux, p.y - uy), Point(p.x + ux, p.y + uy), width: chart.style.lineWidth * 0.8, chart.theme.highlight, clip: chart.plot)
        }
        chart.drawMarker(.circle, at: p, fill: chart.theme.fit, edge: chart.theme.markerEdge, scale: 1.2, on: c, clip: chart.plot)
    }

    var heading: String { customHeading ?? "Descent on b alone, m held at \(NumberFormat.significant(m)), α = \(NumberFormat.significant(input.result.config.learningRate))" }

    var runs: [[Snapshot]] { [input.result.snapshots] }

    func status(_ k: Int) -> [TitleSegment] {
        let s = input.result.snapshots[k]
        let slope = input.result.surface.gradient(m: m, b: s.b).db
        return SceneText.progress(input.result, k)
            + ["  b = ", TitleSegment(digits.b.text(s.b)), "  ∂J/∂b = ", TitleSegment(SceneText.number(slope, digits: 3))]
    }
}

extension SceneDrawing {
    /// J(b) at a fixed m, with the b-only optimizer's steps and the tangent at the current b.
    public static let bsweep = SceneDrawing(name: "bsweep") { input, frame in BSweepScene(input, panel: frame.full, font: frame.font) }
}
