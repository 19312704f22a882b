#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sizes that scale with the frame: the reference is 640×480, and every length grows or shrinks with
/// the smaller of the two ratios, with floors that keep text readable at 320×240.
struct Style: Sendable {
    let scale: Double
    let tickSize: Double
    let labelSize: Double
    let titleSize: Double
    let pad: Double
    let tickLength: Double
    let lineWidth: Double
    let thinWidth: Double
    let markerRadius: Double

    init(width: Int, height: Int) {
        self.init(scale: min(Double(width) / 640, Double(height) / 480))
    }

    /// Sizes for `s` times the reference (text keeps its floors).
    init(scale s: Double) {
        scale = s
        tickSize = max(9, 12.5 * s)
        labelSize = max(9.5, 13.5 * s)
        titleSize = max(10, 14.5 * s)
        pad = max(3, 7 * s)
        tickLength = max(2.5, 4.5 * s)
        lineWidth = max(1.5, 2.2 * s)
        thinWidth = max(0.8, 1.1 * s)
        markerRadius = max(2.5, 4.5 * s)
    }
}

enum AxisScale { case linear, log }

/// A data range mapped onto a pixel range, with its ticks.
struct Axis {
    var lo: Double
    var hi: Double
    var scale: AxisScale
    /// Pixel coordinates of `lo` and `hi` (for a vertical axis lo is the bottom, the larger y).
    var pixelLo: Double = 0
    var pixelHi: Double = 1
    var title: String

    init(_ lo: Double, _ hi: Double, scale: AxisScale = .linear, title: String) {
        self.lo = lo
        self.hi = hi
        self.scale = scale
        self.title = title
    }

    @inline(__always)
    func map(_ v: Double) -> Double {
        switch scale {
        case .linear: return pixelLo + (v - lo) / (hi - lo) * (pixelHi - pixelLo)
        case .log:
            let lv = v > 0 ? log10(v) : -400
            return pixelLo + (lv - log10(lo)) / (log10(hi) - log10(lo)) * (pixelHi - pixelLo)
        }
    }

    /// The data value at pixel coordinate p.
    func value(at p: Double) -> Double {
        let t = (p - pixelLo) / (pixelHi - pixelLo)
        switch scale {
        case .linear: return lo + t * (hi - lo)
        case .log: return pow(10, log10(lo) + t * (log10(hi) - log10(lo)))
        }
    }

    /// Tick positions and labels for an axis `length` pixels long.
    func ticks(length: Double, spacing: Double) -> [(value: Double, label: String)] {
        switch scale {
        case .linear:
            let target = max(4, min(8, Int((length / spacing).rounded())))
            let (values, step) = NiceTicks.linear(lo, hi, target: target)
            let magnitude = max(abs(lo), abs(hi))
            return values.map { ($0, NumberFormat.tick($0, step: step, scaleOf: magnitude)) }
        case .log:
            return NiceTicks.logarithmic(lo, hi, maxCount: max(3, min(8, Int(length / spacing))))
        }
    }
}

/// One entry of a legend: a sample of how the series is drawn, and its name.
struct LegendEntry {
    enum Glyph {
        case line(RGB, width: Double, dashed: Bool)
        /// A light line with a dark casing, readable on any background.
        case casedLine(RGB, casing: RGB, width: Double)
        case marker(MarkerKind, RGB, edge: RGB)
    }
    var glyph: Glyph
    var text: String
}

enum MarkerKind { case circle, square, star }

/// Where a chart goes on the canvas: the whole frame for a scene of its own, a cell for a panel of a
/// dashboard or a small multiple. `status` keeps a band at the bottom for the per-frame readout.
public struct Panel: Sendable {
    var area: PixelRect
    var status: Bool
    /// Sizes shared by the panels of one page (nil: from the area's own size).
    var style: Style?

    init(area: PixelRect, status: Bool, style: Style? = nil) {
        self.area = area
        self.status = status
        self.style = style
    }

    /// The sizes of text and lines in this panel.
    var resolvedStyle: Style { style ?? Style(width: area.x1 - area.x0, height: area.y1 - area.y0) }

