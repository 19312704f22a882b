import LibGD
import Synchronization

/// A typeface of the DejaVu family: Sans for every label, Serif and Serif Italic for mathematics (variables
/// in italic, digits and operators upright, as formulas are printed).
public enum FontFace: Int, Sendable, CaseIterable {
    case sans, serif, serifItalic

    /// The fontconfig pattern and the file's name in Debian's fonts-dejavu-core.
    var lookup: (pattern: String, file: String) {
        switch self {
        case .sans: return ("DejaVu Sans:style=Book", "DejaVuSans.ttf")
        case .serif: return ("DejaVu Serif:style=Book", "DejaVuSerif.ttf")
        case .serifItalic: return ("DejaVu Serif:style=Italic", "DejaVuSerif-Italic.ttf")
        }
    }
}

/// A font file of one face, found through fontconfig, else at Debian's path.
final class FontFile: Sendable {
    let path: String

    static let debianFolder = "/usr/share/fonts/truetype/dejavu/"

    /// The face every label is set in (DejaVu Sans); resolved once per process.
    static var shared: Result<FontFile, RenderError> { faces[0] }

    /// Each face's file, resolved once per process.
    static let faces: [Result<FontFile, RenderError>] = FontFace.allCases.map(resolve)

    private static func resolve(_ face: FontFace) -> Result<FontFile, RenderError> {
        let (pattern, name) = face.lookup
        var tried = ["fontconfig '\(pattern)'"]
        // fontconfig answers every pattern with its nearest match: take it only if it is the face asked for.
        if let path = GDImage.fontconfigPath(pattern), path.hasSuffix("/" + name) || (face == .sans && (path.hasSuffix(".ttf") || path.hasSuffix(".otf"))) {
            return .success(FontFile(path: path))
        }
        tried.append(debianFolder + name)
        let file = FontFile(path: debianFolder + name)
        if (try? file.box("M", size: 12))?.width ?? 0 > 0 { return .success(file) }
        return .failure(.fontMissing(tried: tried))
    }

    private init(path: String) { self.path = path }

    /// libgd's bounding box of `text` at `size` pixels: left, right, and extent above and below the baseline.
    func box(_ text: String, size: Double) throws(RenderError) -> (left: Int, right: Int, width: Double, ascent: Double, descent: Double) {
        let b: GDImage.TextBox
        do { b = try GDImage.measure(text, fontPath: path, size: size) } catch { throw .image(error) }
        return (b.left, b.right, Double(b.right - b.left), Double(b.ascent), Double(b.descent))
    }

    /// Draws with libgd directly, its baseline's left end at (x, y), turned by `angle` radians.
    func draw(_ text: String, on canvas: Canvas, x: Double, y: Double, size: Double, color: RGB, angle: Double = 0) throws(RenderError) {
        do {
            try canvas.image.draw(text, fontPath: path, size: size, angle: angle, x: Int(x.rounded()), y: Int(y.rounded()), color: color.value)
        } catch { throw .image(error) }
    }
}

/// Text at pixel sizes (libgd is told 72 dpi, so one point is one pixel), drawn from a cache of glyphs.
///
/// Each glyph is rendered once per size by FreeType through libgd (black on white, its coverage read
/// back) and then laid down by blending: a title that changes every frame would otherwise re-run
/// FreeType's hinting interpreter for every glyph of every frame, the largest single cost of a frame.
/// Pen positions are whole pixels, as libgd's own are; kerning between pairs is not applied. Not shared
/// between threads: each `Animation` has its own.
final class Font {
    let file: FontFile
    /// DejaVu Sans metrics, as fractions of the size: cap height and descender depth.
    static let capHeight = 0.729
    static let descent = 0.236

    private struct Glyph {
        var advance: Int
        var left: Int, top: Int, width: Int, height: Int
        var coverage: [UInt8]
    }
    private var glyphs: [GlyphKey: Glyph] = [:]
    private struct GlyphKey: Hashable { var scalar: Character; var size: Int; var face: FontFace }
    /// The other faces' files, opened when first asked for (most scenes set no mathematics).
    private var faceFiles: [FontFace: FontFile] = [:]

    /// The first failure libgd reported while setting a glyph; drawing goes on without that glyph, and
    /// `Animation` throws this once the frame is drawn (a frame with a missing glyph is never delivered).
    private(set) var failure: RenderError?

    init(file: FontFile) { self.file = file }

