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
    static let slack = 0.01

    /// Whether a box point shows: it is no further than `slack` behind the drawn depth where it falls. On a
    /// smooth stretch that depth is interpolated between the four pixel centres around the point (a steep
    /// wall seen at a glancing angle changes depth a lot within a pixel); across an edge (a rim, where the
    /// depths jump) it is the depth of the pixel the point falls in, so the rim hides what is behind it.
    func shows(_ p: Vec3) -> Bool {
        let q = screen(p)
        let x = q.x - 0.5, y = q.y - 0.5
        let i = Int(x.rounded(.down)), j = Int(y.rounded(.down))
        let fx = x - Double(i), fy = y - Double(j)
        let d = [depth(atX: i, y: j), depth(atX: i + 1, y: j), depth(atX: i, y: j + 1), depth(atX: i + 1, y: j + 1)].map(Double.init)
        let drawn: Double
        if d.allSatisfy(\.isFinite) && d.max()! - d.min()! < 0.08 {
            drawn = (d[0] * (1 - fx) + d[1] * fx) * (1 - fy) + (d[2] * (1 - fx) + d[3] * fx) * fy
        } else {
            drawn = Double(depth(atX: Int(q.x.rounded(.down)), y: Int(q.y.rounded(.down))))
        }
        return q.depth + Self.slack >= drawn
    }

    /// The path's steps from snapshot `from` to `to`, cased like the contour's: each step is the straight
    /// move in (m, b) followed on the bowl (so it lies on the surface on any loss scale), in pieces of about
    /// two pixels, each drawn only where it is in front of the bowl.
    func drawPath(_ snaps: [Snapshot], from: Int, to: Int, on c: Canvas) {
        guard to > from else { return }
        let width = style.lineWidth * 0.8, casing = width + 2 * max(1, style.scale)
        let clip = region
        var pieces: [(Point, Point)] = []
        // The step before `from` lends its last piece to the light stroke only: the new casing must not
        // cut a notch into the joint.
        var joint: (Point, Point)?
        for k in max(1, from)...to {
            let a = snaps[k - 1], b = snaps[k]
            func on(_ t: Double) -> Vec3 { meshPoint(geometry.surfacePoint(m: a.m + (b.m - a.m) * t, b: a.b + (b.b - a.b) * t)) }
            let sa = screen(on(0)), sb = screen(on(1)), sm = screen(on(0.5))
            let length = ((sm.x - sa.x) * (sm.x - sa.x) + (sm.y - sa.y) * (sm.y - sa.y)).squareRoot()
                + ((sb.x - sm.x) * (sb.x - sm.x) + (sb.y - sm.y) * (sb.y - sm.y)).squareRoot()
            let n = max(1, Int((length / 2).rounded(.up)))
            var previous = sa
            for i in 1...n {
                let t = Double(i) / Double(n)
                let p = on(t), q = screen(p)
                let piece = (Point(previous.x, previous.y), Point(q.x, q.y))
                if k == from {
                    if i == n && shows(on((Double(i) - 0.5) / Double(n))) { joint = piece }
                } else if shows(on((Double(i) - 0.5) / Double(n))) {
                    pieces.append(piece)
                }
                previous = q
            }
        }
        for (p, q) in pieces { c.strokeSegment(p, q, width: casing, theme.pathCasing, clip: clip) }
        for (p, q) in pieces + (joint.map { [$0] } ?? []) { c.strokeSegment(p, q, width: width, theme.path, clip: clip) }
    }

    /// The start (a square), the least-squares minimum (a star) and the current point of snapshot k (a ball),
    /// each where the bowl does not hide it.
    func drawMarks(_ snaps: [Snapshot], _ k: Int, on c: Canvas) {
        let g = geometry, ls = g.surface.leastSquares
        let start = meshPoint(g.surfacePoint(m: snaps[0].m, b: snaps[0].b))
        if shows(start) {
            let p = screen(start)
            chart.drawMarker(.square, at: Point(p.x, p.y), fill: theme.path, edge: theme.outline, scale: 0.85, on: c, clip: region)
        }
        let best = meshPoint(g.surfacePoint(m: ls.m, b: ls.b))
        if shows(best) {
            let p = screen(best)
            chart.drawMarker(.star, at: Point(p.x, p.y), fill: theme.highlight, edge: theme.outline, on: c, clip: region)
        }
        drawBall(meshPoint(g.surfacePoint(m: snaps[k].m, b: snaps[k].b)), on: c)
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

