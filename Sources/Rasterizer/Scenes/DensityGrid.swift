#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

/// The data as points per pixel of a chart's plot, the way datashader made standard: every point counted
/// exactly into the pixel it falls in (no sampling), the counts shaded on a logarithmic scale with a
/// perceptual ramp (viridis: on a light plot from light for one point to dark for the most, on a dark plot the
/// other way, so crowds stand out from the plot either way), and a colour bar "points per pixel".
/// Used when there are more points than dots can show: past ``threshold`` they pile into one blot.
struct DensityGrid {
    let plot: PixelRect
    let counts: [UInt32]
    let most: UInt32
    /// The plot is dark: more points are lighter.
    let onDark: Bool
    /// More points than this are drawn by density.
    static let threshold = DensityCounts.threshold
    /// The ramp runs from this viridis position (one point) down to the darkest (the most).
    static let light = 0.88
    /// The legend's mark for data drawn by density: a square of the ramp's middle, edged with its darkest.
    static let legendGlyph = LegendEntry.Glyph.marker(.square, Viridis.color(light / 2), edge: Viridis.color(0))

    /// The points of `data` counted at the pixels of `chart`'s plot.
    init(_ data: Dataset, chart: Chart) {
        var counts = DensityCounts(frame: DensityCounts.Frame(chart))
        counts.add(data.xs, data.ys)
        self.init(counts.counts, chart: chart)
    }

    /// The scene's points counted at `chart`'s pixels: from the points when they were kept, else the counts
    /// taken as they streamed (``SceneInput/density``, over the same frame); nil when there are neither.
    init?(_ input: SceneInput, chart: Chart) {
        if input.data.hasPoints {
            self.init(input.data, chart: chart)
        } else if let density = input.density, density.frame == DensityCounts.Frame(chart) {
            self.init(density.counts, chart: chart)
        } else {
            return nil
        }
    }

    private init(_ counts: [UInt32], chart: Chart) {
        plot = chart.plot
        self.counts = counts
        most = counts.max() ?? 0
        onDark = chart.theme.plot.luminance < 0.3
    }

    /// The ramp's colour at t in [0, 1] (0: one point, 1: the most).
    func ramp(_ t: Double) -> RGB { Viridis.color(onDark ? 1 - Self.light * (1 - t) : Self.light * (1 - t)) }

    /// The colour of a pixel holding `count` points.
    func color(_ count: UInt32) -> RGB { ramp(most > 1 ? log(Double(count)) / log(Double(most)) : 0) }

    func draw(on c: Canvas) {
        let w = plot.x1 - plot.x0
        for (i, n) in counts.enumerated() where n > 0 { c.set(plot.x0 + i % w, plot.y0 + i / w, color(n)) }
    }

    /// Pixel centres that hold points, thinned to one in 16 (where a legend should not go).
    var occupied: [Point] {
        let w = plot.x1 - plot.x0
        return counts.indices.filter { counts[$0] > 0 && $0 % 4 == 0 && ($0 / w) % 4 == 0 }
            .map { Point(Double(plot.x0 + $0 % w) + 0.5, Double(plot.y0 + $0 / w) + 0.5) }
    }

    /// Room the colour bar takes right of the plot.
    static func reserve(_ s: Style, font: Font) -> Double {
        s.pad * 2 + max(9, 15 * s.scale) + s.tickLength + s.pad * 0.6 + font.measure("100000", size: s.tickSize).width + s.pad + s.labelSize * 1.3
    }

    /// The colour bar right of the plot: the ramp on a log axis of points per pixel.
    func drawColorBar(on c: Canvas, chart: Chart) {
        let s = chart.style
        let x0 = Double(plot.x1) + s.pad * 2, x1 = x0 + max(9, 15 * s.scale)
        let top = Double(plot.y0), bottom = Double(plot.y1)
        let hi = Double(max(2, most))
        var bar = Axis(1, hi, scale: .log, title: "points per pixel")
        bar.pixelLo = bottom
        bar.pixelHi = top
        for y in Int(top)..<Int(bottom) {
            let t = (bottom - Double(y) - 0.5) / (bottom - top)
            c.fillRect(x0: Int(x0.rounded()), y0: y, x1: Int(x1.rounded()), y1: y + 1, ramp(t))
        }
        let w = max(1, s.scale), xl = Double(Int(x0.rounded())), xr = Double(Int(x1.rounded()))
        c.strokePolyline([Point(xl, top), Point(xr, top), Point(xr, bottom), Point(xl, bottom), Point(xl, top)], width: w, chart.theme.axis, clip: chart.area)
        var widest = 0.0
        for t in NiceTicks.logarithmic(1, hi, maxCount: 6) {
            let y = bar.map(t.value)
            c.strokeSegment(Point(xr, y), Point(xr + s.tickLength, y), width: w, chart.theme.axis, clip: chart.area)
            let r = c.label(t.label, font: chart.font, size: s.tickSize, at: xr + s.tickLength + s.pad * 0.6, y, color: chart.theme.text, h: .left, v: .middle)
            widest = max(widest, Double(r.x1) - (xr + s.tickLength + s.pad * 0.6))
        }
        c.verticalLabel("points per pixel", font: chart.font, size: s.labelSize, centerY: (top + bottom) / 2,
                        left: xr + s.tickLength + s.pad * 0.6 + widest + s.pad * 0.6, color: chart.theme.text)
    }
}
