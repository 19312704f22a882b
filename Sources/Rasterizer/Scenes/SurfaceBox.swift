#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The box around the bowl as mplot3d draws it: the three panes behind the bowl (the floor and the two
/// walls facing the viewer) with grid lines at the ticks, and their edges.
struct SurfaceBox {
    let camera: Camera
    static let h = SurfaceGeometry.halfHeight

    /// The back walls' coordinates and the floor's (the pane on the far side of the viewer in each direction).
    var wallX: Double { camera.eye.x >= 0 ? -1 : 1 }
    var wallY: Double { camera.eye.y >= 0 ? -1 : 1 }
    var floorZ: Double { camera.eye.z >= 0 ? -Self.h : Self.h }

    /// The three panes' corners.
    private var panes: [[Vec3]] {
        let h = Self.h, x = wallX, y = wallY, z = floorZ
        return [
            [Vec3(-1, -1, z), Vec3(1, -1, z), Vec3(1, 1, z), Vec3(-1, 1, z)],
            [Vec3(x, -1, -h), Vec3(x, 1, -h), Vec3(x, 1, h), Vec3(x, -1, h)],
            [Vec3(-1, y, -h), Vec3(1, y, -h), Vec3(1, y, h), Vec3(-1, y, h)],
        ]
    }

    func fill(into buffer: DepthBuffer, vertex: (Vec3) -> DepthBuffer.Vertex, color: RGB) {
        for q in panes {
            let v = q.map(vertex)
            buffer.fillTriangle(v[0], v[1], v[2]) { _ in color }
            buffer.fillTriangle(v[0], v[2], v[3]) { _ in color }
        }
    }

    /// Grid lines at the ticks: m and b on the floor and the wall across them, J on both walls.
    func drawGrid(_ ticks: SurfaceTicks, into buffer: DepthBuffer, vertex: (Vec3) -> DepthBuffer.Vertex, color: RGB, halfWidth: Double) {
        let h = Self.h
        var lines: [(Vec3, Vec3)] = []
        for t in ticks.m { lines += [(Vec3(t.at, -1, floorZ), Vec3(t.at, 1, floorZ)), (Vec3(t.at, wallY, -h), Vec3(t.at, wallY, h))] }
        for t in ticks.b { lines += [(Vec3(-1, t.at, floorZ), Vec3(1, t.at, floorZ)), (Vec3(wallX, t.at, -h), Vec3(wallX, t.at, h))] }
        for t in ticks.j { lines += [(Vec3(wallX, -1, t.at), Vec3(wallX, 1, t.at)), (Vec3(-1, wallY, t.at), Vec3(1, wallY, t.at))] }
        for (a, b) in lines { buffer.strokeLine(vertex(a), vertex(b), halfWidth: halfWidth, color: color, slack: 1e-3) }
    }

    /// The edges of the three panes.
    func drawEdges(into buffer: DepthBuffer, vertex: (Vec3) -> DepthBuffer.Vertex, color: RGB, halfWidth: Double) {
        for q in panes {
            for i in 0..<4 { buffer.strokeLine(vertex(q[i]), vertex(q[(i + 1) % 4]), halfWidth: halfWidth, color: color, slack: 1e-3) }
        }
    }
}

/// The ticks of the surface box's three axes: values, their labels and where they are along the box
/// (m along x, b along y, J along z, in box units), and where the labels go.
struct SurfaceTicks {
    let m: [(at: Double, label: String)]
    let b: [(at: Double, label: String)]
    let j: [(at: Double, label: String)]
    let titles: (m: String, b: String, j: String)
    let camera: Camera
    let style: Style

