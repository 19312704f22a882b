import LibGD
import Foundation
import GDAnimateKit
import Testing
@testable import Rasterizer
import Training

/// Frames of each scene (default run, 320×240) against golden PNGs in Golden/.
///
/// Tolerance: at most 0.5 % of pixels may differ, by any amount (room for a FreeType or libgd update that
/// moves glyph edges); every other pixel must match within 2 levels per channel. Re-bless deliberately
/// with Scripts/bless-goldens, then look at the new images before committing them.
struct GoldenImageTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let bless = ProcessInfo.processInfo.environment["GDANIMATE_BLESS"] == "1"

    /// The default visual's run (the linear preset, seed 0, batch descent at α = 0.1 for 100 epochs from
    /// (0, 0)), or its b-only run with m held at the least-squares slope, as the library plans them.
    static func defaultRun(bOnly: Bool) throws -> SceneInput { try input(for: bOnly ? .bsweep : .line) }

    /// What the scene of `kind` draws for the default visual, as the library's own ``Plan`` trains and
    /// lays it out (nothing of the planning is repeated here). The dashboard is given the least-squares
    /// slope as `--fixed-m`, so it draws its fourth (b-only) panel.
    static func input(for drawing: SceneDrawing) throws -> SceneInput {
        let kind = SceneKind(rawValue: drawing.name)!
        var visual = Visual(scene: kind)
        if kind == .dashboard { visual.fixedM = try LossSurface(visual.loadData()).leastSquares.m }
        return try planned(visual)
    }

    /// The input of `visual`'s scene, planned by the library.
    static func planned(_ visual: Visual) throws -> SceneInput {
        try Plan(visual, data: visual.loadData()).scenes[0].input
    }

    /// Golden size: 320×240 for one chart, 480×360 for the panel scenes.
    static func size(_ kind: SceneDrawing) -> (Int, Int) { SceneDrawing.single.contains(kind) ? (320, 240) : (480, 360) }

    /// (The steps scene has its own goldens, one per beat: StepsTests.)
    @Test(arguments: SceneDrawing.all.filter { $0 != .steps })
    func framesMatchGoldens(_ kind: SceneDrawing) throws {
        let (w, h) = Self.size(kind)
        let animation = try Animation(kind: kind, input: Self.input(for: kind), width: w, height: h)
        for k in [0, 50, 100] {
            try Self.check(try animation.render(k), golden: "\(kind.name)-\(k)")
        }
    }

    /// `frame` against Golden/`name`.png within the stated tolerance (or written there when blessing).
    static func check(_ frame: Frame, golden name: String) throws {
        let url = folder.appendingPathComponent("\(name).png")
        if bless {
            try Data(PNG.encode(frame)).write(to: url)
            return
        }
        let golden = try #require(PNG.decode([UInt8](Data(contentsOf: url))), "no golden \(url.lastPathComponent); run Scripts/bless-goldens")
        #expect(golden.width == frame.width && golden.height == frame.height)
        var off = 0
        for (a, b) in zip(golden.pixels, frame.pixels) where a != b {
            let d = max(abs(Int(a >> 16 & 255) - Int(b >> 16 & 255)), abs(Int(a >> 8 & 255) - Int(b >> 8 & 255)), abs(Int(a & 255) - Int(b & 255)))
            if d > 2 { off += 1 }
        }
        #expect(Double(off) <= 0.005 * Double(frame.pixels.count), "\(name): \(off) pixels differ")
    }

    @Test func framesAreTheSameInAnyOrder() throws {
        let animation = try Animation(kind: .contour, input: Self.defaultRun(bOnly: false), width: 320, height: 240)
        let inOrder = try (0...12).map(animation.render)
        #expect(try animation.render(3) == inOrder[3])
        #expect(try animation.render(12) == inOrder[12])
        #expect(inOrder[3] != inOrder[4])
    }

    /// A run past the stability limit (1.3 × 2/λmax, 400 epochs) stops where it diverges; the last frame
    /// of its contour, line and loss scenes matches its golden (the first steps still on screen, the
    /// axes not stretched to the divergence), and the contour's axes keep the first step long.
    @Test func aDivergingRunKeepsItsFirstStepsOnScreen() throws {
        var visual = Visual(scene: .contour)
        visual.learningRate = try LossSurface(visual.loadData()).stabilityLimit * 1.3
        visual.epochs = 400
        let input = try Self.planned(visual)
        let result = input.result
        #expect(result.divergedAtEpoch != nil)
        let tame = result.rangeSnapshots
        #expect(tame.count >= 2 && tame.count < result.snapshots.count)
        for kind in [SceneDrawing.contour, .line, .loss] {
            let animation = try Animation(kind: kind, input: input, width: 320, height: 240)
            try Self.check(try animation.render(animation.frameCount - 1), golden: "diverging-\(kind.name)-last")
        }
        // The contour's axes hold the start and the first step well inside, not squashed to a dot.
        let contour = ContourScene(input, panel: .full(width: 640, height: 480), font: try Font.make())
        let p0 = contour.chart.point(result.snapshots[0].m, result.snapshots[0].b)
        let p1 = contour.chart.point(result.snapshots[1].m, result.snapshots[1].b)
        #expect(((p1.x - p0.x) * (p1.x - p0.x) + (p1.y - p0.y) * (p1.y - p0.y)).squareRoot() > 20)
    }

    /// From a thumbnail to full HD and a tall strip: the line scene's plot lies inside the frame, and the
    /// loss scene's frame 100 matches its golden at that size.
    @Test(arguments: [(64, 64), (320, 240), (1920, 1080), (200, 900)])
    func everySizeRendersWithThePlotInsideTheFrame(_ size: (Int, Int)) throws {
        let input = try Self.defaultRun(bOnly: false)
        let scene = LineScene(input, panel: .full(width: size.0, height: size.1), font: try Font.make())
        let p = scene.chart.plot
        #expect(p.x0 > 0 && p.y0 > 0 && p.x1 <= size.0 && p.y1 <= size.1)
        let animation = try Animation(kind: .loss, input: input, width: size.0, height: size.1)
        // (320×240 is the loss scene's own golden size.)
        try Self.check(try animation.render(100), golden: size == (320, 240) ? "loss-100" : "loss-\(size.0)x\(size.1)-100")
    }
}

