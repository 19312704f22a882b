#if canImport(Glibc)
import Glibc
#endif
import Training

/// A penalty's level set over two weights, P(w) = (1 − r)·‖w‖₂² + r·‖w‖₁ = c: the disc of ridge (r = 0),
/// the diamond of lasso (r = 1), and the rounded diamond of the elastic net between them. The penalty
/// scene draws the one through the current weights, growing as the descent moves away from 0.
struct PenaltyShape {
    /// r, the L1 share.
    let l1Ratio: Double

    /// P(w₁, w₂), the penalty without its λ.
    func value(_ u: Double, _ v: Double) -> Double {
        (1 - l1Ratio) * (u * u + v * v) + l1Ratio * (abs(u) + abs(v))
    }

    /// ∇P (a subgradient, 0 in a coordinate at 0, on the diamond's corners).
    func gradient(_ u: Double, _ v: Double) -> (du: Double, dv: Double) {
        func sign(_ x: Double) -> Double { x > 0 ? 1 : x < 0 ? -1 : 0 }
        return (2 * (1 - l1Ratio) * u + l1Ratio * sign(u), 2 * (1 - l1Ratio) * v + l1Ratio * sign(v))
    }

    /// How far from 0 the level set P = c reaches along a direction whose |cos| + |sin| is `s` (1 on the
    /// axes, √2 on the diagonals): the positive root t of (1 − r)t² + r·s·t = c.
    func reach(_ c: Double, along s: Double = 1) -> Double {
        guard c > 0 else { return 0 }
        let r = l1Ratio
        if r >= 1 { return c / s }
        return (-r * s + (r * r * s * s + 4 * (1 - r) * c).squareRoot()) / (2 * (1 - r))
    }

    /// The level set P = c as a closed outline of points (w₁, w₂), taken at `count` directions that
    /// include the four axes, so the diamond's corners are exact.
    func outline(_ c: Double, count: Int = 240) -> [(Double, Double)] {
        let n = max(4, count / 4 * 4)
        return (0...n).map { i in
            let phi = 2 * Double.pi * Double(i % n) / Double(n)
            let (cs, sn) = i % (n / 4) == 0 ? [(1.0, 0.0), (0, 1), (-1, 0), (0, -1)][(i % n) / (n / 4)] : (cos(phi), sin(phi))
            let t = reach(c, along: abs(cs) + abs(sn))
            return (t * cs, t * sn)
        }
    }

    /// Fills the region P ≤ c over `chart`'s plot with `color` at `alpha` and strokes its edge `width`
    /// pixels wide, each pixel by its distance to the edge (P's offset over |∇P| in pixels): a shape of any
    /// r in one pass over its bounding box.
    func fill(_ c: Double, chart: Chart, color: RGB, alpha: Double, edgeWidth: Double, on canvas: Canvas) {
        let e = reach(c)
        guard e > 0 else { return }
        let a = chart.point(-e, e), b = chart.point(e, -e)
        guard let span = canvas.pixelSpan(a.x - edgeWidth, a.y - edgeWidth, b.x + edgeWidth, b.y + edgeWidth, clip: chart.plot) else { return }
        let dudx = (chart.x.hi - chart.x.lo) / (chart.x.pixelHi - chart.x.pixelLo)
        let dvdy = (chart.y.hi - chart.y.lo) / (chart.y.pixelHi - chart.y.pixelLo)
        for py in span.y0..<span.y1 {
            let v = chart.y.value(at: Double(py) + 0.5)
            for px in span.x0..<span.x1 {
                let u = chart.x.value(at: Double(px) + 0.5)
                let g = gradient(u, v)
                let gpx = ((g.du * dudx) * (g.du * dudx) + (g.dv * dvdy) * (g.dv * dvdy)).squareRoot()
                guard gpx > 0 else {
                    canvas.blend(px, py, color, alpha)
                    continue
                }
                let d = (c - value(u, v)) / gpx
                let inside = max(0, min(1, d + 0.5))
                if inside > 0 { canvas.blend(px, py, color, alpha * inside) }
                let edge = bandCoverage(abs(d), halfWidth: edgeWidth / 2)
                if edge > 0 { canvas.blend(px, py, color, edge) }
            }
        }
    }
}