    init(geometry g: SurfaceGeometry, camera: Camera, scale: Double, style s: Style) {
        self.camera = camera
        style = s
        func length(_ a: Vec3, _ b: Vec3) -> Double {
            let p = camera.project(a), q = camera.project(b)
            return max(40, ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot() * scale)
        }
        let h = SurfaceBox.h
        let spacing = max(45, 70 * s.scale)
        let mAxis = Axis(g.m.lo, g.m.hi, title: "m (slope)"), bAxis = Axis(g.b.lo, g.b.hi, title: "b (intercept)")
        m = mAxis.ticks(length: length(Vec3(-1, 0, 0), Vec3(1, 0, 0)), spacing: spacing).map { (g.point(m: $0.value, b: g.b.lo, loss: 1).x, $0.label) }
        b = bAxis.ticks(length: length(Vec3(0, -1, 0), Vec3(0, 1, 0)), spacing: spacing).map { (g.point(m: g.m.lo, b: $0.value, loss: 1).y, $0.label) }
        let jAxis = g.logarithmic ? Axis(pow10(g.heightLo), pow10(g.heightHi), scale: .log, title: "MSE (log scale)")
                                  : Axis(g.heightLo, g.heightHi, title: "MSE")
        j = jAxis.ticks(length: length(Vec3(0, 0, -h), Vec3(0, 0, h)), spacing: max(34, 50 * s.scale))
            .map { (g.point(m: g.m.lo, b: g.b.lo, loss: $0.value).z, $0.label) }
            .filter { $0.at > -h + 1e-9 || !g.logarithmic }
        titles = (mAxis.shownTitle, bAxis.shownTitle, jAxis.shownTitle)
    }

    /// Tick labels beside the front edges of the floor (m and b) and along the leftmost vertical edge (J),
    /// each axis's title beyond its labels.
    func draw(on c: Canvas, box: SurfaceBox, project: (Vec3) -> (x: Double, y: Double, depth: Double), font: Font, theme: Theme) {
        let s = style
        let front = (x: -box.wallX, y: -box.wallY), z = box.floorZ
        /// Writes `text` centred `away` pixels from the screen point of p, in the screen direction of `outward`.
        func place(_ text: String, at p: Vec3, outward: Vec3, away: Double, size: Double) {
            let a = project(p), o = project(p + outward)
            var dx = o.x - a.x, dy = o.y - a.y
            let l = max(1e-9, (dx * dx + dy * dy).squareRoot())
            dx /= l; dy /= l
            let w = font.measure(text, size: size).width
            // Far enough along the direction that the label's box clears the edge.
            let reach = away + abs(dx) * w / 2 + abs(dy) * size * 0.45
            c.label(text, font: font, size: size, at: a.x + dx * reach, a.y + dy * reach, color: theme.text, h: .center, v: .middle)
        }
        let tick = s.tickLength + s.pad * 0.4
        for t in m { place(t.label, at: Vec3(t.at, front.y, z), outward: Vec3(0, front.y, 0), away: tick, size: s.tickSize) }
        for t in b { place(t.label, at: Vec3(front.x, t.at, z), outward: Vec3(front.x, 0, 0), away: tick, size: s.tickSize) }
        let widest = (m + b).map { font.measure($0.label, size: s.tickSize).width }.max() ?? 0
        place(titles.m, at: Vec3(0, front.y, z), outward: Vec3(0, front.y, 0), away: tick + widest * 0.5 + s.tickSize * 1.6, size: s.labelSize)
        place(titles.b, at: Vec3(front.x, 0, z), outward: Vec3(front.x, 0, 0), away: tick + widest * 0.5 + s.tickSize * 1.6, size: s.labelSize)
        // J along the vertical edge that is leftmost on screen, labels to its left.
        let corners = [(-1.0, -1.0), (-1, 1), (1, -1), (1, 1)]
        let (cx, cy) = corners.min { project(Vec3($0.0, $0.1, 0)).x < project(Vec3($1.0, $1.1, 0)).x }!
        let h = SurfaceBox.h
        for t in j {
            let p = project(Vec3(cx, cy, t.at))
            c.label(t.label, font: font, size: s.tickSize, at: p.x - tick, p.y, color: theme.text, h: .right, v: .middle)
        }
        let top = project(Vec3(cx, cy, h))
        c.label(titles.j, font: font, size: s.labelSize, at: max(Double(s.pad) + font.measure(titles.j, size: s.labelSize).width / 2, top.x),
                top.y - s.labelSize * 1.1, color: theme.text, h: .center, v: .bottom)
    }
}

private func pow10(_ x: Double) -> Double { pow(10, x) }
