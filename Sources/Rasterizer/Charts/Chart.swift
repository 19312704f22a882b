#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The plot frame shared by every scene: a heading, plot area, axes with ticks and grid, axis titles,
/// a legend, room on the right for a colour bar, and (for a scene of its own) a readout band at the
/// bottom. Everything is laid out inside `area`.
struct Chart {
    let area: PixelRect
    let style: Style
    let font: Font
    var x: Axis
    var y: Axis
    /// The plot area, in pixels.
    private(set) var plot = PixelRect.empty
    private(set) var xTicks: [(value: Double, label: String)] = []
    private(set) var yTicks: [(value: Double, label: String)] = []
    /// Width kept free right of the plot (for a colour bar), in pixels.
    let rightReserve: Double
    /// Height of the readout band at the bottom (0 without one).
    let statusBand: Double

    init(_ panel: Panel, font: Font, x: Axis, y: Axis, rightReserve: Double = 0) {
        area = panel.area
        style = panel.style
        self.font = font
        self.x = x
        self.y = y
        self.rightReserve = rightReserve
        statusBand = panel.status ? Self.statusBand(style) : 0
        layout()
    }

    /// The colours drawn with.
    var theme: Theme { style.theme }

    var width: Int { area.x1 - area.x0 }
    var height: Int { area.y1 - area.y0 }

    /// Height of the heading band at the top.
    var titleBand: Double { Self.titleBand(style) }
    static func titleBand(_ s: Style) -> Double { s.pad * 1.6 + s.titleSize * 1.2 }
    static func statusBand(_ s: Style) -> Double { s.pad * 1.4 + s.titleSize * 1.2 }

    /// The readout band: the bottom of the area, centred under the plot.
    var readoutBand: ReadoutBand { ReadoutBand(area: area, centre: Double(plot.x0 + plot.x1) / 2, style: style, font: font) }

    /// Places the plot area so that every label fits: measured, in two passes (the y tick labels'
    /// width depends on the ticks, which depend on the plot height).
    private mutating func layout() {
        let s = style
        let top = titleBand
        let bottom = s.tickLength + s.pad * 0.6 + s.tickSize * 1.2 + s.pad * 0.8 + s.labelSize * 1.2 + s.pad * 0.6 + statusBand
        var left = s.pad * 4 + s.labelSize + 40 * s.scale
        for _ in 0..<2 {
            let plotHeight = Double(height) - top - bottom
            yTicks = y.ticks(length: plotHeight, spacing: max(34, 55 * s.scale))
            let widest = yTicks.map { font.measure($0.label, size: s.tickSize).width }.max() ?? 0
            left = s.pad * 0.8 + s.labelSize * 1.2 + s.pad * 0.8 + widest + s.pad * 0.6 + s.tickLength
        }
        let right = max(s.pad * 2.4, font.measure("00", size: s.tickSize).width) + rightReserve
        var p = PixelRect(x0: area.x0 + Int(left.rounded()), y0: area.y0 + Int(top.rounded()),
                          x1: area.x1 - Int(right.rounded()), y1: area.y1 - Int(bottom.rounded()))
        // An area too small for its labels still gets a plot of a few pixels inside it (the labels
        // overlap, nothing is drawn outside the area, nothing divides by zero).
        let least = 8
        if p.x1 - p.x0 < least { p.x0 = max(area.x0, (p.x0 + p.x1) / 2 - least / 2); p.x1 = min(area.x1, p.x0 + least) }
        if p.y1 - p.y0 < least { p.y0 = max(area.y0, (p.y0 + p.y1) / 2 - least / 2); p.y1 = min(area.y1, p.y0 + least) }
        plot = p
        x.pixelLo = Double(plot.x0)
        x.pixelHi = Double(plot.x1)
        y.pixelLo = Double(plot.y1)
        y.pixelHi = Double(plot.y0)
        xTicks = x.ticks(length: Double(plot.x1 - plot.x0), spacing: max(60, 95 * s.scale))
        yTicks = y.ticks(length: Double(plot.y1 - plot.y0), spacing: max(34, 55 * s.scale))
        // Drop x tick labels that would collide with their neighbours.
        xTicks = Self.thinned(xTicks, axis: x, font: font, size: s.tickSize, gap: s.pad)
    }

