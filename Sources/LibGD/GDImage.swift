import CGD

/// The one owner of a libgd image (`gdImagePtr`): created in `init`, destroyed in `deinit`, and never
/// handed out. Everything this project asks of libgd goes through this type: pixel rows, palette entries,
/// FreeType text, and PNG and GIF encoding. Failures come back as ``GDError`` values.
///
/// An image is either truecolor (pixels 0xRRGGBB, what drawing uses) or palette (one byte a pixel, what a
/// GIF frame is). Not shared between threads: each thread makes its own.
public final class GDImage {
    /// The largest side libgd is asked for; far above any frame, below libgd's own overflow checks.
    public static let maximumSide = 1 << 15

    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Whether pixels are 0xRRGGBB colours (truecolor) rather than one-byte palette indices.
    public let isTrueColor: Bool
    /// The libgd image; only this module's files see it.
    let image: gdImagePtr

    /// A truecolor image, every pixel black, alpha blending on (drawing lays colours over what is there).
    public init(trueColorWidth width: Int, height: Int) throws(GDError) {
        try Self.check(width, height)
        guard let im = gdImageCreateTrueColor(Int32(width), Int32(height)) else { throw .outOfMemory(width: width, height: height) }
        image = im
        self.width = width
        self.height = height
        isTrueColor = true
        gdImageAlphaBlending(im, 1)
    }

    /// A palette image with no colours yet (add them with ``allocate(red:green:blue:)``).
    public init(paletteWidth width: Int, height: Int) throws(GDError) {
        try Self.check(width, height)
        guard let im = gdImageCreate(Int32(width), Int32(height)) else { throw .outOfMemory(width: width, height: height) }
        image = im
        self.width = width
        self.height = height
        isTrueColor = false
    }

    /// Decodes a PNG or GIF file's bytes (for tests that read back what was written).
    public init(decoding bytes: [UInt8]) throws(GDError) {
        var copy = bytes
        let isGIF = bytes.starts(with: Array("GIF".utf8))
        let made = copy.withUnsafeMutableBytes { b in
            isGIF ? gdImageCreateFromGifPtr(Int32(b.count), b.baseAddress) : gdImageCreateFromPngPtr(Int32(b.count), b.baseAddress)
        }
        guard let im = made else { throw .encoding("decode the \(isGIF ? "GIF" : "PNG") (not a valid file)") }
        image = im
        width = Int(im.pointee.sx)
        height = Int(im.pointee.sy)
        isTrueColor = im.pointee.trueColor != 0
    }

    deinit { gdImageDestroy(image) }

    private static func check(_ width: Int, _ height: Int) throws(GDError) {
        guard (1...maximumSide).contains(width), (1...maximumSide).contains(height) else { throw .invalidSize(width: width, height: height) }
    }

    // MARK: Pixels

    /// Row pointers of a truecolor image: row y holds `width` pixels as C ints (0xRRGGBB, alpha 0).
    /// Valid while the image lives.
    public var trueColorRows: UnsafeMutablePointer<UnsafeMutablePointer<Int32>?> {
        precondition(isTrueColor, "a palette image has no truecolor rows")
        return image.pointee.tpixels
    }

    /// Row pointers of a palette image: one palette index a pixel. Valid while the image lives.
    public var paletteRows: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?> {
        precondition(!isTrueColor, "a truecolor image has no palette rows")
        return image.pointee.pixels
    }

    /// A pixel as libgd reads it: 0xRRGGBB for truecolor, the palette entry's colour for a palette image.
    public func color(x: Int, y: Int) -> UInt32 {
        let p = gdImageGetPixel(image, Int32(x), Int32(y))
        if isTrueColor { return UInt32(bitPattern: p) & 0xFF_FFFF }
        let i = Int(p)
        let (r, g, b) = withUnsafeBytes(of: image.pointee.red) { r in
            withUnsafeBytes(of: image.pointee.green) { g in
                withUnsafeBytes(of: image.pointee.blue) { b in
                    (r.load(fromByteOffset: i * 4, as: Int32.self), g.load(fromByteOffset: i * 4, as: Int32.self), b.load(fromByteOffset: i * 4, as: Int32.self))
                }
            }
        }
        return UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
    }

    /// The palette index of a pixel of a palette image.
    public func index(x: Int, y: Int) -> Int { Int(gdImageGetPixel(image, Int32(x), Int32(y))) }

    /// The palette entry marked transparent, or nil.
    public var transparentIndex: Int? {
        let t = image.pointee.transparent
        return t < 0 ? nil : Int(t)
    }

    // MARK: Palette

    /// Adds a colour to a palette image and returns its index.
    @discardableResult
    public func allocate(red: UInt8, green: UInt8, blue: UInt8) throws(GDError) -> Int {
        let i = gdImageColorAllocate(image, Int32(red), Int32(green), Int32(blue))
        guard i >= 0 else { throw .paletteFull }
        return Int(i)
    }

    /// Marks palette entry `index` transparent.
    public func setTransparent(_ index: Int) { gdImageColorTransparent(image, Int32(index)) }

    // MARK: Encoding

    /// The image as a PNG file; `level` is zlib's, 0 to 9. With `alpha`, a truecolor image keeps its
    /// pixels' alpha (libgd's 7 bits above the colour: 0 opaque, 127 transparent) as a PNG alpha channel.
    public func png(level: Int, alpha: Bool = false) throws(GDError) -> [UInt8] {
        gdImageSaveAlpha(image, alpha ? 1 : 0)
        var size: Int32 = 0
        guard let out = gdImagePngPtrEx(image, &size, Int32(level)), size > 0 else { throw .encoding("a PNG") }
        return Self.take(out, size)
    }

    /// The start of an animated GIF: header, logical screen of this image's size, this image's palette
    /// as the global colour table, and the loop count (0: forever).
    public func gifAnimationStart(loop: Int) throws(GDError) -> [UInt8] {
        var size: Int32 = 0
        guard let out = gdImageGifAnimBeginPtr(image, &size, 1, Int32(loop)), size > 0 else { throw .encoding("the start of a GIF") }
        return Self.take(out, size)
    }

    /// This palette image as one GIF animation frame at (left, top) of the screen, with the global colour
    /// table and no disposal: its graphic control extension, image descriptor and LZW data.
    public func gifAnimationFrame(left: Int, top: Int, delay: Int) throws(GDError) -> [UInt8] {
        var size: Int32 = 0
        guard let out = gdImageGifAnimAddPtr(image, &size, 0, Int32(left), Int32(top), Int32(min(delay, 65535)), Int32(gdDisposalNone), nil),
              size > 0 else {
            throw .encoding("a GIF frame")
        }
        return Self.take(out, size)
    }

    /// The GIF trailer that ends an animation.
    public static func gifAnimationEnd() throws(GDError) -> [UInt8] {
        var size: Int32 = 0
        guard let out = gdImageGifAnimEndPtr(&size), size > 0 else { throw .encoding("the end of a GIF") }
        return take(out, size)
    }

    /// Copies a buffer libgd made, then frees it with `gdFree`, once.
    private static func take(_ pointer: UnsafeMutableRawPointer, _ size: Int32) -> [UInt8] {
        defer { gdFree(pointer) }
        return Array(UnsafeRawBufferPointer(start: pointer, count: Int(size)))
    }
}
