#if canImport(Glibc)
import Glibc
#endif
import Training

/// Filled contour bands of J(m, b) on logarithmically spaced levels (viridis) with thin isolines, a
/// colour bar (``ContourFill``), and the optimizer's path from its start to the current epoch; the
/// least-squares minimum is a star.
final class ContourScene: ChartScene {
    let chart: Chart
    let input: SceneInput
    /// The readout's digits of m and b, worked out once.
    private lazy var digits = input.result.readoutPrecision
    /// What the contour fills: the line's J(m, b), or several features' J over two weights.
    let bowl: ContourBowl
    let paths: [Series]
    let legend: [LegendEntry]
    let corner: Chart.Corner
    /// The bands and the colour bar.
    let fill: ContourFill
    private let customHeading: String?
    /// The arrows of `input.arrows`.
    let arrows: DescentArrows?
    /// Replaces the readout (panels of the multi-run scenes).
    var statusText: ((Int) -> [TitleSegment])?

    /// Options of the multi-run scenes.
    struct Options {
        /// Draw the legend (small multiples show it once).
        var legend = true
        /// One unit of m and of b span the same pixels, so the bowl's true shape shows (feature scaling).
        var equalAspect = false
        /// Axis titles for the parameters of standardized x.
        var primed = false
    }

    /// The path of `input.result`, or `paths` (a comparison); the axes hold the tame snapshots of
    /// `rangeFrom` (default: of the paths), so small multiples can share them.
    init(_ input: SceneInput, panel: Panel, font: Font, paths: [Series]? = nil, rangeFrom: [[Snapshot]]? = nil, heading: String? = nil,
         options: Options = Options()) {
        self.input = input
        let r = input.result
        let bowl = ContourBowl(r, axes: input.axes)
        self.bowl = bowl
        let paths = paths ?? [Series(label: "gradient descent path", color: panel.style.theme.path, snapshots: r.snapshots.map(bowl.project), config: r.config)]
        self.paths = paths
        switch bowl {
        case _ where !input.arrows: arrows = nil
        case .line(let surface): arrows = DescentArrows(paths: paths, surface: surface)
        case .slice(let slice):
            // The run's one path, projected onto the two weights; the optimizer is replayed on the whole θ.
            arrows = paths.count == 1 ? DescentArrows(paths: paths, model: r.model, full: [r.snapshots], axes: slice.axes) : nil
        }
        customHeading = heading
        let ls = bowl.optimum
        let names = bowl.names
        var (hm, hb) = Self.halfRanges(rangeFrom ?? paths.map(\.snapshots), bowl: bowl)
        let style = panel.style
        let prime = options.primed ? "′" : ""
        /// The feature weight `w` (`w3`) multiplies, as the data names it (`x3`, a CSV column's name, `x³`).
        func feature(_ w: String) -> String {
            let names = input.data.featureNames
            guard let j = Int(w.dropFirst()), j >= 1, j <= names.count else { return "x\(w.dropFirst())" }
            return names[j - 1]
        }
        /// The fill and the chart for half-ranges hm, hb.
        func build(_ hm: Double, _ hb: Double) -> (ContourFill, Chart) {
            let isLine = names.u == "m"
            let mAxis = Axis(ls.u - hm, ls.u + hm, title: isLine ? "m\(prime) (slope)" : "\(names.u) (weight of \(feature(names.u)))")
            let bAxis = Axis(ls.v - hb, ls.v + hb, title: isLine ? "b\(prime) (intercept)" : "\(names.v) (weight of \(feature(names.v)))")
            return ContourFill.make(bowl.loss, least: ls.loss, u: mAxis, v: bAxis, panel: panel, font: font)
        }
        var built = build(hm, hb)
        if options.equalAspect {
            // Widen the narrower range until a pixel is the same step in m and in b (twice: the colour
            // bar's width, hence the plot's, depends a little on the ranges).
            for _ in 0..<2 {
                let plot = built.1.plot
                let pw = Double(plot.x1 - plot.x0), ph = Double(plot.y1 - plot.y0)
                if hm / pw < hb / ph { hm = hb * pw / ph } else { hb = hm * ph / pw }
                built = build(hm, hb)
            }
        }
        (fill, chart) = built
        let chart = self.chart
        let pathWidth = style.lineWidth * 0.8
        legend = options.legend ? paths.map { LegendEntry(glyph: .casedLine($0.color, casing: chart.theme.pathCasing, width: pathWidth), text: $0.label) } + [
            LegendEntry(glyph: .marker(.square, chart.theme.path, edge: chart.theme.outline), text: "start"),
            LegendEntry(glyph: .marker(.star, chart.theme.highlight, edge: chart.theme.outline), text: "least squares (\(names.u)\(prime)*, \(names.v)\(prime)*)"),
        ] + Self.arrowLegend(arrows, theme: chart.theme, width: pathWidth) : []
        let avoid = paths.flatMap { $0.snapshots.map { chart.point($0.m, $0.b) } } + [chart.point(ls.u, ls.v)]
        corner = chart.quietestCorner(for: legend, among: [.bottomRight, .topLeft, .topRight, .bottomLeft], avoiding: avoid)
    }

