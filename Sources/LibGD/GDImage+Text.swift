import CGD

/// FreeType text through libgd (`gdImageStringFTEx`), at pixel sizes: libgd is told 72 dpi, so a point
/// is a pixel.
extension GDImage {
    /// Where a string's ink lies relative to its pen position: left and right edges, and the extent above
    /// and below the baseline, in pixels.
    public struct TextBox: Equatable, Sendable {
        /// Left edge of the ink, in pixels from the pen position (negative: left of it).
        public var left: Int
        /// Right edge of the ink, in pixels from the pen position.
        public var right: Int
        /// Height of the ink above the baseline, in pixels.
        public var ascent: Int
        /// Depth of the ink below the baseline, in pixels.
        public var descent: Int
    }

    /// libgd sets its font cache up on the first text without a lock (`gdFontCacheSetup` tests and sets a
    /// global): two threads setting their first text at once could each make a cache and a FreeType library,
    /// and one pair is lost (LeakSanitizer found it when two tests drew their first text together). Every
    /// text call here reads this first; Swift runs a static's initializer once, behind a lock.
    private static let fontCache: Int32 = gdFontCacheSetup()

    /// The file fontconfig picks for `pattern` (e.g. "DejaVu Sans:style=Book"), or nil.
    ///
    /// Only this call asks fontconfig (`gdFTEX_FONTCONFIG`); libgd's process-wide switch stays off, so text
    /// drawn meanwhile on other threads is still set from its font file's path. (Turning the switch on here
    /// let a concurrent call read a path as a fontconfig pattern: a missing font file then drew in the
    /// nearest match instead of failing, seen as a flaky test.) `gdFTUseFontConfig(0)` sets the default
    /// again and says whether libgd has fontconfig at all.
    public static func fontconfigPath(_ pattern: String) -> String? {
        _ = fontCache
        guard gdFTUseFontConfig(0) != 0 else { return nil }
        var extra = gdFTStringExtra()
        extra.flags = gdFTEX_RETURNFONTPATHNAME | gdFTEX_FONTCONFIG
        var brect = [Int32](repeating: 0, count: 8)
        guard gdImageStringFTEx(nil, &brect, 0, pattern, 12, 0, 0, 0, "M", &extra) == nil, let found = extra.fontpath else { return nil }
        defer { gdFree(found) }
        return String(cString: found)
    }

    /// Measures `text` set in the font file at `fontPath`, `size` pixels, without drawing it.
    public static func measure(_ text: String, fontPath: String, size: Double) throws(GDError) -> TextBox {
        _ = fontCache
        var brect = [Int32](repeating: 0, count: 8)
        var extra = textOptions()
        if let err = gdImageStringFTEx(nil, &brect, 0, fontPath, size, 0, 0, 0, text, &extra) {
            throw .text(reason: String(cString: err))
        }
        return TextBox(left: Int(brect[0]), right: Int(brect[2]), ascent: Int(-brect[5]), descent: Int(brect[1]))
    }

    /// Draws `text` with its baseline's left end at (x, y), turned by `angle` radians counter-clockwise,
    /// in `color` (0xRRGGBB), anti-aliased over what is there.
    public func draw(_ text: String, fontPath: String, size: Double, angle: Double = 0, x: Int, y: Int, color: UInt32) throws(GDError) {
        _ = Self.fontCache
        var brect = [Int32](repeating: 0, count: 8)
        var extra = Self.textOptions()
        if let err = gdImageStringFTEx(image, &brect, Int32(bitPattern: color), fontPath, size, angle, Int32(x), Int32(y), text, &extra) {
            throw .text(reason: String(cString: err))
        }
    }

    private static func textOptions() -> gdFTStringExtra {
        var extra = gdFTStringExtra()
        extra.flags = gdFTEX_RESOLUTION
        extra.hdpi = 72
        extra.vdpi = 72
        return extra
    }
}
