import Testing
@testable import FrameEncoder
import Rasterizer

/// The WebP sink's file read back chunk by chunk (a reader of the RIFF container, not libwebp): the
/// loop count, one ANMF frame per change with the GIF's times, repeats merged, the end hold on the last.
struct WebPSinkTests {
    final class Memory: ByteStream {
        var bytes: [UInt8] = []
        func write(_ b: [UInt8]) throws { bytes += b }
        var bytesWritten: Int { bytes.count }
    }

    /// (fourCC, payload) of each chunk inside RIFF/WEBP.
    static func chunks(_ b: [UInt8]) -> [(String, ArraySlice<UInt8>)] {
        var out: [(String, ArraySlice<UInt8>)] = []
        var i = 12
        while i + 8 <= b.count {
            let size = Int(b[i + 4]) | Int(b[i + 5]) << 8 | Int(b[i + 6]) << 16 | Int(b[i + 7]) << 24
            out.append((String(decoding: b[i..<(i + 4)], as: UTF8.self), b[(i + 8)..<(i + 8 + size)]))
            i += 8 + size + (size & 1)
        }
        return out
    }

    @Test func framesDurationsLoopAndMergedRepeats() throws {
        let a = GIFEncoderTests.frame(24, 16) { x, _ in x < 12 ? 0xFFFFFF : 0x0072B2 }
        var b = a
        b.pixels[3 * 24 + 5] = 0xD55E00
        let out = Memory()
        let sink = WebPSink(output: out)
        try sink.open(AnimationInfo(width: 24, height: 16, frameCount: 4, timing: AnimationTiming(fps: 20, holdEnd: 1, loop: 3))) { [a, b] }
        let worker = try sink.makeWorker()
        for (k, (frame, delay)) in [(a, 5), (b, 5), (b, 5), (a, 4)].enumerated() {
            try sink.add(try worker.prepare(frame, index: k, after: nil), delay: delay)
        }
        let summary = try sink.finish()
        let bytes = out.bytes
        #expect(bytes.starts(with: Array("RIFF".utf8)) && bytes[8..<12].elementsEqual("WEBP".utf8))
        let c = Self.chunks(bytes)
        #expect(c.first?.0 == "VP8X")
        let anim = try #require(c.first { $0.0 == "ANIM" }?.1)
        // GIF loop 3 = 3 repeats = 4 plays; WebP counts plays.
        #expect(Int(anim[anim.startIndex + 4]) | Int(anim[anim.startIndex + 5]) << 8 == 4)
        let frames = c.filter { $0.0 == "ANMF" }.map(\.1)
        // Durations (24-bit, ms) at offset 12 of each ANMF payload: the repeat of b merged into b's.
        let durations = frames.map { f in Int(f[f.startIndex + 12]) | Int(f[f.startIndex + 13]) << 8 | Int(f[f.startIndex + 14]) << 16 }
        #expect(durations == [50, 100, 40 + 1000])
        #expect(summary.frames == 3 && summary.bytes == bytes.count)
    }

    final class Folder: FrameFolder { func write(_ bytes: [UInt8], name: String) throws {} }

    /// Misuse of a sink is an error to catch, not a crash.
    @Test func misuseThrows() throws {
        #expect(throws: EncodeError.notOpen) { try WebPSink(output: Memory()).makeWorker() }
        #expect(throws: EncodeError.notOpen) { try GIFSink(output: Memory()).makeWorker() }
        #expect(throws: EncodeError.self) { try OutputFormat.gif.makeSink(.folder(Folder())) }
        #expect(throws: EncodeError.self) { try OutputFormat.png.makeSink(.file(Memory())) }
        let png = PNGFramesSink(folder: Folder())
        try png.open(AnimationInfo(width: 2, height: 2, frameCount: 1, timing: AnimationTiming())) { [] }
        #expect(throws: EncodeError.self) { try png.add(.unchanged, delay: 5) }
    }
}
