import Testing
@testable import Rasterizer
import Training

/// The 3-D surface: the camera's projection against values worked by hand, the depth test of the
/// rasterizer, occlusion by the bowl's rim, the data-chosen view, and goldens (a still camera and an orbit).
struct SurfaceTests {
    @Test func projectionMatchesHandWorkedValues() {
        // Level with the m axis, looking from +m: b runs right, J up, m towards the viewer.
        let side = Camera(elevation: 0, azimuth: 0)
        let p = side.project(Vec3(0.3, 0.7, -0.2))
        #expect(abs(p.x - 0.7) < 1e-12 && abs(p.y + 0.2) < 1e-12 && abs(p.depth - 0.3) < 1e-12)
        // matplotlib's default view (elevation 30°, azimuth −60°): the viewer is at
        // (cos 30° cos −60°, cos 30° sin −60°, sin 30°) = (0.433, −0.75, 0.5).
        let mpl = Camera(elevation: 30, azimuth: -60)
        #expect(abs(mpl.eye.x - 0.4330127) < 1e-6 && abs(mpl.eye.y + 0.75) < 1e-12 && abs(mpl.eye.z - 0.5) < 1e-12)
        // Right and up are unit vectors at right angles to the line of sight.
        for v in [mpl.right, mpl.up] { #expect(abs(v.length - 1) < 1e-12 && abs(v.dot(mpl.eye)) < 1e-12) }
        #expect(abs(mpl.right.dot(mpl.up)) < 1e-12)
        // The top of the box is up on screen, from any azimuth above the plane.
        for a in stride(from: -180.0, to: 180, by: 30) { #expect(Camera(elevation: 35, azimuth: a).project(Vec3(0, 0, 1)).y > 0) }
    }

    /// A line behind a filled triangle is not drawn over it; in front of it, it is.
    @Test func depthTestHidesWhatIsBehind() {
        let buffer = DepthBuffer(width: 40, height: 40, fill: RGB(0xFFFFFF))
        let v = { (x: Double, y: Double) in DepthBuffer.Vertex(x: x, y: y, depth: 1) }
        buffer.fillTriangle(v(0, 0), v(40, 0), v(0, 40)) { _ in RGB(0x00FF00) }
        #expect(buffer.color[5 * 40 + 5] == RGB(0x00FF00) && buffer.color[35 * 40 + 35] == RGB(0xFFFFFF))
        buffer.strokeLine(DepthBuffer.Vertex(x: 2, y: 10, depth: 0.5), DepthBuffer.Vertex(x: 38, y: 10, depth: 0.5), halfWidth: 1, color: RGB(0xFF0000), slack: 0.01)
        #expect(buffer.color[10 * 40 + 10] == RGB(0x00FF00), "behind the triangle: hidden")
        #expect(buffer.color[10 * 40 + 35] == RGB(0xFF0000), "past the triangle's edge: drawn")
        buffer.strokeLine(DepthBuffer.Vertex(x: 2, y: 20, depth: 2), DepthBuffer.Vertex(x: 38, y: 20, depth: 2), halfWidth: 1, color: RGB(0xFF0000), slack: 0.01)
        #expect(buffer.color[20 * 40 + 10] == RGB(0xFF0000), "in front: drawn")
    }

    static func geometry() throws -> (SurfaceGeometry, TrainingResult) {
        let data = Preset.linear.generate(seed: 0)
        let r = try GradientDescent.run(data, TrainingConfig())
        let (hm, hb) = ContourScene.halfRanges([r.snapshots], surface: r.surface)
        let ls = r.leastSquares
        return (SurfaceGeometry(surface: r.surface, m: (ls.m - hm, ls.m + hm), b: (ls.b - hb, ls.b + hb), scale: .auto), r)
    }

    /// The bottom of the bowl seen from just above the rim is behind it; from high above it is in sight.
    @Test func theRimHidesTheBottomFromALowCamera() throws {
        let (g, r) = try Self.geometry()
        let bottom = g.surfacePoint(m: r.leastSquares.m, b: r.leastSquares.b) + Vec3(0, 0, 1e-3)
        for a in [-60.0, 30, 120] {
            #expect(g.isHidden(bottom, from: Camera(elevation: 3, azimuth: a)), "azimuth \(a)")
            #expect(!g.isHidden(bottom, from: Camera(elevation: 70, azimuth: a)), "azimuth \(a)")
        }
        // The scene's default view keeps the path in sight.
        let azimuth = g.bestAzimuth(for: r.snapshots, elevation: 35)
        let camera = Camera(elevation: 35, azimuth: azimuth)
        #expect(r.snapshots.allSatisfy { !g.isHidden(g.surfacePoint(m: $0.m, b: $0.b) + Vec3(0, 0, 1e-3), from: camera) })
    }

    /// Per pixel: with a camera just above the rim, the ball at the minimum is hidden in the frame itself.
    @Test func theBallIsHiddenPixelByPixel() throws {
        let input = try GoldenImageTests.input(for: .surface)
        var low = input
        low.camera = SurfaceCamera(elevation: 3, azimuth: -60)
        let scene = SurfaceScene(low, panel: .full(width: 320, height: 240), font: try Font.make())
        let canvas = try Canvas(width: 320, height: 240)
        scene.drawBackground(on: canvas)
        let layer = SurfaceLayer(scene: scene, camera: scene.camera(100), supersample: 1, on: canvas)
        let end = input.result.snapshots[100]
        let hidden = !layer.shows(layer.meshPoint(scene.geometry.surfacePoint(m: end.m, b: end.b)))
        #expect(hidden, "the rim hides the ball")
        var high = input
        high.camera = SurfaceCamera(elevation: 60, azimuth: -60)
        let top = SurfaceScene(high, panel: .full(width: 320, height: 240), font: try Font.make())
        let above = SurfaceLayer(scene: top, camera: top.camera(100), supersample: 1, on: canvas)
        let seen = above.shows(above.meshPoint(top.geometry.surfacePoint(m: end.m, b: end.b)))
        #expect(seen, "from high above the ball shows")
    }

    @Test func orbitFramesMatchGoldens() throws {
        var input = try GoldenImageTests.input(for: .surface)
        input.camera = SurfaceCamera(elevation: 30, azimuth: -60, orbit: 90)
        let animation = try Animation(kind: .surface, input: input, width: 320, height: 240)
        try GoldenImageTests.check(try animation.render(60), golden: "surface-orbit-60")
    }
}