    private static func thinned(_ ticks: [(value: Double, label: String)], axis: Axis, font: Font, size: Double, gap: Double) -> [(value: Double, label: String)] {
        var every = 1
        while every < ticks.count {
            var ok = true
            var lastRight = -Double.infinity
            for (i, t) in ticks.enumerated() where i % every == 0 {
                let w = font.measure(t.label, size: size).width
                let c = axis.map(t.value)
                if c - w / 2 < lastRight + gap { ok = false; break }
                lastRight = c + w / 2
            }
            if ok { break }
            every += 1
        }
        return ticks.enumerated().filter { $0.offset % every == 0 }.map(\.element)
    }

    /// Where data (vx, vy) goes, snapped to an eighth of a pixel: a shift no one can see, but a mark
    /// that moves less than that between two late epochs then draws the same pixels, and the GIF
    /// stores nothing for it (the line scene's last 25 frames shrink from about 2 KB to the readout's 0.3 KB).
    @inline(__always)
    func point(_ vx: Double, _ vy: Double) -> Point { Point((x.map(vx) * 8).rounded() / 8, (y.map(vy) * 8).rounded() / 8) }

    /// The page, the plot's fill, grid, spines, ticks and both axis titles.
    func drawFrame(on c: Canvas) {
        let s = style
        let theme = style.theme
        c.fillRect(x0: area.x0, y0: area.y0, x1: area.x1, y1: area.y1, theme.page)
        c.fillRect(x0: plot.x0, y0: plot.y0, x1: plot.x1, y1: plot.y1, theme.plot)
        let clip = plot
        let px0 = Double(plot.x0), px1 = Double(plot.x1), py0 = Double(plot.y0), py1 = Double(plot.y1)
        let gridWidth = max(1, s.scale)
        for t in xTicks {
            let p = x.map(t.value)
            c.strokeSegment(Point(p, py0), Point(p, py1), width: gridWidth, theme.grid, clip: clip)
        }
        for t in yTicks {
            let p = y.map(t.value)
            c.strokeSegment(Point(px0, p), Point(px1, p), width: gridWidth, theme.grid, clip: clip)
        }
        let all = area
        let spine = max(1, s.scale)
        for (a, b) in [(Point(px0, py1), Point(px1, py1)), (Point(px0, py0), Point(px0, py1)),
                       (Point(px0, py0), Point(px1, py0)), (Point(px1, py0), Point(px1, py1))] {
            c.strokeSegment(a, b, width: spine, theme.axis, clip: all)
        }
        for t in xTicks {
            let p = x.map(t.value)
            c.strokeSegment(Point(p, py1), Point(p, py1 + s.tickLength), width: spine, theme.axis, clip: all)
            c.label(t.label, font: font, size: s.tickSize, at: p, py1 + s.tickLength + s.pad * 0.6, color: theme.text, h: .center, v: .top)
        }
        for t in yTicks {
            let p = y.map(t.value)
            c.strokeSegment(Point(px0 - s.tickLength, p), Point(px0, p), width: spine, theme.axis, clip: all)
            c.label(t.label, font: font, size: s.tickSize, at: px0 - s.tickLength - s.pad * 0.6, p, color: theme.text, h: .right, v: .middle)
        }
        c.label(x.shownTitle, font: font, size: s.labelSize, at: (px0 + px1) / 2, Double(area.y1) - statusBand - s.pad * 0.6, color: theme.text, h: .center, v: .bottom)
        // A y title longer than the plot is tall shrinks to fit (down to 6 px) rather than run past it.
        let natural = font.measureRotated(y.shownTitle, size: s.labelSize)
        let ySize = natural > py1 - py0 ? max(6, s.labelSize * (py1 - py0) / natural) : s.labelSize
        c.verticalLabel(y.shownTitle, font: font, size: ySize, centerY: (py0 + py1) / 2, left: Double(area.x0) + s.pad * 0.8, color: theme.text)
    }

    /// The heading, centred over the plot (kept inside the area), shrunk to fit when it is too long.
    func drawHeading(_ text: String, on c: Canvas) {
        drawCentred(text, font: font, style: style, left: Double(area.x0), right: Double(area.x1), centre: Double(plot.x0 + plot.x1) / 2,
                    baseline: Double(area.y0) + titleBand - style.pad * 0.9, size: style.titleSize, on: c)
    }
}
