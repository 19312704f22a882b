import Foundation
import Testing
@testable import FrameEncoder
import Rasterizer

/// The MP4 sink's files read back by ffprobe and ffmpeg (programs that did not write them): codec, pixel
/// format, even size, frame count and duration against the GIF's times, the colour of every frame when it
/// is shown, the padding of odd sizes, identical bytes on every encode, and misuse as thrown errors.
/// ffmpeg must be installed (`Scripts/setup --python`); these tests fail without it.
struct MP4SinkTests {
    final class Memory: ByteStream {
        var bytes: [UInt8] = []
        func write(_ b: [UInt8]) throws { bytes += b }
        var bytesWritten: Int { bytes.count }
    }

    /// ffmpeg and the ffprobe beside it.
    static func tools() throws -> (ffmpeg: String, ffprobe: String) {
        let ffmpeg = try FFmpegRun.locate()
        return (ffmpeg, String(ffmpeg.dropLast("ffmpeg".count)) + "ffprobe")
    }

    /// Runs `program` and returns its standard output; fails the test on a non-zero exit.
    static func run(_ program: String, _ arguments: [String]) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "\(program) \(arguments.joined(separator: " ")) exited with \(p.terminationStatus)")
        return data
    }

    /// The file ffprobe reads: stream and format fields as text, frames counted by decoding.
    struct Probe {
        var fields: [String: String]
        var frames: Int { Int(fields["nb_read_frames"] ?? "") ?? -1 }
        var duration: Double { Double(fields["duration"] ?? "") ?? -1 }
        var width: Int { Int(fields["width"] ?? "") ?? -1 }
        var height: Int { Int(fields["height"] ?? "") ?? -1 }
    }

    /// `bytes` written to a temporary file, probed, and decoded to RGB frames (each `width × height × 3`).
    static func decode(_ bytes: [UInt8]) throws -> (probe: Probe, rgb: [UInt8]) {
        let (ffmpeg, ffprobe) = try tools()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mp4sinktest-\(UUID().uuidString).mp4")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try run(ffprobe, ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                                     "stream=codec_name,pix_fmt,width,height,nb_read_frames:format=duration,format_name",
                                     "-of", "default=noprint_wrappers=1", url.path])
        var fields: [String: String] = [:]
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            let kv = line.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { fields[kv[0]] = kv[1] }
        }
        let rgb = try run(ffmpeg, ["-v", "error", "-i", url.path, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"])
        return (Probe(fields: fields), [UInt8](rgb))
    }

    /// Encodes `frames`, each shown for the delay `timing` gives it, and returns the file.
    static func encode(_ frames: [Frame], timing: AnimationTiming) throws -> (bytes: [UInt8], summary: SinkSummary) {
        let out = Memory()
        let sink = try OutputFormat.mp4.makeSink(.file(out))
        try sink.open(AnimationInfo(width: frames[0].width, height: frames[0].height, frameCount: frames.count, timing: timing)) { [] }
        let worker = try sink.makeWorker()
        for (k, (frame, delay)) in zip(frames, timing.delays(count: frames.count)).enumerated() {
            try sink.add(try worker.prepare(frame, index: k, after: nil), delay: delay)
        }
        let summary = try sink.finish()
        return (out.bytes, summary)
    }

    static let colours: [UInt32] = [0x0072B2, 0xD55E00, 0x009E73, 0xF0E442, 0xCC79A7]

    /// Frame k is one flat colour (bit 24 set on some, as a transparency flag would be: not colour).
    static func frames(_ w: Int, _ h: Int) -> [Frame] {
        colours.enumerated().map { k, c in GIFEncoderTests.frame(w, h) { _, _ in c | (k % 2 == 1 ? 0x100_0000 : 0) } }
    }

    static func near(_ rgb: ArraySlice<UInt8>, _ colour: UInt32, within tolerance: Int) -> Bool {
        let want = [Int(colour >> 16 & 255), Int(colour >> 8 & 255), Int(colour & 255)]
        return zip(rgb, want).allSatisfy { abs(Int($0) - $1) <= tolerance }
    }

    /// At 30 fps GIF delays are 3 or 4 cs; the video holds round(time × fps) frames as it goes, so its
    /// frame count and duration match the GIF's shown time (holds included) within a frame, and each video
    /// frame shows the picture the GIF shows within half a frame of that moment.
    @Test func framesDurationCodecAndColours() throws {
        let timing = AnimationTiming(fps: 30, holdEnd: 1.5, holdStart: 0.5)
        let frames = Self.frames(40, 30)
        let (bytes, summary) = try Self.encode(frames, timing: timing)
        let (probe, rgb) = try Self.decode(bytes)
        #expect(probe.fields["codec_name"] == "h264" && probe.fields["pix_fmt"] == "yuv420p")
        #expect(probe.fields["format_name"]?.contains("mp4") == true)
        #expect(probe.width == 40 && probe.height == 30)
        let delays = timing.delays(count: frames.count)
        let starts = delays.indices.map { delays[..<$0].reduce(0, +) }
        let shown = Double(delays.reduce(0, +) + timing.holdEndCentiseconds) / 100
        let frameTime = 1 / Double(timing.fps)
        #expect(abs(Double(probe.frames) * frameTime - shown) <= frameTime, "\(probe.frames) frames for \(shown) s")
        #expect(abs(probe.duration - shown) <= frameTime, "duration \(probe.duration) s, the GIF shows \(shown) s")
        #expect(summary.frames == probe.frames && summary.bytes == bytes.count)
        let size = 40 * 30 * 3
        #expect(rgb.count == probe.frames * size)
        for j in 0..<(rgb.count / size) {
            let t = Double(j) * frameTime * 100 + 50 * frameTime   // centiseconds, plus half a frame of slack
            let k = starts.lastIndex { Double($0) <= t } ?? 0
            let candidates = [k, max(0, k - 1)].map { Self.colours[$0] }
            let centre = (15 * 40 + 20) * 3
            #expect(candidates.contains { Self.near(rgb[(j * size + centre)..<(j * size + centre + 3)], $0, within: 8) },
                    "video frame \(j) (\(t) cs) is \(Array(rgb[(j * size + centre)..<(j * size + centre + 3)]))")
        }
        // The picture at the end is the last frame, held.
        let last = (rgb.count / size - 1) * size + (15 * 40 + 20) * 3
        #expect(Self.near(rgb[last..<(last + 3)], Self.colours.last!, within: 8))
    }

    /// H.264 in yuv420p needs even sizes: 41×31 becomes 42×32, the last column and row repeated.
    @Test func oddSizesArePaddedByRepeatingTheEdge() throws {
        let left: UInt32 = 0xFFFFFF, right: UInt32 = 0x0072B2, bottom: UInt32 = 0xD55E00
        let frame = GIFEncoderTests.frame(41, 31) { x, y in y >= 24 ? bottom : x < 20 ? left : right }
        let (bytes, _) = try Self.encode([frame, frame], timing: AnimationTiming(fps: 10, holdEnd: 0))
        let (probe, rgb) = try Self.decode(bytes)
        #expect(probe.width == 42 && probe.height == 32)
        func pixel(_ x: Int, _ y: Int) -> ArraySlice<UInt8> { rgb[((y * 42 + x) * 3)..<((y * 42 + x) * 3 + 3)] }
        #expect(Self.near(pixel(41, 8), right, within: 8), "padded column \(Array(pixel(41, 8)))")
        #expect(Self.near(pixel(10, 31), bottom, within: 8), "padded row \(Array(pixel(10, 31)))")
        #expect(Self.near(pixel(5, 5), left, within: 8))
    }

    /// The same frames give the same bytes, every time.
    @Test func identicalBytesOnEveryEncode() throws {
        let frames = (0..<12).map { k in GIFEncoderTests.frame(64, 48) { x, y in (x + k) % 16 < 8 ? 0xFFFFFF : UInt32(y * 5) << 8 } }
        let a = try Self.encode(frames, timing: AnimationTiming(fps: 20, holdEnd: 1))
        let b = try Self.encode(frames, timing: AnimationTiming(fps: 20, holdEnd: 1))
        #expect(a.bytes.count > 0 && a.bytes == b.bytes)
    }

    /// Repeats round on the running total: at 20 fps each GIF frame of 5 cs is one video frame, a start
    /// hold of 0.5 s ten more, an end hold of 2 s forty more, and 0.04 s (under half a frame) none.
    @Test func framesDueRoundOnTheRunningTotal() {
        #expect((0...10).map { MP4Sink.frames(centiseconds: $0 * 5, fps: 20) } == Array(0...10))
        #expect(MP4Sink.frames(centiseconds: 55 + 200, fps: 20) == 51)
        #expect(MP4Sink.frames(centiseconds: 2, fps: 20) == 0 && MP4Sink.frames(centiseconds: 3, fps: 20) == 1)
        // 30 fps: GIF edges 3, 7, 10 cs are video frames 1, 2, 3.
        #expect([3, 7, 10].map { MP4Sink.frames(centiseconds: $0, fps: 30) } == [1, 2, 3])
    }

    final class Folder: FrameFolder { func write(_ bytes: [UInt8], name: String) throws {} }

    /// Misuse of the sink is an error to catch, not a crash, and ffmpeg is closed behind it.
    @Test func misuseThrows() throws {
        #expect(throws: EncodeError.self) { try OutputFormat.mp4.makeSink(.folder(Folder())) }
        #expect(throws: EncodeError.notOpen) { try MP4Sink(output: Memory()).makeWorker() }
        #expect(throws: EncodeError.notOpen) { try MP4Sink(output: Memory()).add(.unchanged, delay: 5) }
        #expect(throws: EncodeError.notOpen) { try MP4Sink(output: Memory()).finish() }
        let info = AnimationInfo(width: 8, height: 6, frameCount: 2, timing: AnimationTiming())
        let sink = MP4Sink(output: Memory())
        try sink.open(info) { [] }
        #expect(throws: EncodeError.notOpen) { try sink.open(info) { [] } }
        #expect(throws: EncodeError.repeatedFirstFrame) { try sink.add(.unchanged, delay: 5) }
        #expect(throws: EncodeError.self) { try sink.add(.skipped, delay: 5) }
        #expect(throws: EncodeError.self) { try sink.add(.encoded([1, 2, 3]), delay: 5) }
        #expect(throws: EncodeError.self) { try sink.finish() }            // no frame yet
        #expect(throws: EncodeError.sizeMismatch(expected: "8×6", got: "9×9")) {
            try sink.makeWorker().prepare(GIFEncoderTests.frame(9, 9) { _, _ in 0 }, index: 0, after: nil)
        }
        // A sink dropped half-way ends its ffmpeg (deinit kills and reaps it).
        try sink.add(.frame(GIFEncoderTests.frame(8, 6) { _, _ in 0xFFFFFF }), delay: 5)
    }

    /// A missing program is named with its package; a variable naming something that is not a program
    /// says so.
    @Test func aMissingFFmpegIsNamedWithItsPackage() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("mp4sinktest-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: EncodeError.ffmpeg("the program is not installed (not on PATH); install it with `apt-get install -y ffmpeg`, or set GDANIMATE_FFMPEG to its path")) {
            try FFmpegRun.locate { $0 == "PATH" ? empty.path : nil }
        }
        #expect(throws: EncodeError.ffmpeg("GDANIMATE_FFMPEG is /no/such/ffmpeg, which is not a program that can be run")) {
            try FFmpegRun.locate { $0 == "GDANIMATE_FFMPEG" ? "/no/such/ffmpeg" : nil }
        }
        let (ffmpeg, _) = try Self.tools()
        #expect(try FFmpegRun.locate { $0 == "PATH" ? "\(empty.path):\(ffmpeg.dropLast("/ffmpeg".count))" : nil } == ffmpeg)
    }

    /// When ffmpeg fails, its own last lines are in the error, and frames sent to it after it died are
    /// an error too (EPIPE), not a SIGPIPE that would end this process.
    @Test func ffmpegsFailureIsThrownWithItsMessages() throws {
        let (ffmpeg, _) = try Self.tools()
        let run = try FFmpegRun(program: ffmpeg, arguments: ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "1024x1024", "-r", "20",
                                                             "-i", "pipe:0", "-c:v", "no-such-codec"])
        let frame = [UInt8](repeating: 128, count: 1024 * 1024 * 3)
        var thrown: EncodeError?
        do {
            for _ in 0..<64 { try run.write(frame) }    // 192 MiB: more than any socket buffer holds
            _ = try run.finish()
        } catch {
            thrown = error
        }
        let text = thrown?.description ?? "nothing thrown"
        #expect(text.hasPrefix("ffmpeg: exited with status") && text.contains("no-such-codec"), "\(text)")
    }
}
