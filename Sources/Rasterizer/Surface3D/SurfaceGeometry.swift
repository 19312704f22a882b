#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

/// The loss bowl in the box the surface scene draws: m, b and the height (J, or log₁₀ J on a log scale)
/// mapped to the box [−1, 1] × [−1, 1] × [−h, h], its mesh, its isolines, and which points of it a camera sees.
struct SurfaceGeometry {
    let surface: LossSurface
    /// The m and b ranges shown (the contour scene's view) and the heights at the floor and the top.
    let m: (lo: Double, hi: Double), b: (lo: Double, hi: Double)
    let heightLo: Double, heightHi: Double
    let logarithmic: Bool
    /// Half the box's height: the box is 2 × 2 × 1.5, mplot3d's 4 : 4 : 3.
    static let halfHeight = 0.75

    init(surface: LossSurface, m: (lo: Double, hi: Double), b: (lo: Double, hi: Double), scale: LossScale) {
        self.surface = surface
        self.m = m
        self.b = b
        // J is convex: its largest value on the rectangle is at a corner, its smallest the minimum J* inside.
        let corners = [(m.lo, b.lo), (m.lo, b.hi), (m.hi, b.lo), (m.hi, b.hi)]
        let jHi = corners.map { surface.loss(m: $0.0, b: $0.1) }.max()!
        let jStar = max(0, surface.leastSquares.loss)
        logarithmic = scale.isLogarithmic(highest: jHi, lowestPositive: max(jStar, jHi * 1e-12))
        if logarithmic {
            let lo = log10(max(jStar, jHi * 1e-9))
            // A little room below the minimum, so the funnel's floor is seen above the box's.
            heightLo = lo - (log10(jHi) - lo) * 0.04
            heightHi = log10(jHi)
        } else {
            heightLo = 0
            heightHi = jHi
        }
    }

    /// The height of loss J on the box's vertical scale.
    func height(_ j: Double) -> Double { logarithmic ? log10(max(j, 1e-300)) : j }

    /// The box point of (m, b) at loss J (clamped to the box: a diverging path stays inside it).
    func point(m pm: Double, b pb: Double, loss j: Double) -> Vec3 {
        func unit(_ v: Double, _ lo: Double, _ hi: Double) -> Double { max(-1, min(1, 2 * (v - lo) / (hi - lo) - 1)) }
        let z = (height(j) - heightLo) / (heightHi - heightLo)
        return Vec3(unit(pm, m.lo, m.hi), unit(pb, b.lo, b.hi), Self.halfHeight * (2 * max(0, min(1, z)) - 1))
    }

    /// The point of the surface above (m, b).
    func surfacePoint(m pm: Double, b pb: Double) -> Vec3 { point(m: pm, b: pb, loss: surface.loss(m: pm, b: pb)) }

    /// The surface's height in box units above the box point (x, y), unclamped.
    func surfaceZ(x: Double, y: Double) -> Double {
        let pm = m.lo + (x + 1) / 2 * (m.hi - m.lo), pb = b.lo + (y + 1) / 2 * (b.hi - b.lo)
        let z = (height(surface.loss(m: pm, b: pb)) - heightLo) / (heightHi - heightLo)
        return Self.halfHeight * (2 * z - 1)
    }

    /// The point of the ellipse J = level at angle θ around the minimum: J − J* = q(u)·r² along u = (cos θ, sin θ),
    /// q the quadratic form mean(x²)·u₁² + 2·mean(x)·u₁u₂ + u₂².
    func isoline(level: Double, samples: Int) -> [(m: Double, b: Double)] {
        let ls = surface.leastSquares
        let rise = level - ls.loss
        guard rise > 0 else { return [] }
        let a = surface.meanXSquared, c = surface.meanX
        return (0...samples).map { i in
            let t = 2 * Double.pi * Double(i) / Double(samples)
            let u = (cos(t), sin(t))
            let q = a * u.0 * u.0 + 2 * c * u.0 * u.1 + u.1 * u.1
            let r = (rise / q).squareRoot()
            return (ls.m + r * u.0, ls.b + r * u.1)
        }
    }

    /// Whether `p`, a point on or above the surface, is hidden from `camera` by the surface: the ray towards
    /// the viewer passes under the surface before it leaves the box.
    func isHidden(_ p: Vec3, from camera: Camera) -> Bool {
        let step = 0.02
        var t = step
        while t < 6 {
            let q = p + camera.eye * t
            if abs(q.x) > 1 || abs(q.y) > 1 || q.z > Self.halfHeight { return false }
            if q.z < surfaceZ(x: q.x, y: q.y) - 1e-3 { return true }
            t += step
        }
        return false
    }

    /// The azimuth that shows most of `path` at `elevation`: of the azimuths every 15°, the one that hides
    /// the fewest points of the path (and the start and the minimum), ties going to the nearest to −60°,
    /// mplot3d's default.
    func bestAzimuth(for path: [Snapshot], elevation: Double) -> Double {
        let step = max(1, path.count / 60)
        var points = stride(from: 0, to: path.count, by: step).map { surfacePoint(m: path[$0].m, b: path[$0].b) }
        points.append(surfacePoint(m: surface.leastSquares.m, b: surface.leastSquares.b))
        let candidates = stride(from: -180.0, to: 180.0, by: 15).sorted { (abs($0 + 60), $0) < (abs($1 + 60), $1) }
        var best = (azimuth: -60.0, hidden: Int.max)
        for a in candidates {
            let camera = Camera(elevation: elevation, azimuth: a)
            let hidden = points.filter { isHidden($0 + Vec3(0, 0, 1e-3), from: camera) }.count
            if hidden < best.hidden { best = (a, hidden) }
            if hidden == 0 { break }
        }
        return best.azimuth
    }
}