    static func make() throws(RenderError) -> Font { Font(file: try FontFile.shared.get()) }

    /// The file of `face`, nil (and the failure kept) when it cannot be found.
    private func fontFile(_ face: FontFace) -> FontFile? {
        if face == .sans { return file }
        if let f = faceFiles[face] { return f }
        switch FontFile.faces[face.rawValue] {
        case .success(let f): faceFiles[face] = f; return f
        case .failure(let e): failure = failure ?? e; return nil
        }
    }

    /// Glyphs set so far by any `Font` of the process: every thread's frames use the same glyphs, and
    /// each is set by FreeType once rather than once per thread (setting them was a third of a small
    /// animation's time). Glyphs that failed to set are not shared: each font records its own failure.
    private static let shared = Mutex<[GlyphKey: Glyph]>([:])

    private func glyph(_ c: Character, size: Double, face: FontFace = .sans) -> Glyph {
        let key = GlyphKey(scalar: c, size: Int((size * 16).rounded()), face: face)
        if let g = glyphs[key] { return g }
        if let g = Self.shared.withLock({ $0[key] }) {
            glyphs[key] = g
            return g
        }
        let g = rendered(c, size: size, face: face)
        glyphs[key] = g
        if failure == nil { Self.shared.withLock { $0[key] = g } }
        return g
    }

    /// The glyph of `c` set by FreeType through libgd, its coverage read back.
    private func rendered(_ c: Character, size: Double, face: FontFace) -> Glyph {
        let s = String(c)
        // The advance: where a following bar starts, less where it starts alone.
        var g = Glyph(advance: 0, left: 0, top: 0, width: 0, height: 0, coverage: [])
        let pad = Int(size) + 4
        let side = 2 * pad + Int(size * 2)
        do {
            guard let file = fontFile(face) else { return g }
            g.advance = try file.box(s + "|", size: size).right - file.box("|", size: size).right
            let scratch = try Canvas(width: side, height: side)
            try file.draw(s, on: scratch, x: Double(pad), y: Double(pad + Int(size)), size: size, color: RGB(0x000000))
            var x0 = side, y0 = side, x1 = 0, y1 = 0
            for y in 0..<side { for x in 0..<side where scratch.pixel(x, y).g < 255 {
                x0 = min(x0, x); x1 = max(x1, x + 1); y0 = min(y0, y); y1 = max(y1, y + 1)
            } }
            if x1 > x0 {
                g.left = x0 - pad
                g.top = y0 - (pad + Int(size))
                g.width = x1 - x0
                g.height = y1 - y0
                for y in y0..<y1 { for x in x0..<x1 { g.coverage.append(Self.quantized(255 - scratch.pixel(x, y).g)) } }
            }
        } catch {
            failure = failure ?? error
        }
        return g
    }

    /// Glyph coverage is kept to 8 levels (0, 1/7, …, 1). At text sizes the steps cannot be seen (looked
    /// at magnified beside full coverage), and a number that changes every frame then maps to few palette
    /// entries that repeat, which LZW packs: measured on the benchmark's 101 frames, GIF bytes fell 10 %
    /// (bsweep), 12 % (loss), 7 % (contour) and 2 % (line).
    static let coverageLevels = 7

    static func quantized(_ coverage: Int) -> UInt8 {
        UInt8((coverage * coverageLevels + 127) / 255 * 255 / coverageLevels)
    }

    /// The size to set text at so that it fits: `size` itself if `fits(size)`, else the first that fits
    /// stepping down by `step` from `guess` (the proportional estimate), never below `floor`; nil if not
    /// even `floor` fits. Steps, because widths do not scale in proportion with the size (pens advance
    /// in whole pixels). Sizes may also be scale factors, with `fits` and `floor` in the same units.
    static func fittingSize(_ size: Double, guess: Double, floor: Double, step: Double = 0.95, fits: (Double) -> Bool) -> Double? {
        if fits(size) { return size }
        var s = max(floor, guess)
        while !fits(s) {
            if s <= floor { return nil }
            s = max(floor, s * step)
        }
        return s
    }

    /// Width and the extent above and below the baseline of `text` set at `size` pixels.
    func measure(_ text: String, size: Double, face: FontFace = .sans) -> (width: Double, ascent: Double, descent: Double) {
        var pen = 0, ascent = 0, descent = 0, right = 0
        for c in text {
            let g = glyph(c, size: size, face: face)
            if g.width > 0 {
                right = max(right, pen + g.left + g.width)
                ascent = max(ascent, -g.top)
                descent = max(descent, g.top + g.height)
            }
            pen += g.advance
        }
        return (Double(max(pen, right)), Double(ascent), Double(descent))
    }

