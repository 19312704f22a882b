#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

/// The surface scene seen by one camera: the box's back panes with their grid, the lit mesh, the isolines
/// on it and on the floor, the box's edges, ticks and labels, drawn into the scene's region; then the depth
/// of every pixel, against which the path and the ball are drawn.
struct SurfaceLayer {
    let camera: Camera
    let geometry: SurfaceGeometry
    let region: PixelRect
    let theme: Theme
    let style: Style
    /// The scene's chart: its style and markers.
    let chart: Chart
    /// Pixels per box unit and the screen centre of the box.
    let scale: Double
    let centre: (x: Double, y: Double)
    /// The nearest depth drawn at each pixel of the region (box units).
    private(set) var depth: [Float] = []
    /// Mesh cells per side: 64 for a still camera's bowl, drawn once; three quarters of that for an orbit's,
    /// drawn every frame.
    static let cells = 64
    /// The cells of this layer's mesh.
    let meshCells: Int

    init(scene: SurfaceScene, camera: Camera, supersample s: Int, on c: Canvas) {
        self.camera = camera
        geometry = scene.geometry
        region = scene.region
        chart = scene.chart
        theme = scene.chart.theme
        style = scene.chart.style
        scale = scene.scale
        centre = (Double(region.x0 + region.x1) / 2, Double(region.y0 + region.y1) / 2)
        meshCells = s > 1 ? Self.cells : Self.cells * 3 / 4
        let w = region.x1 - region.x0, h = region.y1 - region.y0
        let buffer = DepthBuffer(width: w * s, height: h * s, fill: theme.plot)
        let layer = self
        let ss = Double(s)
        func vertex(_ p: Vec3, _ attributes: Vec3 = Vec3(0, 0, 0)) -> DepthBuffer.Vertex {
            let q = layer.screen(p)
            return DepthBuffer.Vertex(x: (q.x - Double(layer.region.x0)) * ss, y: (q.y - Double(layer.region.y0)) * ss, depth: q.depth, attributes: attributes)
        }
        let panes = SurfaceBox(camera: camera)
        panes.fill(into: buffer, vertex: { vertex($0) }, color: theme.axis.over(theme.plot, alpha: 0.05))
        let ticks = SurfaceTicks(geometry: geometry, camera: camera, scale: scale, style: style)
        panes.drawGrid(ticks, into: buffer, vertex: { vertex($0) }, color: theme.grid, halfWidth: 0.5 * ss)
        drawMesh(into: buffer, cells: meshCells, vertex: vertex)
        drawIsolines(into: buffer, vertex: { vertex($0) }, halfWidth: max(0.4, 0.45 * style.scale) * ss, floor: panes.floorZ)
        panes.drawEdges(into: buffer, vertex: { vertex($0) }, color: theme.axis, halfWidth: max(0.5, 0.5 * style.scale) * ss)
        depth = buffer.resolve(into: c, x0: region.x0, y0: region.y0, scale: s)
        ticks.draw(on: c, box: panes, project: { layer.screen($0) }, font: scene.chart.font, theme: theme)
    }

    /// The height of the drawn mesh above box point (x, y): the surface's heights at the grid's corners,
    /// interpolated over the cell's triangle as the rasterizer fills it. Marks on the bowl sit at this height,
    /// so the depth test compares like with like however steep the bowl (a log funnel's flat triangles sit
    /// well above its true surface).
    func meshPoint(_ p: Vec3) -> Vec3 {
        let n = Double(meshCells), h = SurfaceGeometry.halfHeight
        let u = min(n - 1e-9, max(0, (p.x + 1) / 2 * n)), v = min(n - 1e-9, max(0, (p.y + 1) / 2 * n))
        let i = u.rounded(.down), j = v.rounded(.down), fx = u - i, fy = v - j
        func z(_ a: Double, _ b: Double) -> Double { min(h, max(-h, geometry.surfaceZ(x: -1 + 2 * a / n, y: -1 + 2 * b / n))) }
        let za = z(i, j), zb = z(i + 1, j), zc = z(i, j + 1), zd = z(i + 1, j + 1)
        let height = fx >= fy ? za + fx * (zb - za) + fy * (zd - zb) : za + fy * (zc - za) + fx * (zd - zc)
        return Vec3(p.x, p.y, height)
    }

    /// Canvas coordinates (x right, y down) and depth of a box point.
    func screen(_ p: Vec3) -> (x: Double, y: Double, depth: Double) {
        let q = camera.project(p)
        return (centre.x + q.x * scale, centre.y - q.y * scale, q.depth)
    }

