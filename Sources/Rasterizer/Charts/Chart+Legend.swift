/// One entry of a legend: a sample of how the series is drawn, and its name.
struct LegendEntry {
    enum Glyph {
        case line(RGB, width: Double, dashed: Bool)
        /// A light line with a dark casing, readable on any background.
        case casedLine(RGB, casing: RGB, width: Double)
        case marker(MarkerKind, RGB, edge: RGB)
        /// An arrow, as the descent arrows are drawn (told apart from a run's line by its head).
        case arrow(RGB, casing: RGB, width: Double)
    }
    var glyph: Glyph
    var text: String
}

extension Chart {
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
        c.fillPolygon(box, theme.plot, alpha: 0.9, clip: plot)
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
            case .arrow(let color, let casing, let w):
                c.drawArrow(from: Point(x0, cy), to: Point(x1, cy), width: w, minimumHead: min(sample * 0.45, max(7, 9 * s.scale)), color, casing: casing, clip: plot)
            }
            c.label(e.text, font: font, size: size, at: x1 + pad * 0.8, cy, color: theme.text, h: .left, v: .middle)
        }
    }

    /// The legend corner whose box would cover the fewest of `points`.
    func quietestCorner(for entries: [LegendEntry], among corners: [Corner], avoiding points: [Point]) -> Corner {
        var best = corners[0]
        var fewest = Int.max
        for corner in corners {
            let r = legendFrame(entries, corner: corner)
            let n = points.filter { Double(r.x0) <= $0.x && $0.x <= Double(r.x1) && Double(r.y0) <= $0.y && $0.y <= Double(r.y1) }.count
            if n < fewest { fewest = n; best = corner }
        }
        return best
    }
}
