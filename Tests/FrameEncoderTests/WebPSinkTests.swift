import Testing
@testable import FrameEncoder
import Rasterizer
import TestDecoders

/// The WebP sink's file read back chunk by chunk (a reader of the RIFF container): the loop count, one
/// ANMF frame per change with the GIF's times, repeats merged, the end hold on the last; and decoded by
/// libwebp's own animation decoder: the pixels are the frames fed in, each colour the palette's nearest.
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

        // Decoded: a, b, a, ending at 50, 150 and 1190 ms, every pixel as fed in (three colours: all in
        // the palette, so exact) and opaque.
        let decoded = try WebPReader(bytes)
        #expect(decoded.width == 24 && decoded.height == 16 && decoded.loopCount == 4)
        #expect(decoded.frames.map(\.endMilliseconds) == [50, 150, 1190])
        #expect(decoded.frames.map(\.pixels) == [a, b, a].map { $0.pixels.map { 0xFF00_0000 | $0 } })
    }

    /// Writes `frames` (delay 5 cs each, no holds) through a WebP sink whose palette is sampled from them.
    static func encode(_ frames: [Frame]) throws -> [UInt8] {
        let out = Memory()
        let sink = WebPSink(output: out)
        try sink.open(AnimationInfo(width: frames[0].width, height: frames[0].height, frameCount: frames.count, timing: AnimationTiming(fps: 20, holdEnd: 0))) { frames }
        let worker = try sink.makeWorker()
        for (k, frame) in frames.enumerated() { try sink.add(try worker.prepare(frame, index: k, after: nil), delay: 5) }
        _ = try sink.finish()
        return out.bytes
    }

    /// More colours than the palette's 80 (flat bands, and smooth gradients that must be mapped): libwebp
    /// decodes at most 80 colours, the flat ones exact, every pixel the palette's nearest colour of the
    /// one fed in. (The stated mean error, 0.42 levels at most, is of the scenes' frames: RenderTests.)
    @Test func manyColoursDecodeToThePalettesNearest() throws {
        let a = GIFEncoderTests.frame(96, 64) { x, y in
            y < 32 ? [0xFFFFFF, 0x0072B2, 0xD55E00, 0x009E73][x / 24] : UInt32(x * 2 << 16 | (y - 32) * 8 << 8 | 0x60)
        }
        var b = a
        for x in 10..<40 { b.pixels[40 * 96 + x] = 0x1A1A1A }
        let decoded = try WebPReader(Self.encode([a, b]))
        #expect(decoded.frames.count == 2 && decoded.frames.map(\.endMilliseconds) == [50, 100])
        let shown = decoded.frames.map(\.pixels)
        #expect(shown.allSatisfy { $0.allSatisfy { $0 >> 24 == 0xFF } }, "opaque")
        let colours = Set(shown.flatMap { $0 }.map { $0 & 0xFF_FFFF })
        #expect(colours.count <= WebPSink.paletteColors && Set(a.pixels).count > 2 * WebPSink.paletteColors)
        #expect(Array(shown[0][0..<(32 * 96)]).map { $0 & 0xFF_FFFF } == Array(a.pixels[0..<(32 * 96)]), "the flat bands are exact")
        var check = PaletteCheck(entries: colours)
        for (frame, pixels) in zip([a, b], shown) {
            #expect(check.compare(rendered: frame.pixels, shown: pixels).off == 0, "pixels that are not the palette's nearest colour")
        }
    }

    /// A transparent page: libwebp decodes its pixels with alpha 0 and every other pixel opaque in its
    /// palette colour, the canvas transparent behind the frames.
    @Test func aTransparentPageDecodesTransparent() throws {
        var a = GIFEncoderTests.frame(24, 16) { x, y in x < 6 || y < 4 ? 0xFFFFFF | Frame.transparentBit : x < 15 ? 0x0072B2 : 0xF0F0F0 }
        a.hasTransparency = true
        var b = a
        b.pixels[8 * 24 + 20] = 0xD55E00
        let decoded = try WebPReader(Self.encode([a, b]))
        #expect(decoded.frames.count == 2)
        for (frame, shown) in zip([a, b], decoded.frames.map(\.pixels)) {
            let wrong = zip(frame.pixels, shown).filter { p, q in p & Frame.transparentBit != 0 ? q >> 24 != 0 : q != 0xFF00_0000 | p }
            #expect(wrong.isEmpty, "\(wrong.count) pixels, the first \(wrong.first.map { String($0.0, radix: 16) + " as " + String($0.1, radix: 16) } ?? "")")
        }
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