    /// The mesh: colour by height (the contour's map), Gouraud-shaded by a light from above and to the left
    /// of the viewer (ambient 0.45, diffuse 0.55), faces turned to the viewer either way.
    private func drawMesh(into buffer: DepthBuffer, cells n: Int, vertex: (Vec3, Vec3) -> DepthBuffer.Vertex) {
        let light = (camera.eye * 0.55 + camera.up * 0.75 - camera.right * 0.35).normalized
        var points: [Vec3] = []
        points.reserveCapacity((n + 1) * (n + 1))
        for j in 0...n {
            for i in 0...n {
                let x = -1 + 2 * Double(i) / Double(n), y = -1 + 2 * Double(j) / Double(n)
                points.append(Vec3(x, y, geometry.surfaceZ(x: x, y: y)))
            }
        }
        func at(_ i: Int, _ j: Int) -> Vec3 { points[min(n, max(0, j)) * (n + 1) + min(n, max(0, i))] }
        let h = SurfaceGeometry.halfHeight
        var vertices: [DepthBuffer.Vertex] = []
        vertices.reserveCapacity(points.count)
        for j in 0...n {
            for i in 0...n {
                let p = at(i, j)
                // The normal from central differences of the height, turned to face the viewer.
                let dx = (at(i + 1, j).z - at(i - 1, j).z) / (at(i + 1, j).x - at(i - 1, j).x)
                let dy = (at(i, j + 1).z - at(i, j - 1).z) / (at(i, j + 1).y - at(i, j - 1).y)
                var normal = Vec3(-dx, -dy, 1).normalized
                if normal.dot(camera.eye) < 0 { normal = normal * -1 }
                let shade = 0.45 + 0.55 * max(0, normal.dot(light))
                // Heights above the box are drawn at its lid, clamped like the path.
                let clamped = Vec3(p.x, p.y, min(h, max(-h, p.z)))
                // The lit colour at the vertex, interpolated across the triangle (Gouraud).
                let base = theme.surface((clamped.z + h) / (2 * h))
                vertices.append(vertex(clamped, Vec3(Double(base.r) * shade, Double(base.g) * shade, Double(base.b) * shade)))
            }
        }
        let shadeColor = { (a: Vec3) -> RGB in RGB(r: Int(a.x + 0.5), g: Int(a.y + 0.5), b: Int(a.z + 0.5)) }
        for j in 0..<n {
            for i in 0..<n {
                let a = vertices[j * (n + 1) + i], b = vertices[j * (n + 1) + i + 1]
                let c = vertices[(j + 1) * (n + 1) + i], d = vertices[(j + 1) * (n + 1) + i + 1]
                buffer.fillTriangle(a, b, d, shade: shadeColor)
                buffer.fillTriangle(a, d, c, shade: shadeColor)
            }
        }
    }

    /// The contour's levels as ellipses on the surface, and their shadows on the floor.
    private func drawIsolines(into buffer: DepthBuffer, vertex: (Vec3) -> DepthBuffer.Vertex, halfWidth: Double, floor: Double) {
        let g = geometry
        let levels = (1..<ContourFill.bands).map { i -> Double in
            let lo = g.logarithmic ? g.heightLo : max(g.surface.leastSquares.loss, 1e-300)
            let hi = g.heightHi
            if g.logarithmic { return pow(10, lo + (hi - lo) * Double(i) / Double(ContourFill.bands)) }
            return lo + (hi - lo) * Double(i) / Double(ContourFill.bands)
        }
        let ink = RGB(0x202020)
        for level in levels {
            let ring = g.isoline(level: level, samples: 160)
            for (a, b) in zip(ring, ring.dropFirst()) {
                guard (g.m.lo...g.m.hi).contains(a.m), (g.b.lo...g.b.hi).contains(a.b),
                      (g.m.lo...g.m.hi).contains(b.m), (g.b.lo...g.b.hi).contains(b.b) else { continue }
                let pa = g.point(m: a.m, b: a.b, loss: level), pb = g.point(m: b.m, b: b.b, loss: level)
                buffer.strokeLine(vertex(pa), vertex(pb), halfWidth: halfWidth, color: ink, alpha: 0.45, slack: 0.02)
                let fa = Vec3(pa.x, pa.y, floor), fb = Vec3(pb.x, pb.y, floor)
                buffer.strokeLine(vertex(fa), vertex(fb), halfWidth: halfWidth, color: theme.surface((pa.z - floor) / (2 * SurfaceGeometry.halfHeight)), alpha: 0.8, slack: 0.005)
            }
        }
    }
}
