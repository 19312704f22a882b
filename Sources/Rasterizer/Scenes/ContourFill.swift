#if canImport(Glibc)
import Glibc
#endif
import Training

/// Filled contour bands of a ``Bowl`` on logarithmically spaced levels (viridis) with thin isolines, and
/// their colour bar: what the contour and penalty scenes fill their plot with.
///
/// The bands are exact rather than traced: J is a quadratic evaluated in O(1), so every pixel gets the
/// band of the true J at its centre, and its distance to the nearest level, J's offset over the length of
/// ∇J in pixels, anti-aliases band edges and draws isolines. Marching squares on a grid would approximate
/// what is here computed: no speckles, no gaps, no saddle cases to resolve.
struct ContourFill {
    /// The number of bands.
    static let bands = 16
    /// The band edges: levels[0] = the lowest J on the plot, levels[bands] = the highest.
    let levels: [Double]
    /// The colour bar's ticks.
    let colorTicks: [(value: Double, label: String)]
    /// The colour bar's gap from the plot and its width, in pixels.
    let colorbar: (gap: Double, width: Double)

    /// The fill of `bowl` over the axes `u` × `v` (J convex, its least value `least` inside them), and the
    /// chart on `panel` that leaves room at its right for the colour bar.
    static func make(_ bowl: (Double, Double) -> Double, least: Double, u: Axis, v: Axis, panel: Panel, font: Font) -> (ContourFill, Chart) {
        let style = panel.style
        let bar = (gap: style.pad * 2, width: max(9, 15 * style.scale))
        let n = bands
        // J is convex: its largest value on the rectangle is at a corner, its smallest at the optimum inside it.
        let corners = [(u.lo, v.lo), (u.lo, v.hi), (u.hi, v.lo), (u.hi, v.hi)]
        let jHi = corners.map { bowl($0.0, $0.1) }.max()!
        let jLo = max(least, jHi * 1e-9)
        let levels = (0...n).map { i in jLo * pow(jHi / jLo, Double(i) / Double(n)) }
        let ticks = NiceTicks.logarithmic(jLo, jHi, maxCount: 6)
        let widest = ticks.map { font.measure($0.label, size: style.tickSize).width }.max() ?? 0
        let reserve = bar.gap + bar.width + style.tickLength + style.pad * 0.6 + widest + style.pad + style.labelSize * 1.3
        return (ContourFill(levels: levels, colorTicks: ticks, colorbar: bar), Chart(panel, font: font, x: u, y: v, rightReserve: reserve))
    }

    /// Fills `chart`'s plot with the bands of `surface`, one loop compiled for each bowl: J and ∇J at every
    /// pixel without a branch or a call through a table.
    func draw<B: Bowl>(_ surface: B, chart: Chart, on c: Canvas) {
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

    /// Strokes the one isoline J = `level` of `surface` over `chart`'s plot, `width` pixels wide, by each
    /// pixel's distance to it (J's offset over |∇J| in pixels).
    func drawIsoline<B: Bowl>(_ surface: B, level: Double, width: Double, color: RGB, chart: Chart, on c: Canvas) {
        let plot = chart.plot
        let dmdx = (chart.x.hi - chart.x.lo) / (chart.x.pixelHi - chart.x.pixelLo)
        let dbdy = (chart.y.hi - chart.y.lo) / (chart.y.pixelHi - chart.y.pixelLo)
        for py in plot.y0..<plot.y1 {
            let b = chart.y.value(at: Double(py) + 0.5)
            for px in plot.x0..<plot.x1 {
                let m = chart.x.value(at: Double(px) + 0.5)
                let g = surface.gradient(m, b)
                let gpx = ((g.du * dmdx) * (g.du * dmdx) + (g.dv * dbdy) * (g.dv * dbdy)).squareRoot()
                guard gpx > 0 else { continue }
                let cov = bandCoverage(abs(surface.loss(m, b) - level) / gpx, halfWidth: width / 2)
                if cov > 0 { c.blend(px, py, color, cov) }
            }
        }
    }

    /// The colour bar at the right of `chart`'s plot, titled `title`.
    func drawColorbar(chart: Chart, title: String = "MSE", on c: Canvas) {
        let s = chart.style
        let x0 = Double(chart.plot.x1) + colorbar.gap
        let x1 = x0 + colorbar.width
        var bar = Axis(levels[0], levels[Self.bands], scale: .log, title: title)
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
        c.verticalLabel(title, font: chart.font, size: s.labelSize, centerY: (bar.pixelLo + bar.pixelHi) / 2,
                        left: xr + s.tickLength + s.pad * 0.6 + widest + s.pad * 0.6, color: chart.theme.text)
    }
}
