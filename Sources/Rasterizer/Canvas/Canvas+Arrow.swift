extension Canvas {
    /// An arrow from `tail` to `tip` drawn to scale: a shaft of `width` and a filled head, cased in
    /// `casing` so it reads on any surface colour. The head never shrinks below `minimumHead` pixels: when
    /// the vector is shorter than that, the head alone is drawn from the tail in the vector's direction
    /// (the shaft has shrunk to nothing), so a tiny late step still shows which way it points; it starts
    /// `clearance` pixels out (the edge of the marker at the tail) when it would otherwise hide under it.
    /// Nothing is drawn for a vector of no length.
    func drawArrow(from tail: Point, to tip: Point, width: Double, minimumHead: Double, clearance: Double = 0, _ color: RGB, casing: RGB, clip: PixelRect) {
        let dx = tip.x - tail.x, dy = tip.y - tail.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 1e-9, length.isFinite else { return }
        let ux = dx / length, uy = dy / length
        let head = max(minimumHead, width * 3.2)
        let lift = length >= head + clearance ? 0 : clearance
        let end = length >= head + clearance ? tip : Point(tail.x + ux * (head + lift), tail.y + uy * (head + lift))
        let base = Point(end.x - ux * head, end.y - uy * head)
        let half = head * 0.45
        let triangle = [end, Point(base.x - uy * half, base.y + ux * half), Point(base.x + uy * half, base.y - ux * half)]
        let shaftEnd = Point(base.x + ux * head * 0.2, base.y + uy * head * 0.2)
        if length > head {
            strokeSegment(tail, shaftEnd, width: width + 2, casing, alpha: 0.85, clip: clip)
        }
        fillPolygon(triangle, color, edge: casing, edgeWidth: 1.2, clip: clip)
        if length > head {
            strokeSegment(tail, shaftEnd, width: width, color, clip: clip)
        }
    }
}
