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
