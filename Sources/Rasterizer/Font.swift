import CGD

/// The typeface every label is set in: DejaVu Sans, found through fontconfig, else at Debian's path.
/// Sizes are in pixels (libgd is told 72 dpi, so one point is one pixel).
final class Font: @unchecked Sendable {
    let path: String

    static let debianPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    /// DejaVu Sans metrics, as fractions of the size: cap height and descender depth.
    static let capHeight = 0.729
    static let descent = 0.236

    /// Resolved once per process; libgd's font cache is set up first so several threads may draw text.
    static let shared: Result<Font, RenderError> = {
        _ = gdFontCacheSetup()
        var tried: [String] = []
        if gdFTUseFontConfig(1) != 0 {
            tried.append("fontconfig 'DejaVu Sans'")
            var extra = gdFTStringExtra()
            extra.flags = gdFTEX_RETURNFONTPATHNAME | gdFTEX_FONTCONFIG
            var brect = [Int32](repeating: 0, count: 8)
            let err = gdImageStringFTEx(nil, &brect, 0, "DejaVu Sans:style=Book", 12, 0, 0, 0, "M", &extra)
            gdFTUseFontConfig(0)
            if err == nil, let found = extra.fontpath {
                let path = String(cString: found)
                gdFree(found)
                if path.hasSuffix(".ttf") || path.hasSuffix(".otf") { return .success(Font(path: path)) }
            }
        }
        tried.append(debianPath)
        let font = Font(path: debianPath)
        if font.measure("M", size: 12).width > 0 { return .success(font) }
        return .failure(.fontMissing(tried: tried))
    }()

    private init(path: String) { self.path = path }

    /// Width and the extent above and below the baseline of `text` set at `size` pixels.
    func measure(_ text: String, size: Double) -> (width: Double, ascent: Double, descent: Double) {
        var brect = [Int32](repeating: 0, count: 8)
        var extra = Self.extra()
        let err = gdImageStringFTEx(nil, &brect, 0, path, size, 0, 0, 0, text, &extra)
        guard err == nil else { return (0, 0, 0) }
        return (Double(brect[2] - brect[0]), Double(-brect[5]), Double(brect[1]))
    }

    /// Draws `text` with its baseline's left end at (x, y), turned by `angle` radians counter-clockwise.
    func draw(_ text: String, on canvas: Canvas, x: Double, y: Double, size: Double, color: RGB, angle: Double = 0) {
        var brect = [Int32](repeating: 0, count: 8)
        var extra = Self.extra()
        _ = gdImageStringFTEx(canvas.image, &brect, Int32(bitPattern: color.value), path, size, angle,
                              Int32(x.rounded()), Int32(y.rounded()), text, &extra)
    }

    private static func extra() -> gdFTStringExtra {
        var extra = gdFTStringExtra()
        extra.flags = gdFTEX_RESOLUTION
        extra.hdpi = 72
        extra.vdpi = 72
        return extra
    }
}

/// Where a label sits relative to its anchor point.
enum HAlign { case left, center, right }
enum VAlign { case top, middle, baseline, bottom }

extension Canvas {
    /// Draws a one-line label anchored at (x, y). Vertical placement uses the font's cap height and
    /// descender, not the string's own ink, so labels on one axis line up whatever their letters.
    @discardableResult
    func label(_ text: String, font: Font, size: Double, at x: Double, _ y: Double, color: RGB = Theme.text,
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

    /// Draws `text` turned a quarter counter-clockwise, centred vertically on y, its cap-line... at x (left edge of the ink).
    func verticalLabel(_ text: String, font: Font, size: Double, centerY y: Double, left x: Double, color: RGB = Theme.text) {
        let width = font.measure(text, size: size).width
        // Rotated 90°: the baseline runs upwards; the glyphs' tops face left.
        font.draw(text, on: self, x: x + size * Font.capHeight, y: y + width / 2, size: size, color: color, angle: Double.pi / 2)
    }
}
