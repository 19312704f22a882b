import Foundation
import Testing
import LibGD

/// The libgd wrapper: sizes refused before libgd is asked, every failure a typed error with its cause,
/// and pixels that survive a PNG round trip through libgd's own reader.
struct GDImageTests {
    /// DejaVu Sans, found as the renderer finds it: through fontconfig, else at Debian's path
    /// (fonts-dejavu-core); nil when neither has it.
    static let font: String? = {
        if let path = GDImage.fontconfigPath("DejaVu Sans:style=Book"), path.hasSuffix(".ttf") || path.hasSuffix(".otf") { return path }
        let debian = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        return FileManager.default.isReadableFile(atPath: debian) ? debian : nil
    }()

    @Test(arguments: [(0, 10), (10, 0), (-5, 5), (GDImage.maximumSide + 1, 1)])
    func impossibleSizesAreRefusedByName(_ size: (Int, Int)) {
        #expect(throws: GDError.invalidSize(width: size.0, height: size.1)) { try GDImage(trueColorWidth: size.0, height: size.1) }
        #expect(throws: GDError.invalidSize(width: size.0, height: size.1)) { try GDImage(paletteWidth: size.0, height: size.1) }
    }

    @Test func aPaletteHoldsAtMost256Colours() throws {
        let im = try GDImage(paletteWidth: 4, height: 4)
        for i in 0..<256 { #expect(try im.allocate(red: UInt8(i), green: 0, blue: 0) == i) }
        #expect(throws: GDError.paletteFull) { try im.allocate(red: 1, green: 2, blue: 3) }
    }

    @Test func textFailuresCarryLibgdsReason() throws {
        let im = try GDImage(trueColorWidth: 40, height: 20)
        let error = #expect(throws: GDError.self) {
            try im.draw("x", fontPath: "/nonexistent/font.ttf", size: 12, x: 2, y: 15, color: 0)
        }
        let description = error?.description ?? ""
        #expect(description.hasPrefix("text rendering failed: ") && description.count > "text rendering failed: ".count)
        #expect(throws: GDError.self) { try GDImage.measure("x", fontPath: "/nonexistent/font.ttf", size: 12) }
    }

    @Test(.enabled(if: font != nil, "DejaVu Sans is not installed (neither fontconfig nor /usr/share/fonts/truetype/dejavu has it)"))
    func textIsMeasuredAndDrawn() throws {
        let font = try #require(Self.font)
        let box = try GDImage.measure("Mg", fontPath: font, size: 20)
        #expect(box.right - box.left > 20 && box.ascent > 10 && box.descent > 2)
        let im = try GDImage(trueColorWidth: 60, height: 30)
        for y in 0..<30 { for x in 0..<60 { im.trueColorRows[y]![x] = 0xFFFFFF } }
        try im.draw("M", fontPath: font, size: 20, x: 5, y: 25, color: 0x000000)
        let dark = (0..<30).flatMap { y in (0..<60).map { x in im.color(x: x, y: y) } }.filter { $0 == 0 }.count
        #expect(dark > 30)
    }

    @Test func pngRoundTripsThroughLibgdsReader() throws {
        let im = try GDImage(trueColorWidth: 13, height: 7)
        for y in 0..<7 { for x in 0..<13 { im.trueColorRows[y]![x] = Int32(x * 19 << 16 | y * 36 << 8 | (x * y) & 0xFF) } }
        let back = try GDImage(decoding: try im.png(level: 6))
        #expect(back.width == 13 && back.height == 7 && back.isTrueColor)
        for y in 0..<7 { for x in 0..<13 { #expect(back.color(x: x, y: y) == UInt32(x * 19 << 16 | y * 36 << 8 | (x * y) & 0xFF)) } }
        #expect(throws: GDError.self) { try GDImage(decoding: [1, 2, 3]) }
    }

    @Test func aOneFrameGIFDecodesWithItsPaletteAndTransparency() throws {
        let im = try GDImage(paletteWidth: 3, height: 2)
        try im.allocate(red: 255, green: 0, blue: 0)
        try im.allocate(red: 0, green: 0, blue: 255)
        let t = try im.allocate(red: 255, green: 0, blue: 255)
        im.setTransparent(t)
        im.paletteRows[1]![2] = 1
        let bytes = try im.gifAnimationStart(loop: 0) + im.gifAnimationFrame(left: 0, top: 0, delay: 10) + GDImage.gifAnimationEnd()
        #expect(bytes.starts(with: Array("GIF89a".utf8)) && bytes.last == 0x3B)
        let back = try GDImage(decoding: bytes)
        #expect(back.color(x: 0, y: 0) == 0xFF0000 && back.color(x: 2, y: 1) == 0x0000FF)
    }
}