    /// Half the m and b ranges around the minimum that hold the tame snapshots of `runs`, with a margin.
    /// A path that hardly moves still gets a view of the bowl around it: half the distance over which
    /// J rises by J* (it doubles), √(J*/mean x²) in m and √J* in b, whatever the parameters' size.
    static func halfRanges(_ runs: [[Snapshot]], surface: LossSurface) -> (m: Double, b: Double) {
        halfRanges(runs, bowl: .line(surface))
    }

    /// The same for any bowl: √(J*/a) along an axis where J rises as a·Δ², the snapshots read as (u, v).
    static func halfRanges(_ runs: [[Snapshot]], bowl: ContourBowl) -> (m: Double, b: Double) {
        let ls = bowl.optimum, curvature = bowl.curvature
        let tame = runs.flatMap(TrainingResult.tame)
        let rise = max(ls.loss, 0).squareRoot() / 2
        let hm = max(tame.map { abs($0.m - ls.u) }.max()!, 1e-9 * max(1, abs(ls.u)), rise / max(curvature.u, 1e-300).squareRoot()) * 1.2
        let hb = max(tame.map { abs($0.b - ls.v) }.max()!, 1e-9 * max(1, abs(ls.v)), curvature.v == 1 ? rise : rise / max(curvature.v, 1e-300).squareRoot()) * 1.2
        return (hm, hb)
    }

    var runs: [[Snapshot]] { paths.map(\.snapshots) }

    var legendRect: PixelRect { chart.legendFrame(legend, corner: corner) }

    func drawStatic(on c: Canvas) {
        switch bowl {
        case .line(let surface): fill.draw(surface, chart: chart, on: c)
        case .slice(let slice): fill.draw(slice, chart: chart, on: c)
        }
        fill.drawColorbar(chart: chart, on: c)
        chart.drawLegend(legend, corner: corner, on: c)
    }

    private var pathWidth: Double { chart.style.lineWidth * 0.8 }

    func drawTrail(_ k: Int, on c: Canvas) {
        for path in paths where k < path.snapshots.count {
            let snaps = path.snapshots
            let p = chart.point(snaps[k].m, snaps[k].b)
            if k > 0 {
                let q = chart.point(snaps[k - 1].m, snaps[k - 1].b)
                // The casing goes under the earlier segments' colour, so joints stay clean.
                c.strokeSegment(q, p, width: pathWidth + 2 * max(1, chart.style.scale), chart.theme.pathCasing, alpha: 0.8, clip: chart.plot)
                c.strokeSegment(q, p, width: pathWidth, path.color, clip: chart.plot)
            }
            if paths.count == 1 { c.fillCircle(p, radius: chart.style.markerRadius * 0.55, chart.theme.fit, clip: chart.plot) }
        }
    }

    func drawOverlay(_ k: Int, on c: Canvas) {
        drawArrows(k, on: c)
        for path in paths {
            let now = path.snapshots[min(k, path.snapshots.count - 1)]
            chart.drawMarker(.circle, at: chart.point(now.m, now.b), fill: paths.count == 1 ? chart.theme.fit : path.color,
                             edge: paths.count == 1 ? chart.theme.markerEdge : chart.theme.pathCasing, scale: 1.25, on: c, clip: chart.plot)
        }
        // The start over the current marker: at epoch 0 both show, the square inside the circle.
        for start in Set(paths.map { Pair($0.snapshots[0].m, $0.snapshots[0].b) }).sorted() {
            chart.drawMarker(.square, at: chart.point(start.a, start.b), fill: chart.theme.path, edge: chart.theme.outline, scale: 0.85, on: c, clip: chart.plot)
        }
        // The minimum last: once the path arrives, the star still marks where it is.
        let ls = bowl.optimum
        chart.drawMarker(.star, at: chart.point(ls.u, ls.v), fill: chart.theme.highlight, edge: chart.theme.outline, on: c, clip: chart.plot)
    }

    var heading: String {
        if let customHeading { return customHeading }
        guard case .slice(let slice) = bowl else { return "\(SceneText.run(input.result)): path on the loss surface" }
        let names = bowl.names
        return "\(SceneText.run(input.result)): path over (\(names.u), \(names.v))" + (slice.isExact ? "" : ", a slice at the others' optimum")
    }

    func status(_ k: Int) -> [TitleSegment] {
        statusText?(k) ?? SceneText.progressAndFit(input.result, k, digits: digits)
    }
}

/// Two numbers as a hashable, ordered key.
struct Pair: Hashable, Comparable {
    var a: Double, b: Double
    init(_ a: Double, _ b: Double) { self.a = a; self.b = b }
    static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
}

extension SceneDrawing {
    /// Filled contours of J(m, b) with the optimizer's path.
    public static let contour = SceneDrawing(name: "contour") { input, frame in ContourScene(input, panel: frame.full, font: frame.font) }
}