    /// Draws `text` with its baseline's left end at (x, y).
    func draw(_ text: String, on canvas: Canvas, x: Double, y: Double, size: Double, color: RGB, face: FontFace = .sans) {
        if let probe = canvas.textProbe { probe.note(text, color: color, on: canvas, covered: inked(text, x: x, y: y, size: size, face: face)) }
        var pen = Int(x.rounded())
        let baseline = Int(y.rounded())
        for c in text {
            let g = glyph(c, size: size, face: face)
            for row in 0..<g.height {
                let py = baseline + g.top + row
                guard py >= 0 && py < canvas.height else { continue }
                for col in 0..<g.width {
                    let px = pen + g.left + col
                    let a = g.coverage[row * g.width + col]
                    if a > 0 && px >= 0 && px < canvas.width { canvas.blend(px, py, color, Double(a) / 255) }
                }
            }
            pen += g.advance
        }
    }

    /// The pixels `draw` would cover at least half.
    private func inked(_ text: String, x: Double, y: Double, size: Double, face: FontFace) -> [(x: Int, y: Int)] {
        var pen = Int(x.rounded()), out: [(x: Int, y: Int)] = []
        let baseline = Int(y.rounded())
        for c in text {
            let g = glyph(c, size: size, face: face)
            for row in 0..<g.height { for col in 0..<g.width where g.coverage[row * g.width + col] >= 128 {
                out.append((pen + g.left + col, baseline + g.top + row))
            } }
            pen += g.advance
        }
        return out
    }

    /// Draws `text` turned by `angle` radians (libgd directly: rotated labels are static and rare).
    func drawRotated(_ text: String, on canvas: Canvas, x: Double, y: Double, size: Double, color: RGB, angle: Double) {
        if let probe = canvas.textProbe {
            // A quarter turn: the text runs up from (x, y), its capitals' tops facing left.
            let length = measureRotated(text, size: size)
            let box = (Int(x - size * Font.capHeight)...Int(x)).flatMap { px in (Int(y - length)...Int(y)).map { (px, $0) } }
            probe.note(text, color: color, on: canvas, covered: box)
        }
        do { try file.draw(text, on: canvas, x: x, y: y, size: size, color: color, angle: angle) } catch { failure = failure ?? error }
    }

    /// Width of `text` as libgd sets it (for rotated labels).
    func measureRotated(_ text: String, size: Double) -> Double {
        do { return try file.box(text, size: size).width } catch { failure = failure ?? error; return 0 }
    }
}

/// Where a label sits relative to its anchor point.
enum HAlign { case left, center, right }
enum VAlign { case top, middle, baseline, bottom }

extension Canvas {
    /// Draws a one-line label anchored at (x, y). Vertical placement uses the font's cap height and
    /// descender, not the string's own ink, so labels on one axis line up whatever their letters.
    @discardableResult
    func label(_ text: String, font: Font, size: Double, at x: Double, _ y: Double, color: RGB,
               h: HAlign = .left, v: VAlign = .baseline) -> PixelRect {
        let width = font.measure(text, size: size).width
        let left: Double
        switch h {
        case .left: left = x
        case .center: left = x - width / 2
        case .right: left = x - width
        }
        let cap = size * Font.capHeight
        let baseline: Double
        switch v {
        case .top: baseline = y + cap
        case .middle: baseline = y + cap / 2
        case .baseline: baseline = y
        case .bottom: baseline = y - size * Font.descent
        }
        font.draw(text, on: self, x: left, y: baseline, size: size, color: color)
        return PixelRect(x0: Int(left) - 1, y0: Int(baseline - size) - 1, x1: Int(left + width) + 2, y1: Int(baseline + size * 0.3) + 2)
    }

    /// Draws `text` turned a quarter counter-clockwise (reading upwards), centred vertically on y, with
    /// the tops of its capitals at x.
    func verticalLabel(_ text: String, font: Font, size: Double, centerY y: Double, left x: Double, color: RGB) {
        let width = font.measureRotated(text, size: size)
        // Rotated 90°: the baseline runs upwards; the glyphs' tops face left.
        font.drawRotated(text, on: self, x: x + size * Font.capHeight, y: y + width / 2, size: size, color: color, angle: Double.pi / 2)
    }
}
