#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point or direction in three dimensions.
struct Vec3: Equatable {
    var x: Double, y: Double, z: Double
    init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }
    static func + (a: Vec3, b: Vec3) -> Vec3 { Vec3(a.x + b.x, a.y + b.y, a.z + b.z) }
    static func - (a: Vec3, b: Vec3) -> Vec3 { Vec3(a.x - b.x, a.y - b.y, a.z - b.z) }
    static func * (a: Vec3, s: Double) -> Vec3 { Vec3(a.x * s, a.y * s, a.z * s) }
    func dot(_ b: Vec3) -> Double { x * b.x + y * b.y + z * b.z }
    func cross(_ b: Vec3) -> Vec3 { Vec3(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x) }
    var length: Double { dot(self).squareRoot() }
    var normalized: Vec3 { let l = length; return l > 0 ? self * (1 / l) : self }
}

/// An orthographic camera looking at the origin from `elevation` degrees above the horizontal plane and
/// `azimuth` degrees around the vertical axis, as matplotlib's `view_init(elev, azim)` (azimuth −60°: the
/// viewer stands at −60° from the x axis, counter-clockwise seen from above).
///
/// Orthographic, as mplot3d's default box is nearly: sizes along the box do not change with depth, so a
/// tick spacing reads the same at the front and at the back. Screen x runs right and screen y up; depth
/// grows towards the viewer.
struct Camera {
    let elevation: Double
    let azimuth: Double
    /// Unit vectors: towards the viewer, screen right, screen up.
    let eye: Vec3, right: Vec3, up: Vec3

    init(elevation: Double, azimuth: Double) {
        self.elevation = elevation
        self.azimuth = azimuth
        let e = elevation * .pi / 180, a = azimuth * .pi / 180
        eye = Vec3(cos(e) * cos(a), cos(e) * sin(a), sin(e))
        right = Vec3(-sin(a), cos(a), 0)
        up = Vec3(-sin(e) * cos(a), -sin(e) * sin(a), cos(e))
    }

    /// Screen coordinates (right, up) and depth (towards the viewer) of `p`.
    @inline(__always)
    func project(_ p: Vec3) -> (x: Double, y: Double, depth: Double) { (p.dot(right), p.dot(up), p.dot(eye)) }
}
