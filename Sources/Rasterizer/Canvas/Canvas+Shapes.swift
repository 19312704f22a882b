/// Anti-aliased shapes of any width, drawn by hand on the canvas's pixels.
///
/// libgd's own anti-aliasing draws 1-pixel lines only (`gdImageSetThickness` is ignored with
/// `gdAntiAliased`) and its filled ellipses are not anti-aliased at all, so thick lines, round markers and
/// stars would be jagged. Here each pixel's coverage is computed exactly as the overlap of the pixel with the
/// shape along the distance to its edge (a one-pixel box filter): smooth at any width, deterministic, and it
/// touches only the pixels near the shape.
///
/// Coordinates are in pixels with (0, 0) the top-left corner of the top-left pixel; pixel (i, j) has its
/// centre at (i + 0.5, j + 0.5). Every shape is clipped to `clip`.
struct Point: Equatable {
    var x: Double
    var y: Double
    init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// Overlap of the pixel [d − ½, d + ½] with the band [−half, half]: the coverage of a pixel whose centre
/// is at distance `d` from a stroke's centre line.
@inline(__always)
func bandCoverage(_ d: Double, halfWidth: Double) -> Double {
    max(0, min(d + 0.5, halfWidth) - max(d - 0.5, -halfWidth))
}

extension Canvas {
    /// The pixels a shape with bounding box [minX, maxX] × [minY, maxY] may touch, inside `clip`.
    func pixelSpan(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double, clip: PixelRect) -> PixelRect? {
        guard minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite else { return nil }
        let c = clip.clamped(width: width, height: height)
        // Clamped on both sides before Int(): a diverged run puts marks at 1e300 (found by the CLI's
        // random-options test, which crashed here on a marker far below the frame).
        func pixel(_ v: Double) -> Int { Int(min(1e9, max(-1e9, v))) }
        let r = PixelRect(x0: max(c.x0, pixel(minX.rounded(.down)) - 1),
                          y0: max(c.y0, pixel(minY.rounded(.down)) - 1),
                          x1: min(c.x1, pixel(maxX.rounded(.up)) + 1),
                          y1: min(c.y1, pixel(maxY.rounded(.up)) + 1))
        return r.isEmpty ? nil : r
    }

    /// A straight stroke from `a` to `b` with round ends.
    func strokeSegment(_ a: Point, _ b: Point, width w: Double, _ color: RGB, alpha: Double = 1, clip: PixelRect) {
        // Clip far-away endpoints to a generous box first, so a diverged line still draws in bounded time.
        guard let (a, b) = Self.clipSegment(a, b, to: clip, margin: w + 2) else { return }
        let h = w / 2
        guard let span = pixelSpan(min(a.x, b.x) - h, min(a.y, b.y) - h, max(a.x, b.x) + h, max(a.y, b.y) + h, clip: clip) else { return }
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        let len = len2.squareRoot()
        let reach = h + 1  // pixels farther than this from the centre line get no coverage
        for py in span.y0..<span.y1 {
            let cy = Double(py) + 0.5
            // Only the stretch of this row within `reach` of the infinite line can be covered: a short
            // span per row instead of the whole bounding box (a long diagonal would be all box).
            var x0 = span.x0, x1 = span.x1
            if len > 0 && abs(dy) > 1e-9 * len {
                let ux = dx / len, uy = dy / len
                let centre = a.x + (cy - a.y) * ux / uy
                let half = reach / abs(uy)
                x0 = max(x0, Int((centre - half).rounded(.down)) - 1)
                x1 = min(x1, Int((centre + half).rounded(.up)) + 1)
            }
            guard x0 < x1 else { continue }
            for px in x0..<x1 {
                let cx = Double(px) + 0.5
                var t = len2 > 0 ? ((cx - a.x) * dx + (cy - a.y) * dy) / len2 : 0
                t = max(0, min(1, t))
                let ex = cx - (a.x + t * dx), ey = cy - (a.y + t * dy)
                let cov = bandCoverage((ex * ex + ey * ey).squareRoot(), halfWidth: h)
                if cov > 0 { blend(px, py, color, cov * alpha) }
            }
        }
    }

    /// A polyline; with `dash` (on, off lengths in pixels) a dashed one.
    func strokePolyline(_ points: [Point], width: Double, _ color: RGB, alpha: Double = 1, dash: (Double, Double)? = nil, clip: PixelRect) {
        guard points.count > 1 else { return }
        guard let (on, off) = dash else {
            for i in 1..<points.count { strokeSegment(points[i - 1], points[i], width: width, color, alpha: alpha, clip: clip) }
            return
        }
        var phase = 0.0  // distance into the current on+off period
        for i in 1..<points.count {
            guard let (a, b) = Self.clipSegment(points[i - 1], points[i], to: clip, margin: width + on + off) else { continue }
            let dx = b.x - a.x, dy = b.y - a.y
            let len = (dx * dx + dy * dy).squareRoot()
            guard len > 0 else { continue }
            // Dashes start every on+off pixels along the line, continuing the pattern across vertices.
            let period = on + off
            var start = -phase
            while start < len {
                let s0 = max(0, start), s1 = min(len, start + on)
                if s1 > s0 {
                    strokeSegment(Point(a.x + dx * s0 / len, a.y + dy * s0 / len), Point(a.x + dx * s1 / len, a.y + dy * s1 / len),
                                  width: width, color, alpha: alpha, clip: clip)
                }
                start += period
            }
            phase = (phase + len).truncatingRemainder(dividingBy: period)
        }
    }