    /// The whole `width`×`height` frame, with a readout band unless `status` is false.
    static func full(width: Int, height: Int, status: Bool = true) -> Panel { Panel(area: PixelRect(x0: 0, y0: 0, x1: width, y1: height), status: status) }
}

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
        style = panel.resolvedStyle
        self.font = font
        self.x = x
        self.y = y
        self.rightReserve = rightReserve
        statusBand = panel.status ? Self.statusBand(style) : 0
        layout()
    }

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

    /// White page, grid, spines, ticks and both axis titles.
    func drawFrame(on c: Canvas) {
        let s = style
        c.fillRect(x0: area.x0, y0: area.y0, x1: area.x1, y1: area.y1, Theme.white)
        let clip = plot
        let px0 = Double(plot.x0), px1 = Double(plot.x1), py0 = Double(plot.y0), py1 = Double(plot.y1)
        let gridWidth = max(1, s.scale)
        for t in xTicks {
            let p = x.map(t.value)
            c.strokeSegment(Point(p, py0), Point(p, py1), width: gridWidth, Theme.grid, clip: clip)
        }
        for t in yTicks {
            let p = y.map(t.value)
            c.strokeSegment(Point(px0, p), Point(px1, p), width: gridWidth, Theme.grid, clip: clip)
        }
        let all = area
        let spine = max(1, s.scale)
        for (a, b) in [(Point(px0, py1), Point(px1, py1)), (Point(px0, py0), Point(px0, py1)),
                       (Point(px0, py0), Point(px1, py0)), (Point(px1, py0), Point(px1, py1))] {
            c.strokeSegment(a, b, width: spine, Theme.axis, clip: all)
        }
        for t in xTicks {
            let p = x.map(t.value)
            c.strokeSegment(Point(p, py1), Point(p, py1 + s.tickLength), width: spine, Theme.axis, clip: all)
            c.label(t.label, font: font, size: s.tickSize, at: p, py1 + s.tickLength + s.pad * 0.6, h: .center, v: .top)
        }
        for t in yTicks {
            let p = y.map(t.value)
            c.strokeSegment(Point(px0 - s.tickLength, p), Point(px0, p), width: spine, Theme.axis, clip: all)
            c.label(t.label, font: font, size: s.tickSize, at: px0 - s.tickLength - s.pad * 0.6, p, h: .right, v: .middle)
        }
        c.label(x.title, font: font, size: s.labelSize, at: (px0 + px1) / 2, Double(area.y1) - statusBand - s.pad * 0.6, h: .center, v: .bottom)
        // A y title longer than the plot is tall shrinks to fit (down to 6 px) rather than run past it.
        let natural = font.measureRotated(y.title, size: s.labelSize)
        let ySize = natural > py1 - py0 ? max(6, s.labelSize * (py1 - py0) / natural) : s.labelSize
        c.verticalLabel(y.title, font: font, size: ySize, centerY: (py0 + py1) / 2, left: Double(area.x0) + s.pad * 0.8)
    }

    /// The heading, centred over the plot (kept inside the area), shrunk to fit when it is too long.
    func drawHeading(_ text: String, on c: Canvas) {
        drawCentred(text, font: font, style: style, left: Double(area.x0), right: Double(area.x1), centre: Double(plot.x0 + plot.x1) / 2,
                    baseline: Double(area.y0) + titleBand - style.pad * 0.9, size: style.titleSize, on: c)
    }

    enum Corner { case topLeft, topRight, bottomLeft, bottomRight, topCenter }

    /// Where a legend box goes (its top-left corner and size, inside the plot area's `corner`) and the
    /// factor `k` its text, samples and padding are drawn at. A legend too wide for the plot, or taller
    /// than 3/5 of it, shrinks to fit (cramped panels at their minimum size); nil when it would have to
    /// shrink below 6 px text, and then it is left out rather than cover the plot or spill out of it.
    private func legendBox(_ entries: [LegendEntry], corner: Corner) -> (left: Double, top: Double, w: Double, h: Double, k: Double)? {
        let s = style
        func size(_ k: Double) -> (w: Double, h: Double) {
            let textWidth = entries.map { font.measure($0.text, size: s.tickSize * k).width }.max() ?? 0
            return ((s.pad * 2.8 + legendSample) * k + textWidth, (s.pad * 1.4 + legendRow * Double(entries.count)) * k)
        }
        let inset = s.pad * 1.2
        let roomW = Double(plot.x1 - plot.x0) - 2 * inset, roomH = Double(plot.y1 - plot.y0) * 0.6
        let full = size(1)
        guard let k = Font.fittingSize(1, guess: min(roomW / full.w, roomH / full.h), floor: 6 / s.tickSize, fits: {
            let b = size($0)
            return b.w <= roomW && b.h <= roomH
        }) else { return nil }
        let (boxW, boxH) = size(k)
        switch corner {
        case .topLeft: return (Double(plot.x0) + inset, Double(plot.y0) + inset, boxW, boxH, k)
        case .topRight: return (Double(plot.x1) - inset - boxW, Double(plot.y0) + inset, boxW, boxH, k)
        case .bottomLeft: return (Double(plot.x0) + inset, Double(plot.y1) - inset - boxH, boxW, boxH, k)
        case .bottomRight: return (Double(plot.x1) - inset - boxW, Double(plot.y1) - inset - boxH, boxW, boxH, k)
        case .topCenter: return ((Double(plot.x0 + plot.x1) - boxW) / 2, Double(plot.y0) + inset, boxW, boxH, k)
        }
    }

    private var legendSample: Double { 26 * max(0.75, style.scale) }
    private var legendRow: Double { style.tickSize * 1.45 }

    /// The pixels a legend in `corner` covers (none without entries, or when it does not fit).
    func legendFrame(_ entries: [LegendEntry], corner: Corner) -> PixelRect {
        guard !entries.isEmpty, let b = legendBox(entries, corner: corner) else { return .empty }
        return PixelRect(x0: Int(b.left) - 2, y0: Int(b.top) - 2, x1: Int(b.left + b.w) + 3, y1: Int(b.top + b.h) + 3)
    }

    /// A legend box inside the plot area's `corner`; no entries, no box (small multiples show their
    /// legend once).
    func drawLegend(_ entries: [LegendEntry], corner: Corner, on c: Canvas) {
        guard !entries.isEmpty, let (left, top, boxW, boxH, k) = legendBox(entries, corner: corner) else { return }
        let s = style
        let size = s.tickSize * k, pad = s.pad * k
        let sample = legendSample * k
        let rowHeight = legendRow * k
        let box = [Point(left, top), Point(left + boxW, top), Point(left + boxW, top + boxH), Point(left, top + boxH)]
        c.fillPolygon(box, Theme.white, alpha: 0.9, clip: plot)
        c.strokePolyline(box + [box[0]], width: max(1, s.scale * 0.9), RGB(0xCCCCCC), clip: plot)
        for (i, e) in entries.enumerated() {
            let cy = top + pad * 0.7 + rowHeight * (Double(i) + 0.5)
            let x0 = left + pad, x1 = x0 + sample
            switch e.glyph {
            case .line(let color, let w, let dashed):
                c.strokePolyline([Point(x0, cy), Point(x1, cy)], width: w, color, dash: dashed ? (w * 3, w * 2) : nil, clip: plot)
            case .casedLine(let color, let casing, let w):
                c.strokeSegment(Point(x0, cy), Point(x1, cy), width: w + 2 * max(1, s.scale), casing, clip: plot)
                c.strokeSegment(Point(x0, cy), Point(x1, cy), width: w, color, clip: plot)
            case .marker(let kind, let color, let edge):
                drawMarker(kind, at: Point((x0 + x1) / 2, cy), fill: color, edge: edge, scale: min(1, k * 1.2), on: c, clip: plot)
            }
            c.label(e.text, font: font, size: size, at: x1 + pad * 0.8, cy, h: .left, v: .middle)
        }
    }

    /// A marker of the style's size (stars and start squares a little larger, to stand out).
    func drawMarker(_ kind: MarkerKind, at p: Point, fill: RGB, edge: RGB, scale k: Double = 1, alpha: Double = 1, on c: Canvas, clip: PixelRect) {
        let r = style.markerRadius * k
        let ew = max(1, style.scale * 1.2)
        switch kind {
        case .circle:
            c.fillCircle(p, radius: r, fill, alpha: alpha, clip: clip)
            c.strokeCircle(p, radius: r, width: ew, edge, alpha: alpha, clip: clip)
        case .square:
            c.fillPolygon(MarkerShape.square(at: p, half: r * 0.95), fill, alpha: alpha, edge: edge, edgeWidth: ew, clip: clip)
        case .star:
            c.fillPolygon(MarkerShape.star(at: p, radius: r * 2.1), fill, alpha: alpha, edge: edge, edgeWidth: ew, clip: clip)
        }
    }
}
