import LibGD
import Testing
@testable import FrameEncoder
import Rasterizer

/// The GIF's structure, read back block by block (a reader of the container, not a decoder), and its
/// first frame decoded by libgd's own GIF reader.
struct GIFStructure {
    var width = 0, height = 0
    var globalColors = 0
    var loop: Int?
    var delays: [Int] = []
    var frames: [(left: Int, top: Int, width: Int, height: Int, localTable: Bool, transparent: Int?)] = []

    init(_ b: [UInt8]) throws {
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        guard b.count > 13, b[0..<6] == [0x47, 0x49, 0x46, 0x38, 0x39, 0x61][...] else { throw Bad.header }
        width = u16(6); height = u16(8)
        var i = 13
        if b[10] & 0x80 != 0 { globalColors = 1 << (Int(b[10] & 7) + 1); i += 3 * globalColors }
        var transparent: Int?
        while i < b.count {
            switch b[i] {
            case 0x21:
                let label = b[i + 1]
                var j = i + 2
                if label == 0xF9 {
                    delays.append(u16(j + 2))
                    transparent = b[j + 1] & 1 != 0 ? Int(b[j + 4]) : nil
                } else if label == 0xFF, Array(b[(j + 1)..<(j + 12)]) == Array("NETSCAPE2.0".utf8) {
                    loop = u16(j + 14)
                }
                while b[j] != 0 { j += Int(b[j]) + 1 }
                i = j + 1
            case 0x2C:
                let local = b[i + 9] & 0x80 != 0
                frames.append((u16(i + 1), u16(i + 3), u16(i + 5), u16(i + 7), local, transparent))
                var j = i + 10 + (local ? 3 << (Int(b[i + 9] & 7) + 1) : 0) + 1
                while b[j] != 0 { j += Int(b[j]) + 1 }
                i = j + 1
            case 0x3B:
                return
            default:
                throw Bad.block(i)
            }
        }
        throw Bad.noTrailer
    }

    enum Bad: Error { case header, block(Int), noTrailer }
}

struct GIFEncoderTests {
    static func frame(_ w: Int, _ h: Int, _ paint: (Int, Int) -> UInt32) -> Frame {
        var p = [UInt32]()
        for y in 0..<h { for x in 0..<w { p.append(paint(x, y)) } }
        return Frame(width: w, height: h, pixels: p)
    }

    @Test func framesDelaysLoopAndChangedBoxes() throws {
        let base = Self.frame(40, 30) { x, y in x < 20 ? 0xFFFFFF : 0x0072B2 }
        var second = base
        second.pixels[5 * 40 + 3] = 0xD55E00       // one pixel top-left
        second.pixels[25 * 40 + 35] = 0xD55E00     // one bottom-right
        var third = second
        third.pixels[12 * 40 + 12] = 0x000000
        let palette = Palette(sampling: [base, second, third])
        let gif = try GIFEncoder(width: 40, height: 30, palette: palette, loop: 0)
        try gif.add(base, delay: 5)
        try gif.add(second, delay: 5)
        try gif.add(second, delay: 5)   // identical: merged into the previous frame's delay
        try gif.add(third, delay: 4)
        let bytes = try gif.finish(extraDelay: 200)
        let s = try GIFStructure(bytes)
        #expect(s.width == 40 && s.height == 30)
        #expect(s.loop == 0)
        #expect(s.delays == [5, 10, 204])
        #expect(gif.delays == s.delays && gif.framesWritten == 3)
        #expect(s.frames.count == 3)
        #expect(s.frames.allSatisfy { !$0.localTable })
        #expect(s.frames[0].width == 40 && s.frames[0].height == 30)
        // Second frame: the box from (3,5) to (35,25), unchanged pixels transparent.
        #expect(s.frames[1].left == 3 && s.frames[1].top == 5 && s.frames[1].width == 33 && s.frames[1].height == 21)
        #expect(s.frames[1].transparent == palette.colors.count)
        #expect(s.frames[2].width == 1 && s.frames[2].height == 1 && s.frames[2].left == 12)
        #expect(s.globalColors >= palette.colors.count + 1)

        // libgd's reader gives the first frame back exactly: its colours are all in the palette.
        let im = try GDImage(decoding: bytes)
        for (x, y) in [(0, 0), (19, 29), (20, 0), (39, 29)] {
            #expect(im.color(x: x, y: y) == base.pixels[y * 40 + x])
        }
    }

    @Test func finiteLoopCountIsStored() throws {
        let f = Self.frame(8, 8) { _, _ in 0xFFFFFF }
        let gif = try GIFEncoder(width: 8, height: 8, palette: Palette(sampling: [f]), loop: 3)
        try gif.add(f, delay: 7)
        let s = try GIFStructure(try gif.finish())
        #expect(s.loop == 3 && s.delays == [7] && s.frames.count == 1)
    }

