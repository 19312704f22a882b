import Foundation
import LibGD
import Testing
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

    /// A visual drawn from its plan matches the Rasterizer's golden frames (same tolerance: at most
    /// 0.5 % of pixels off by more than 2 levels). The panel scenes whose goldens carry test-made labels
    /// (lr-sweep, scaling) are left to the Rasterizer's own test.
    @Test(arguments: [SceneKind.line, .loss, .bsweep, .contour, .compare, .dashboard])
    func thePlanDrawsTheGoldens(_ kind: SceneKind) throws {
        let data = Preset.linear.generate(seed: 0)
        var visual = Visual(scene: kind)
        (visual.width, visual.height) = SceneKind.single.contains(kind) ? (320, 240) : (480, 360)
        if kind == .dashboard { visual.fixedM = try LossSurface(data).leastSquares.m }
        let scene = try Plan(visual, data: data).scenes[0]
        let animation = try Animation(kind: kind, input: scene.input, width: scene.width, height: scene.height)
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

    /// The renderer's sinks receive exactly what encoding every frame in order on one thread gives, for
    /// one thread and for three.
    @Test func sinksGetTheFramesInOrderForAnyThreadCount() throws {
        var visual = Visual(scene: .contour)
        (visual.width, visual.height, visual.frames) = (240, 180, 60)
        visual.timing = AnimationTiming(fps: 30, holdEnd: 1, holdStart: 0.5, loop: 2)
        let plan = try Plan(visual, data: Preset.linear.generate(seed: 0))
        let scene = plan.scenes[0]
        var outputs: [[UInt8]] = []
        for threads in [1, 3] {
            let stream = MemoryStream()
            let summary = try Renderer(threads: threads).render(scene, timing: visual.timing, to: [GIFSink(output: stream)])
            #expect(summary[0].bytes == stream.bytes.count)
            outputs.append(stream.bytes)
        }
        #expect(outputs[0] == outputs[1])

        // Independently: every frame rendered in order and added to a GIFEncoder by hand.
        let animation = try Animation(kind: .contour, input: scene.input, width: 240, height: 180, frameLimit: 60)
        let count = animation.frameCount
        let samples = try Set([0, count / 2, count - 1]).sorted().map(animation.render)
        let gif = try GIFEncoder(width: 240, height: 180, palette: Palette(sampling: samples, maxColors: GIFSink.paletteColors, keep: scene.input.theme.keyColors), loop: 2)
        var bytes = gif.drain()
        let delays = FrameTiming.delays(count: count, fps: 30)
        for k in 0..<count { try gif.add(animation.render(k), delay: delays[k] + (k == 0 ? 50 : 0)) }
        bytes += try gif.finish(extraDelay: 100)
        #expect(outputs[0] == bytes)
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
