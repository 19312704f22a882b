/// The shapes of point markers.
enum MarkerKind { case circle, square, star }

extension Chart {
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

extension Chart {
    /// The line y = m·x + b across the x range, clipped to the plot; dashed 3:2 in its width.
    func drawLine(m: Double, b: Double, width: Double, _ color: RGB, alpha: Double = 1, dashed: Bool = false, on c: Canvas) {
        let a = point(x.lo, m * x.lo + b), z = point(x.hi, m * x.hi + b)
        c.strokePolyline([a, z], width: width, color, alpha: alpha, dash: dashed ? (width * 3, width * 2) : nil, clip: plot)
    }

    /// When the line y = m·x + b passes wholly below or above the plot (an early fit of data far from
    /// 0, framed without it), a small triangle at that edge, pointing out, where the line comes nearest:
    /// the fit is there, off the chart, rather than nowhere.
    func drawOffPlotMark(m: Double, b: Double, _ color: RGB, on c: Canvas) {
        let ends = [(x.lo, m * x.lo + b), (x.hi, m * x.hi + b)]
        let below = ends.allSatisfy { $0.1 < y.lo }, above = ends.allSatisfy { $0.1 > y.hi }
        guard below || above, ends.allSatisfy({ $0.1.isFinite }) else { return }
        let nearest = below ? ends.max { $0.1 < $1.1 }! : ends.min { $0.1 < $1.1 }!
        let r = style.markerRadius * 1.4
        let px = min(max(Double(x.map(nearest.0)), Double(plot.x0) + r * 1.5), Double(plot.x1) - r * 1.5)
        let edge = below ? Double(plot.y1) - r * 0.6 : Double(plot.y0) + r * 0.6
        let out = below ? 1.0 : -1.0
        c.fillPolygon([Point(px - r, edge - out * r * 1.4), Point(px + r, edge - out * r * 1.4), Point(px, edge)], color, clip: plot)
    }
}

extension Chart {
    /// How many pixels wide the part of the line y = m·x + b inside the plot is (0 when it misses it).
    func pixelsAcross(m: Double, b: Double) -> Double {
        guard m.isFinite, b.isFinite else { return 0 }
        var lo = x.lo, hi = x.hi
        if m != 0 {
            let a = (y.lo - b) / m, z = (y.hi - b) / m
            lo = max(lo, min(a, z))
            hi = min(hi, max(a, z))
        } else if b < y.lo || b > y.hi {
            return 0
        }
        guard hi > lo else { return 0 }
        return abs(x.map(hi) - x.map(lo))
    }
}