    @Test func wrongSizeAndUseAfterFinishAreErrors() throws {
        let f = Self.frame(8, 8) { _, _ in 0 }
        let gif = try GIFEncoder(width: 8, height: 8, palette: Palette(sampling: [f]))
        #expect(throws: EncodeError.self) { try gif.add(Self.frame(4, 4) { _, _ in 0 }, delay: 1) }
        try gif.add(f, delay: 1)
        _ = try gif.finish()
        #expect(throws: EncodeError.finished) { try gif.add(f, delay: 1) }
    }

    @Test func paletteKeepsFlatColoursExactAndStaysWithin255() {
        // 40 flat colours over large areas plus a smooth gradient of 4096 colours.
        let f = Self.frame(256, 256) { x, y in
            y < 160 ? UInt32((x / 32 + 8 * (y / 32)) * 0x050301 + 0x101010) : UInt32(x << 16 | (y - 160) * 2 << 8 | 0x40)
        }
        let palette = Palette(sampling: [f])
        #expect(palette.colors.count <= 255)
        let flats = Set(f.pixels[0..<(160 * 256)])
        #expect(flats.count == 40)
        for c in flats { #expect(palette.colors.contains(RGB(c))) }
        var map = PaletteMap(palette)
        for c in flats { #expect(palette.colors[Int(map.index(of: c))] == RGB(c)) }
        // Gradient pixels land on a near colour.
        let probe = RGB(0x80_40_40)
        let near = palette.colors[Int(map.index(of: probe.value))]
        #expect(abs(near.r - probe.r) + abs(near.g - probe.g) + abs(near.b - probe.b) < 40)
    }

    /// Frames of their own lengths (the steps scene's beats): rounded on the running total, the start hold on the first.
    @Test func framesOfTheirOwnLengthsKeepTheTotal() {
        let timing = AnimationTiming(fps: 20, holdEnd: 2, holdStart: 0.5)
        #expect(timing.delays(seconds: [1.2, 1.8, 0.333, 0.333, 0.334]) == [170, 180, 33, 34, 33])
        let thirds = AnimationTiming().delays(seconds: Array(repeating: 1.0 / 3, count: 30))
        #expect(thirds.reduce(0, +) == 1000 && Set(thirds) == [33, 34])
    }

    @Test func timingCarriesRoundingFromFrameToFrame() {
        #expect(FrameTiming.delays(count: 6, fps: 30) == [3, 4, 3, 3, 4, 3])
        #expect(FrameTiming.delays(count: 4, fps: 20) == [5, 5, 5, 5])
        for fps in 1...50 {
            let d = FrameTiming.delays(count: 301, fps: fps)
            let total = d.reduce(0, +)
            #expect(abs(Double(total) - 301 * 100 / Double(fps)) <= 0.5)
            #expect(d.allSatisfy { $0 >= 2 })
        }
    }

    @Test func pngRoundTripsExactly() throws {
        let f = Self.frame(17, 9) { x, y in UInt32(x * 15 << 16 | y * 28 << 8 | (x ^ y)) }
        let im = try GDImage(decoding: try PNGEncoder.encode(f))
        for y in 0..<9 { for x in 0..<17 {
            #expect(im.color(x: x, y: y) == f.pixels[y * 17 + x])
        } }
    }
}

extension GIFEncoderTests {
    /// A few pixels of a theme colour among thousands of shades: median cut alone merges them into a
    /// neighbouring box's mean; kept, they stay exact, and a kept colour absent from the frames takes no entry.
    @Test func keptColoursStayExactHoweverFewTheirPixels() {
        var pixels: [UInt32] = []
        for i in 0..<(200 * 200) { pixels.append(UInt32((i * 7919) & 0xFFFFFF)) }     // 40,000 scattered colours
        for i in 0..<6 { pixels[i * 997] = 0x56B4E9 }                                    // six sky-blue pixels
        let frame = Frame(width: 200, height: 200, pixels: pixels)
        let plain = Palette(sampling: [frame], maxColors: 127)
        let kept = Palette(sampling: [frame], maxColors: 127, keep: [RGB(0x56B4E9), RGB(0x123456)])
        #expect(!plain.colors.contains(RGB(0x56B4E9)))
        #expect(kept.colors.contains(RGB(0x56B4E9)) && kept.colors.count == 127)
        #expect(!kept.colors.contains(RGB(0x123456)) || pixels.contains(0x123456))
        #expect(kept.colors[Int(kept.nearest(RGB(0x56B4E9)))] == RGB(0x56B4E9))
    }
}