extension GoldenImageTests {
    @Test(arguments: [SceneDrawing.compare, .dashboard, .lrSweep, .scaling])
    func panelScenesRenderAtTheirMinimumSizeAndOddShapes(_ kind: SceneDrawing) throws {
        let input = try Self.input(for: kind)
        let panels = kind == .dashboard ? 4 : max(2, input.runs.count)
        let least = kind.minimumSize(panels: panels)
        for (w, h) in [(least.width, least.height), (4096, least.height), (least.width, 1200)] {
            let animation = try Animation(kind: kind, input: input, width: w, height: h, frameLimit: 3)
            let last = try animation.render(animation.frameCount - 1)
            #expect(last.width == w && last.height == h)
            // Something besides white was drawn in every quarter of the frame.
            for (qx, qy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                var inked = false
                for y in stride(from: qy * h / 2, to: (qy + 1) * h / 2, by: 2) where !inked {
                    for x in stride(from: qx * w / 2, to: (qx + 1) * w / 2, by: 2) where last.pixels[y * w + x] & 0xFF_FFFF != 0xFF_FFFF { inked = true; break }
                }
                #expect(inked, "\(kind) \(w)×\(h): quarter \(qx),\(qy) is blank")
            }
            // Every legend shown lies inside its plot (a cramped one shrinks or is left out).
            let scene = try #require(kind.make(input, width: w, height: h, font: try Font.make()) as? CompositeScene)
            for panel in scene.panels {
                let l = panel.legendRect, p = panel.chart.plot
                #expect(l.isEmpty || (l.x0 >= p.x0 && l.y0 >= p.y0 && l.x1 <= p.x1 && l.y1 <= p.y1), "\(kind) \(w)×\(h): legend \(l) outside plot \(p)")
            }
        }
    }
}

/// PNG through libgd, for the tests.
enum PNG {
    static func encode(_ f: Frame) throws -> [UInt8] {
        let im = try GDImage(trueColorWidth: f.width, height: f.height)
        let rows = im.trueColorRows
        for y in 0..<f.height { for x in 0..<f.width { rows[y]![x] = Int32(bitPattern: f.pixels[y * f.width + x]) } }
        return try im.png(level: 9)
    }

    static func decode(_ bytes: [UInt8]) -> Frame? {
        guard let im = try? GDImage(decoding: bytes) else { return nil }
        var pixels = [UInt32]()
        for y in 0..<im.height { for x in 0..<im.width { pixels.append(im.color(x: x, y: y)) } }
        return Frame(width: im.width, height: im.height, pixels: pixels)
    }
}

extension GoldenImageTests {
    @Test(arguments: SceneDrawing.all)
    func noReadoutMeansNoReadoutBandInAnyScene(_ kind: SceneDrawing) throws {
        var input = try Self.input(for: kind)
        let (w, h) = Self.size(kind)
        #expect(!kind.make(input, width: w, height: h, font: try Font.make()).readouts.isEmpty)
        input.readout = false
        #expect(kind.make(input, width: w, height: h, font: try Font.make()).readouts.isEmpty)
    }

    /// Late in a converged b-only run only the readout still changes, and only below the plot; without
    /// it the last frames are identical (the GIF shows one held frame) and the plot is taller.
    @Test func withoutTheReadoutAConvergedRunStopsChanging() throws {
        var input = try Self.input(for: .bsweep)
        let font = try Font.make()
        let on = try Animation(kind: .bsweep, input: input, width: 320, height: 240)
        let plotOn = BSweepScene(input, panel: .full(width: 320, height: 240), font: font).chart.plot
        let a = try on.render(99), b = try on.render(100)
        let rows = Set(zip(a.pixels, b.pixels).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset / 320 })
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0 > plotOn.y1 }, "rows \(rows.sorted()) change, the plot ends at \(plotOn.y1)")

        input.readout = false
        let off = try Animation(kind: .bsweep, input: input, width: 320, height: 240)
        #expect(try off.render(99) == off.render(100))
        let plotOff = BSweepScene(input, panel: .full(width: 320, height: 240, status: false), font: font).chart.plot
        #expect(plotOff.y1 > plotOn.y1)
    }
}

extension SceneDrawing {
    /// The scenes with goldens here, in the registry's order (the registry itself is GDAnimateKit's, whose
    /// tests render every registered scene).
    static let all: [SceneDrawing] = [.line, .loss, .bsweep, .contour, .compare, .dashboard, .lrSweep, .scaling, .steps, .surface]
    /// The scenes of one run (`--mode all`): 320×240 goldens.
    static let single: [SceneDrawing] = [.line, .loss, .bsweep, .contour]
}
