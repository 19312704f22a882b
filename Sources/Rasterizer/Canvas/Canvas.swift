import LibGD

/// Problems drawing can run into, in words a user can act on.
public enum RenderError: Error, CustomStringConvertible, Equatable {
    /// libgd refused an image or a piece of text; the value says why.
    case image(GDError)
    /// No font file could be found or read.
    case fontMissing(tried: [String])

    /// The problem in words, with the fix where there is one.
    public var description: String {
        switch self {
        case .image(let why): return why.description
        case .fontMissing(let tried):
            return "no usable font: tried \(tried.joined(separator: ", ")); install fonts-dejavu-core (apt-get install -y fonts-dejavu-core)"
        }
    }
}

/// A truecolor picture to draw on, over a libgd image (`GDImage` owns it). Pixels are 0xRRGGBB, always
/// opaque.
final class Canvas {
    let width: Int
    let height: Int
    let image: GDImage
    /// When set, every piece of text drawn is reported with its colour and what it is drawn on (tests
    /// check contrast with it).
    var textProbe: TextProbe?
    /// Row pointers into libgd's pixel rows (libgd stores a truecolor pixel as a C int).
    private let rows: UnsafeMutablePointer<UnsafeMutablePointer<Int32>?>

    init(width: Int, height: Int, fill: RGB = RGB(0xFFFFFF)) throws(RenderError) {
        do { image = try GDImage(trueColorWidth: width, height: height) } catch { throw .image(error) }
        self.width = width
        self.height = height
        rows = image.trueColorRows
        self.fill(fill)
    }

    @inline(__always)
    func row(_ y: Int) -> UnsafeMutablePointer<Int32> { rows[y]! }

    @inline(__always)
    func pixel(_ x: Int, _ y: Int) -> RGB { RGB(UInt32(bitPattern: row(y)[x])) }

    @inline(__always)
    func set(_ x: Int, _ y: Int, _ c: RGB) { row(y)[x] = Int32(bitPattern: c.value) }

    /// Lays `c` over the pixel with opacity `alpha` (0…1). Callers keep (x, y) inside the canvas.
    @inline(__always)
    func blend(_ x: Int, _ y: Int, _ c: RGB, _ alpha: Double) {
        if alpha >= 0.999 { set(x, y, c); return }
        if alpha <= 0.001 { return }
        let p = row(y)
        let a = Int32(alpha * 256 + 0.5)
        let d = p[x]
        let r = ((Int32(c.r) * a + (d >> 16 & 0xFF) * (256 - a) + 128) >> 8)
        let g = ((Int32(c.g) * a + (d >> 8 & 0xFF) * (256 - a) + 128) >> 8)
        let b = ((Int32(c.b) * a + (d & 0xFF) * (256 - a) + 128) >> 8)
        p[x] = r << 16 | g << 8 | b
    }

    func fill(_ c: RGB) { fillRect(x0: 0, y0: 0, x1: width, y1: height, c) }

    /// Fills pixels x0..<x1, y0..<y1 (clipped to the canvas).
    func fillRect(x0: Int, y0: Int, x1: Int, y1: Int, _ c: RGB) {
        let xa = max(0, x0), xb = min(width, x1), ya = max(0, y0), yb = min(height, y1)
        guard xa < xb, ya < yb else { return }
        let v = Int32(bitPattern: c.value)
        for y in ya..<yb { (row(y) + xa).update(repeating: v, count: xb - xa) }
    }

    /// Copies every pixel of `other` (same size) into this canvas.
    func copy(from other: Canvas) {
        precondition(other.width == width && other.height == height)
        for y in 0..<height { row(y).update(from: other.row(y), count: width) }
    }

    /// Copies the rectangle of `other` (same size) into this canvas.
    func copy(from other: Canvas, rect: PixelRect) {
        let r = rect.clamped(width: width, height: height)
        guard !r.isEmpty else { return }
        for y in r.y0..<r.y1 { (row(y) + r.x0).update(from: other.row(y) + r.x0, count: r.x1 - r.x0) }
    }

    /// The pixels as a frame.
    func frame() -> Frame {
        let pixels = [UInt32](unsafeUninitializedCapacity: width * height) { buffer, count in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: Int32.self)
            for y in 0..<height { (base + y * width).initialize(from: row(y), count: width) }
            count = width * height
        }
        return Frame(width: width, height: height, pixels: pixels)
    }
}

/// A rectangle of pixels, x0..<x1 × y0..<y1.
struct PixelRect: Equatable {
    var x0: Int, y0: Int, x1: Int, y1: Int

    static let empty = PixelRect(x0: 0, y0: 0, x1: 0, y1: 0)
    var isEmpty: Bool { x1 <= x0 || y1 <= y0 }

    func clamped(width: Int, height: Int) -> PixelRect {
        PixelRect(x0: max(0, x0), y0: max(0, y0), x1: min(width, x1), y1: min(height, y1))
    }

    func union(_ o: PixelRect) -> PixelRect {
        if isEmpty { return o }
        if o.isEmpty { return self }
        return PixelRect(x0: min(x0, o.x0), y0: min(y0, o.y0), x1: max(x1, o.x1), y1: max(y1, o.y1))
    }
}

/// One rendered picture: `width × height` pixels, row-major, 0xRRGGBB.
///
/// A frame of a visual with a transparent page marks each transparent pixel with ``transparentBit``
/// (bit 24) and keeps the page colour in its low 24 bits: a format without transparency (MP4) shows
/// `pixel & 0xFFFFFF`, the page; the others make it transparent.
public struct Frame: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// The pixels, 0xRRGGBB, row by row from the top left: `width × height` of them.
    public var pixels: [UInt32]
    /// Whether any pixel carries ``transparentBit``.
    public var hasTransparency: Bool

    /// Marks a transparent pixel; its low 24 bits are the page colour shown where a format has no
    /// transparency.
    public static let transparentBit: UInt32 = 0x0100_0000

    /// A frame of `width × height` pixels; `pixels` must hold exactly `width * height`, marked with
    /// ``transparentBit`` where transparent when `hasTransparency` is true.
    public init(width: Int, height: Int, pixels: [UInt32], hasTransparency: Bool = false) {
        precondition(pixels.count == width * height)
        self.width = width
        self.height = height
        self.pixels = pixels
        self.hasTransparency = hasTransparency
    }
}
