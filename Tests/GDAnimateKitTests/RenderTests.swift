import Foundation
import LibGD
import Testing
import TestDecoders
import FrameEncoder
@testable import GDAnimateKit
import Rasterizer

/// Rendering through the library: the plan draws what the golden images show, every sink gets the same
/// frames in order for any number of threads, and files appear whole.
struct RenderTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RasterizerTests/Golden")

    /// Collects a file's bytes in memory.
    final class MemoryStream: ByteStream {
        var bytes: [UInt8] = []
        func write(_ b: [UInt8]) throws { bytes += b }
        var bytesWritten: Int { bytes.count }
    }

    /// A visual drawn from its plan, at the size it asks for, matches the Rasterizer's golden frames (same
    /// tolerance: at most 0.5 % of pixels off by more than 2 levels).
    @Test(arguments: [SceneKind.line, .loss, .bsweep, .contour, .compare, .dashboard, .lrSweep, .scaling, .surface])
    func thePlanDrawsTheGoldens(_ kind: SceneKind) throws {
        let data = Preset.linear.generate(seed: 0)
        var visual = Visual(scene: kind)
        (visual.width, visual.height) = SceneKind.single.contains(kind) ? (320, 240) : (480, 360)
        if kind == .dashboard { visual.fixedM = try LossSurface(data).leastSquares.m }
        let scene = try Plan(visual, data: data).scenes[0]
        let animation = try Animation(kind: kind.definition.drawing, input: scene.input, width: scene.width, height: scene.height)
        for k in [0, 50, 100] {
            let frame = try animation.render(k)
            let golden = try GDImage(decoding: [UInt8](Data(contentsOf: Self.goldens.appendingPathComponent("\(kind.rawValue)-\(k).png"))))
            #expect(golden.width == frame.width && golden.height == frame.height)
            var off = 0
            for y in 0..<frame.height { for x in 0..<frame.width {
                let a = golden.color(x: x, y: y), b = frame.pixels[y * frame.width + x]
                let d = max(abs(Int(a >> 16 & 255) - Int(b >> 16 & 255)), abs(Int(a >> 8 & 255) - Int(b >> 8 & 255)), abs(Int(a & 255) - Int(b & 255)))
                if d > 2 { off += 1 }
            } }
            #expect(Double(off) <= 0.005 * Double(frame.pixels.count), "\(kind) frame \(k): \(off) pixels differ")
        }
    }

    /// The renderer's GIF and WebP, read back by decoders independent of the encoders (libgd's GIF
    /// reader, libwebp's animation decoder), show at each frame's time the scene's frame rendered alone,
    /// to the palette's nearest colour; and the files are byte-identical for 1, 2 and 4 threads.
    @Test func sinksGetTheFramesInOrderForAnyThreadCount() throws {
        var visual = Visual(scene: .contour)
        // The contour at its default size, where the palettes' stated mean errors were measured.
        (visual.width, visual.height, visual.frames) = (640, 480, 40)
        // 25 frames a second: 4 cs a frame, the first held 0.5 s more, the last 1 s more.
        visual.timing = AnimationTiming(fps: 25, holdEnd: 1, holdStart: 0.5, loop: 2)
        let plan = try Plan(visual, data: Preset.linear.generate(seed: 0))
        let scene = plan.scenes[0]
        var files: [[[UInt8]]] = []
        for threads in [1, 2, 4] {
            let (gif, webp) = (MemoryStream(), MemoryStream())
            let summary = try Renderer(threads: threads).render(scene, timing: visual.timing, to: [GIFSink(output: gif), WebPSink(output: webp)])
            #expect(summary.map(\.bytes) == [gif.bytes.count, webp.bytes.count])
            files.append([gif.bytes, webp.bytes])
        }
        #expect(files[1] == files[0] && files[2] == files[0], "the same bytes for 1, 2 and 4 threads")

        // The reference: each frame rendered alone, and when it starts (centiseconds).
        let animation = try Animation(kind: scene.kind.definition.drawing, input: scene.input, width: 640, height: 480, frameLimit: 40)
        let count = animation.frameCount
        #expect(count == 40)
        let rendered = try (0..<count).map { try animation.render($0).pixels }
        let starts = (0..<count).map { $0 == 0 ? 0 : 50 + 4 * $0 }, end = 50 + 4 * count + 100

        let gif = try GIFReader(files[0][0])
        #expect(gif.width == 640 && gif.height == 480 && gif.loop == 2)
        var t = 0
        let gifShown = gif.frames.map { f -> (pixels: [UInt32], start: Int, end: Int) in
            defer { t += f.delay }
            return (f.pixels, t, t + f.delay)
        }
        #expect(t == end, "the GIF lasts \(t) cs")
        try Self.expectShown(gifShown, rendered: rendered, starts: starts, format: "GIF", meanTolerance: 0.4)

        let webp = try WebPReader(files[0][1])
        #expect(webp.width == 640 && webp.height == 480 && webp.loopCount == 3, "WebP counts plays: 2 repeats are 3 plays")
        #expect(webp.frames.allSatisfy { $0.pixels.allSatisfy { $0 >> 24 == 0xFF } }, "opaque")
        var from = 0
        let webpShown = webp.frames.map { f -> (pixels: [UInt32], start: Int, end: Int) in
            defer { from = f.endMilliseconds / 10 }
            return (f.pixels.map { $0 & 0xFF_FFFF }, from, f.endMilliseconds / 10)
        }
        #expect(from == end, "the WebP lasts \(from) cs")
        try Self.expectShown(webpShown, rendered: rendered, starts: starts, format: "WebP", meanTolerance: 0.42)
    }

    /// Each decoded frame starts when a rendered frame does, and shows every rendered frame that starts
    /// while it is up (repeats are merged) as the palette maps it (``PaletteCheck``, the entries taken
    /// from the decoded frames), within the palette's stated mean error.
    static func expectShown(_ shown: [(pixels: [UInt32], start: Int, end: Int)], rendered: [[UInt32]], starts: [Int], format: String, meanTolerance: Double) throws {
        var check = PaletteCheck(entries: shown.flatMap(\.pixels))
        #expect(Set(shown.map(\.start)).isSubset(of: Set(starts)), "\(format): a frame starts between the rendered frames' times")
        for (k, frame) in rendered.enumerated() {
            let f = try #require(shown.last { $0.start <= starts[k] }, "\(format): nothing shown at frame \(k)")
            let (off, mean) = check.compare(rendered: frame, shown: f.pixels)
            #expect(off == 0, "\(format) frame \(k): \(off) pixels are not the palette's nearest colour of the rendered frame's")
            #expect(mean <= meanTolerance, "\(format) frame \(k): mean error \(mean) levels")
        }
    }

    /// An MP4 of a real scene is the same file for one rendering thread and for three (x264 runs on one
    /// thread of its own, whatever the renderer does), and a second encode gives the same bytes.
    @Test func mp4IsTheSameForAnyThreadCount() throws {
        var visual = Visual(scene: .contour)
        (visual.width, visual.height, visual.frames) = (241, 181, 40)
        visual.timing = AnimationTiming(fps: 30, holdEnd: 1, holdStart: 0.5)
        let plan = try Plan(visual, data: Preset.linear.generate(seed: 0))
        var outputs: [[UInt8]] = []
        for threads in [1, 3, 1] {
            let stream = MemoryStream()
            let summary = try Renderer(threads: threads).render(plan.scenes[0], timing: visual.timing, to: [try OutputFormat.mp4.makeSink(.file(stream))])
            #expect(summary[0].bytes == stream.bytes.count && summary[0].frames > 40)
            outputs.append(stream.bytes)
        }
        #expect(!outputs[0].isEmpty && outputs[0] == outputs[1] && outputs[0] == outputs[2])
    }

    @Test func renderIntoAFolderWritesWholeFilesAndReplacesOldOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gdanimatekit-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: "\(folder)/mine.gif"))
        var visual = Visual(scene: .loss, data: .points(Dataset(xs: [-3, -1, 0, 2, 5], ys: [-7.5, -2.9, -1.2, 3.1, 8.8], source: "five points")))
        (visual.name, visual.width, visual.height, visual.epochs, visual.poster) = ("mine", 300, 200, 20, true)
        visual.formats = [.gif, .png]
        let report = try visual.render(into: folder)
        #expect(report.files.map { ($0.path, $0.frames) } .elementsEqual([("\(folder)/mine.gif", 21), ("\(folder)/mine/", 21), ("\(folder)/mine.png", 1)], by: ==))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["mine", "mine.gif", "mine.png"])      // no temporary file left behind
        let gif = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/mine.gif")))
        #expect(gif.count == report.files[0].bytes && gif.starts(with: Array("GIF89a".utf8)))
        #expect(try GDImage(decoding: gif).width == 300)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/mine").count == 21)
        #expect(abs(report.fit.m - report.plan.history.leastSquares.m) < 0.5)

        // A visual that fails while planning leaves the folder as it was.
        visual.width = 100
        #expect(throws: VisualError.self) { try visual.render(into: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == names)

        // One that fails while publishing (its GIF's place is a folder) leaves no temporary file.
        visual.width = 300
        visual.name = "blocked"
        try FileManager.default.createDirectory(atPath: "\(folder)/blocked.gif", withIntermediateDirectories: true)
        #expect(throws: FileError.self) { try visual.render(into: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["blocked.gif", "mine", "mine.gif", "mine.png"])
    }
}
