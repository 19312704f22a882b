#if canImport(Glibc)
import Glibc
#endif
import Training

/// Filled contour bands of J(m, b) on logarithmically spaced levels (viridis) with thin isolines, a
/// colour bar, and the optimizer's path from its start to the current epoch; the least-squares minimum
/// is a star.
///
/// The bands are exact rather than traced: J is a quadratic evaluated in O(1) (`LossSurface`), so every
/// pixel gets the band of the true J at its centre, and its distance to the nearest level, J's offset over
/// the length of ∇J in pixels, anti-aliases band edges and draws isolines. Marching squares on a grid
/// would approximate what is here computed: no speckles, no gaps, no saddle cases to resolve.
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
    /// The band edges: levels[0] = the lowest J on the plot, levels[bands] = the highest.
    let levels: [Double]
    static let bands = 16
    let colorbar: (gap: Double, width: Double)
    let colorTicks: [(value: Double, label: String)]
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
        let bar = (gap: style.pad * 2, width: max(9, 15 * style.scale))
        colorbar = bar
        let n = Self.bands
        let prime = options.primed ? "′" : ""
        /// The feature weight `w` (`w3`) multiplies, as the data names it (`x3`, a CSV column's name, `x³`).
        func feature(_ w: String) -> String {
            let names = input.data.featureNames
            guard let j = Int(w.dropFirst()), j >= 1, j <= names.count else { return "x\(w.dropFirst())" }
            return names[j - 1]
        }
        /// Levels, colour-bar ticks and the chart for half-ranges hm, hb.
        func build(_ hm: Double, _ hb: Double) -> ([Double], [(value: Double, label: String)], Chart) {
            let isLine = names.u == "m"
            let mAxis = Axis(ls.u - hm, ls.u + hm, title: isLine ? "m\(prime) (slope)" : "\(names.u) (weight of \(feature(names.u)))")
            let bAxis = Axis(ls.v - hb, ls.v + hb, title: isLine ? "b\(prime) (intercept)" : "\(names.v) (weight of \(feature(names.v)))")
            // J is convex: its largest value on the rectangle is at a corner, its smallest at (m*, b*) inside it.
            let corners = [(mAxis.lo, bAxis.lo), (mAxis.lo, bAxis.hi), (mAxis.hi, bAxis.lo), (mAxis.hi, bAxis.hi)]
            let jHi = corners.map { bowl.loss($0.0, $0.1) }.max()!
            let jLo = max(ls.loss, jHi * 1e-9)
            let levels = (0...n).map { i in jLo * pow(jHi / jLo, Double(i) / Double(n)) }
            let ticks = NiceTicks.logarithmic(jLo, jHi, maxCount: 6)
            let widest = ticks.map { font.measure($0.label, size: style.tickSize).width }.max() ?? 0
            let reserve = bar.gap + bar.width + style.tickLength + style.pad * 0.6 + widest + style.pad + style.labelSize * 1.3
            return (levels, ticks, Chart(panel, font: font, x: mAxis, y: bAxis, rightReserve: reserve))
        }
        var built = build(hm, hb)
        if options.equalAspect {
            // Widen the narrower range until a pixel is the same step in m and in b (twice: the colour
            // bar's width, hence the plot's, depends a little on the ranges).
            for _ in 0..<2 {
                let plot = built.2.plot
                let pw = Double(plot.x1 - plot.x0), ph = Double(plot.y1 - plot.y0)
                if hm / pw < hb / ph { hm = hb * pw / ph } else { hb = hm * ph / pw }
                built = build(hm, hb)
            }
        }
        (levels, colorTicks, chart) = built
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
        drawSurface(on: c)
        drawColorbar(on: c)
        chart.drawLegend(legend, corner: corner, on: c)
    }

    private func drawSurface(on c: Canvas) {
        // One loop compiled for each bowl: J and ∇J at every pixel without a branch or a call through a table.
        switch bowl {
        case .line(let surface): drawBands(surface, on: c)
        case .slice(let slice): drawBands(slice, on: c)
        }
    }

    private func drawBands<B: Bowl>(_ surface: B, on c: Canvas) {
        let plot = chart.plot
        let n = Self.bands
        let logLo = log(levels[0])
        let perLog = Double(n) / (log(levels[n]) - logLo)
        let colors = (0..<n).map { chart.theme.surface(Double($0) / Double(n - 1)) }
        let dmdx = (chart.x.hi - chart.x.lo) / (chart.x.pixelHi - chart.x.pixelLo)
        let dbdy = (chart.y.hi - chart.y.lo) / (chart.y.pixelHi - chart.y.pixelLo)
        let isoHalf = max(0.35, 0.45 * chart.style.scale)
        let isoColor = RGB(0x202020)
        for py in plot.y0..<plot.y1 {
            let b = chart.y.value(at: Double(py) + 0.5)
            for px in plot.x0..<plot.x1 {
                let m = chart.x.value(at: Double(px) + 0.5)
                let j = surface.loss(m, b)
                let t = max(0, (log(j) - logLo) * perLog)
                let band = min(n - 1, Int(t))
                let g = surface.gradient(m, b)
                let gpx = ((g.du * dmdx) * (g.du * dmdx) + (g.dv * dbdy) * (g.dv * dbdy)).squareRoot()
                // |∇t| in pixels: t = n·ln(J / J₀)/ln(J₁/J₀), so ∇t = perLog·∇J / J.
                let tPerPixel = perLog * gpx / j
                var color = colors[band]
                var lineDistance = Double.infinity
                if tPerPixel > 0 {
                    let f = t - Double(band)
                    if band > 0 {
                        let d = f / tPerPixel
                        if d < 0.5 { color = colors[band - 1].over(color, alpha: 0.5 - d) }
                        lineDistance = d
                    }
                    if band < n - 1 {
                        let d = (1 - f) / tPerPixel
                        if d < 0.5 { color = colors[band + 1].over(color, alpha: 0.5 - d) }
                        lineDistance = min(lineDistance, d)
                    }
                }
                c.set(px, py, color)
                let cov = bandCoverage(lineDistance, halfWidth: isoHalf)
                if cov > 0 { c.blend(px, py, isoColor, 0.45 * cov) }
            }
        }
    }

    private func drawColorbar(on c: Canvas) {
        let s = chart.style
        let x0 = Double(chart.plot.x1) + colorbar.gap
        let x1 = x0 + colorbar.width
        var bar = Axis(levels[0], levels[Self.bands], scale: .log, title: "MSE")
        bar.pixelLo = Double(chart.plot.y1)
        bar.pixelHi = Double(chart.plot.y0)
        for i in 0..<Self.bands {
            let yTop = bar.map(levels[i + 1]), yBottom = bar.map(levels[i])
            c.fillRect(x0: Int(x0.rounded()), y0: Int(yTop.rounded()), x1: Int(x1.rounded()), y1: Int(yBottom.rounded()),
                       chart.theme.surface(Double(i) / Double(Self.bands - 1)))
        }
        let all = chart.area
        let w = max(1, s.scale)
        let xr = Double(Int(x1.rounded())), xl = Double(Int(x0.rounded()))
        let box = [Point(xl, bar.pixelHi), Point(xr, bar.pixelHi), Point(xr, bar.pixelLo), Point(xl, bar.pixelLo), Point(xl, bar.pixelHi)]
        c.strokePolyline(box, width: w, chart.theme.axis, clip: all)
        var widest = 0.0
        for t in colorTicks {
            let y = bar.map(t.value)
            c.strokeSegment(Point(xr, y), Point(xr + s.tickLength, y), width: w, chart.theme.axis, clip: all)
            let r = c.label(t.label, font: chart.font, size: s.tickSize, at: xr + s.tickLength + s.pad * 0.6, y, color: chart.theme.text, h: .left, v: .middle)
            widest = max(widest, Double(r.x1) - (xr + s.tickLength + s.pad * 0.6))
        }
        c.verticalLabel("MSE", font: chart.font, size: s.labelSize, centerY: (bar.pixelLo + bar.pixelHi) / 2,
                        left: xr + s.tickLength + s.pad * 0.6 + widest + s.pad * 0.6, color: chart.theme.text)
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