    /// A filled disc.
    func fillCircle(_ c: Point, radius r: Double, _ color: RGB, alpha: Double = 1, clip: PixelRect) {
        guard let span = pixelSpan(c.x - r, c.y - r, c.x + r, c.y + r, clip: clip) else { return }
        for py in span.y0..<span.y1 {
            let dy = Double(py) + 0.5 - c.y
            for px in span.x0..<span.x1 {
                let dx = Double(px) + 0.5 - c.x
                let cov = max(0, min(1, r + 0.5 - (dx * dx + dy * dy).squareRoot()))
                if cov > 0 { blend(px, py, color, cov * alpha) }
            }
        }
    }

    /// A circle outline of line width `w` centred on radius `r`.
    func strokeCircle(_ c: Point, radius r: Double, width w: Double, _ color: RGB, alpha: Double = 1, clip: PixelRect) {
        let outer = r + w / 2
        guard let span = pixelSpan(c.x - outer, c.y - outer, c.x + outer, c.y + outer, clip: clip) else { return }
        for py in span.y0..<span.y1 {
            let dy = Double(py) + 0.5 - c.y
            for px in span.x0..<span.x1 {
                let dx = Double(px) + 0.5 - c.x
                let cov = bandCoverage((dx * dx + dy * dy).squareRoot() - r, halfWidth: w / 2)
                if cov > 0 { blend(px, py, color, cov * alpha) }
            }
        }
    }

    /// A filled polygon (non-zero winding), its edge anti-aliased by the signed distance to the outline,
    /// optionally outlined with `edge` of width `edgeWidth`.
    func fillPolygon(_ pts: [Point], _ color: RGB, alpha: Double = 1, edge: RGB? = nil, edgeWidth: Double = 1, clip: PixelRect) {
        guard pts.count > 2 else { return }
        let pad = edge == nil ? 0 : edgeWidth / 2
        let xs = pts.map(\.x), ys = pts.map(\.y)
        guard let span = pixelSpan(xs.min()! - pad, ys.min()! - pad, xs.max()! + pad, ys.max()! + pad, clip: clip) else { return }
        for py in span.y0..<span.y1 {
            let cy = Double(py) + 0.5
            for px in span.x0..<span.x1 {
                let cx = Double(px) + 0.5
                var winding = 0
                var best = Double.infinity
                var j = pts.count - 1
                for i in 0..<pts.count {
                    let a = pts[j], b = pts[i]
                    let dx = b.x - a.x, dy = b.y - a.y
                    let len2 = dx * dx + dy * dy
                    let t = len2 > 0 ? max(0, min(1, ((cx - a.x) * dx + (cy - a.y) * dy) / len2)) : 0
                    let ex = cx - (a.x + t * dx), ey = cy - (a.y + t * dy)
                    best = min(best, ex * ex + ey * ey)
                    let cross = dx * (cy - a.y) - dy * (cx - a.x)
                    if a.y <= cy { if b.y > cy && cross > 0 { winding += 1 } } else if b.y <= cy && cross < 0 { winding -= 1 }
                    j = i
                }
                let d = best.squareRoot()
                let signed = winding != 0 ? d : -d
                let cov = max(0, min(1, signed + 0.5))
                if cov > 0 { blend(px, py, color, cov * alpha) }
                if let edge {
                    let ecov = bandCoverage(d, halfWidth: edgeWidth / 2)
                    if ecov > 0 { blend(px, py, edge, ecov * alpha) }
                }
            }
        }
    }

    /// The part of segment a–b inside `clip` grown by `margin` (Liang–Barsky), or nil when none is.
    static func clipSegment(_ a: Point, _ b: Point, to clip: PixelRect, margin: Double) -> (Point, Point)? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        let xmin = Double(clip.x0) - margin, xmax = Double(clip.x1) + margin
        let ymin = Double(clip.y0) - margin, ymax = Double(clip.y1) + margin
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - xmin), (dx, xmax - a.x), (-dy, a.y - ymin), (dy, ymax - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil }; t0 = max(t0, r) } else { if r < t0 { return nil }; t1 = min(t1, r) }
            }
        }
        return (Point(a.x + t0 * dx, a.y + t0 * dy), Point(a.x + t1 * dx, a.y + t1 * dy))
    }
}

/// Marker outlines, centred on the origin, for `fillPolygon`.
enum MarkerShape {
    /// A five-pointed star of outer radius `r`.
    static func star(at c: Point, radius r: Double) -> [Point] {
        (0..<10).map { k in
            let radius = k % 2 == 0 ? r : r * 0.42
            let angle = Double.pi / 5 * Double(k) - Double.pi / 2
            return Point(c.x + radius * cos(angle), c.y + radius * sin(angle))
        }
    }

    /// An axis-aligned square of half-side `h`.
    static func square(at c: Point, half h: Double) -> [Point] {
        [Point(c.x - h, c.y - h), Point(c.x + h, c.y - h), Point(c.x + h, c.y + h), Point(c.x - h, c.y + h)]
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
