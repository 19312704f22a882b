#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

extension SurfaceLayer {
    /// Depth of the bowl (or pane) at a canvas pixel; −∞ outside the region.
    func depth(atX x: Int, y: Int) -> Float {
        let w = region.x1 - region.x0, h = region.y1 - region.y0
        let i = x - region.x0, j = y - region.y0
        return i >= 0 && j >= 0 && i < w && j < h ? depth[j * w + i] : -.infinity
    }

    /// How far behind the drawn surface a mark may be and still show: the mesh's flat triangles sit a little
    /// off the true bowl the marks are computed on.
    static let slack = 0.015

    /// Whether a box point shows at its pixel.
    func shows(_ p: Vec3) -> Bool {
        let q = screen(p)
        return q.depth + Self.slack >= Double(depth(atX: Int(q.x), y: Int(q.y)))
    }

    /// The path's segments from snapshot `from` to `to`, cased like the contour's, in pieces of about two
    /// pixels, each drawn only where it is in front of the bowl.
    func drawPath(_ snaps: [Snapshot], from: Int, to: Int, on c: Canvas) {
        guard to > from else { return }
        let width = style.lineWidth * 0.8, casing = width + 2 * max(1, style.scale)
        let clip = region
        var pieces: [(Point, Point)] = []
        for k in (from + 1)...to {
            let a = geometry.point(m: snaps[k - 1].m, b: snaps[k - 1].b, loss: snaps[k - 1].loss)
            let b = geometry.point(m: snaps[k].m, b: snaps[k].b, loss: snaps[k].loss)
            let sa = screen(a), sb = screen(b)
            let length = ((sb.x - sa.x) * (sb.x - sa.x) + (sb.y - sa.y) * (sb.y - sa.y)).squareRoot()
            let n = max(1, Int((length / 2).rounded(.up)))
            for i in 0..<n {
                let t0 = Double(i) / Double(n), t1 = Double(i + 1) / Double(n)
                guard shows(a + (b - a) * ((t0 + t1) / 2)) else { continue }
                pieces.append((Point(sa.x + (sb.x - sa.x) * t0, sa.y + (sb.y - sa.y) * t0), Point(sa.x + (sb.x - sa.x) * t1, sa.y + (sb.y - sa.y) * t1)))
            }
        }
        for (p, q) in pieces { c.strokeSegment(p, q, width: casing, theme.pathCasing, clip: clip) }
        for (p, q) in pieces { c.strokeSegment(p, q, width: width, theme.path, clip: clip) }
    }

    /// The start (a square), the least-squares minimum (a star) and the current point of snapshot k (a ball),
    /// each where the bowl does not hide it.
    func drawMarks(_ snaps: [Snapshot], _ k: Int, on c: Canvas) {
        let g = geometry, ls = g.surface.leastSquares
        let start = g.point(m: snaps[0].m, b: snaps[0].b, loss: snaps[0].loss)
        if shows(start) {
            let p = screen(start)
            chart.drawMarker(.square, at: Point(p.x, p.y), fill: theme.path, edge: theme.outline, scale: 0.85, on: c, clip: region)
        }
        let best = g.point(m: ls.m, b: ls.b, loss: ls.loss)
        if shows(best) {
            let p = screen(best)
            chart.drawMarker(.star, at: Point(p.x, p.y), fill: theme.highlight, edge: theme.outline, on: c, clip: region)
        }
        drawBall(g.point(m: snaps[k].m, b: snaps[k].b, loss: snaps[k].loss), on: c)
    }

    /// A ball lit from the upper left, drawn pixel by pixel where its surface is in front of the bowl.
    private func drawBall(_ centre: Vec3, on c: Canvas) {
        let q = screen(centre)
        let r = style.markerRadius * 1.45
        let light = Vec3(-0.45, 0.6, 0.66).normalized
        let base = theme.fit
        for py in Int((q.y - r - 1).rounded(.down))...Int((q.y + r + 1).rounded(.up)) {
            for px in Int((q.x - r - 1).rounded(.down))...Int((q.x + r + 1).rounded(.up)) {
                guard px >= region.x0, py >= region.y0, px < region.x1, py < region.y1 else { continue }
                let dx = (Double(px) + 0.5 - q.x) / r, dy = (q.y - Double(py) - 0.5) / r
                let d2 = dx * dx + dy * dy
                let cover = max(0, min(1, (1 - d2.squareRoot()) * r + 0.5))
                guard cover > 0 else { continue }
                let nz = max(0, 1 - d2).squareRoot()
                // The ball's own depth at this pixel (box units), nearer than its centre by its bulge.
                guard q.depth + nz * r / scale + Self.slack >= Double(depth(atX: px, y: py)) else { continue }
                let n = Vec3(dx, dy, nz)
                let diffuse = max(0, n.dot(light))
                let shade = 0.35 + 0.65 * diffuse
                let shine = pow(diffuse, 24) * 0.55
                var color = RGB(r: Int(Double(base.r) * shade + 0.5), g: Int(Double(base.g) * shade + 0.5), b: Int(Double(base.b) * shade + 0.5))
                color = RGB(0xFFFFFF).over(color, alpha: shine)
                // A dark rim where the ball meets what is behind it.
                if d2 > 0.78 { color = theme.outline.over(color, alpha: 0.55) }
                c.blend(px, py, color, cover)
            }
        }
    }
}

