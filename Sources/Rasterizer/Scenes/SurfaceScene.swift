import Training

/// `--mode surface`: J(m, b) as a lit bowl in a 3-D box, the path rolling down it and the current point as a
/// shaded ball, every mark tested against a depth buffer so the rim hides what is behind it.
///
/// The bowl is drawn once with a still camera (mesh, isolines on it and projected on the floor, the box's
/// back panes, ticks and labels), supersampled 2× for smooth edges; each frame then adds the path's new
/// segment and the ball, pixel by pixel against the bowl's depth. With `orbit` the camera turns a little each
/// frame and everything is drawn again, at 1× (see `SurfaceLayer`).
final class SurfaceScene: ChartScene {
    let chart: Chart
    let input: SceneInput
    private lazy var digits = input.result.readoutPrecision
    let geometry: SurfaceGeometry
    /// Where the box is drawn: the panel between its heading and its readout.
    let region: PixelRect
    let elevation: Double
    let azimuth: Double
    let orbit: Double
    /// Pixels per box unit, the same for every frame (an orbit does not zoom).
    let scale: Double
    private let customHeading: String?
    /// The still camera's layer, made with the background.
    private var still: SurfaceLayer?

    init(_ input: SceneInput, panel: Panel, font: Font, heading: String? = nil) {
        self.input = input
        customHeading = heading
        let r = input.result
        chart = Chart(panel, font: font, x: Axis(0, 1, title: ""), y: Axis(0, 1, title: ""))
        let s = panel.style
        let top = panel.area.y0 + Int(Chart.titleBand(s).rounded())
        let bottom = panel.area.y1 - Int((chart.statusBand + s.pad * 0.5).rounded())
        region = PixelRect(x0: panel.area.x0 + Int(s.pad), y0: top, x1: panel.area.x1 - Int(s.pad), y1: max(top + 8, bottom))
        let (hm, hb) = ContourScene.halfRanges([r.snapshots], surface: r.surface)
        let ls = r.leastSquares
        geometry = SurfaceGeometry(surface: r.surface, m: (ls.m - hm, ls.m + hm), b: (ls.b - hb, ls.b + hb), scale: input.lossScale)
        let elevation = input.camera.elevation
        let azimuth = input.camera.azimuth ?? geometry.bestAzimuth(for: r.snapshots, elevation: elevation)
        let orbit = input.camera.orbit
        (self.elevation, self.azimuth, self.orbit) = (elevation, azimuth, orbit)
        // The box's projected extent over every azimuth the orbit passes, and room around it for labels.
        let turns = orbit == 0 ? [azimuth] : stride(from: 0.0, through: 1.0, by: 1.0 / 24).map { azimuth + orbit * $0 }
        var spanX = 0.0, spanY = 0.0
        let h = SurfaceGeometry.halfHeight
        for a in turns {
            let camera = Camera(elevation: elevation, azimuth: a)
            for x in [-1.0, 1] { for y in [-1.0, 1] { for z in [-h, h] {
                let p = camera.project(Vec3(x, y, z))
                spanX = max(spanX, abs(p.x))
                spanY = max(spanY, abs(p.y))
            } } }
        }
        let margin = (x: s.tickSize * 4 + s.labelSize * 1.6, y: s.tickSize * 1.6 + s.labelSize * 1.8)
        let w = Double(region.x1 - region.x0), hgt = Double(region.y1 - region.y0)
        scale = max(1, min((w / 2 - margin.x) / spanX, (hgt / 2 - margin.y) / spanY))
    }

    /// The camera of snapshot k (turned by its share of the orbit).
    func camera(_ k: Int) -> Camera {
        let last = max(1, input.result.snapshots.count - 1)
        return Camera(elevation: elevation, azimuth: azimuth + orbit * Double(min(k, last)) / Double(last))
    }

    var heading: String { customHeading ?? "\(SceneText.run(input.result)): the loss surface J(m, b)" }

    var legendRect: PixelRect { PixelRect(x0: 0, y0: 0, x1: 0, y1: 0) }

    var plots: [PixelRect] { [region] }

    func drawBackground(on c: Canvas) {
        c.fillRect(x0: chart.area.x0, y0: chart.area.y0, x1: chart.area.x1, y1: chart.area.y1, chart.theme.page)
        chart.drawHeading(heading, on: c)
        drawStatic(on: c)
    }

    func drawStatic(on c: Canvas) {
        guard orbit == 0 else { return }
        still = SurfaceLayer(scene: self, camera: camera(0), supersample: 2, on: c)
    }

    func drawTrail(_ k: Int, on c: Canvas) {
        guard orbit == 0, let still, k > 0 else { return }
        still.drawPath(input.result.snapshots, from: k - 1, to: k, on: c)
    }

    func drawOverlay(_ k: Int, on c: Canvas) {
        let snaps = input.result.snapshots
        let layer: SurfaceLayer
        if orbit == 0, let still {
            layer = still
        } else {
            layer = SurfaceLayer(scene: self, camera: camera(k), supersample: 1, on: c)
            if k > 0 { layer.drawPath(snaps, from: 0, to: k, on: c) }
        }
        layer.drawMarks(snaps, k, on: c)
    }

    func status(_ k: Int) -> [TitleSegment] { SceneText.progressAndFit(input.result, k, digits: digits) }

    var runs: [[Snapshot]] { [input.result.snapshots] }
}

extension SceneDrawing {
    /// J(m, b) as a lit 3-D bowl with the path rolling down it.
    public static let surface = SceneDrawing(name: "surface") { input, frame in SurfaceScene(input, panel: frame.full, font: frame.font) }
}
