import CGD
import Rasterizer

/// Failures of encoding, with what to do about them.
public enum EncodeError: Error, CustomStringConvertible, Equatable {
    case sizeMismatch(expected: String, got: String)
    case libgd(String)
    case finished

    public var description: String {
        switch self {
        case .sizeMismatch(let e, let g): return "frame is \(g), the animation is \(e)"
        case .libgd(let what): return "libgd could not \(what) (out of memory?)"
        case .finished: return "frames were added after the animation was finished"
        }
    }
}

/// An animated GIF built with libgd's GIF animation API (`gdImageGifAnimBeginPtr/AddPtr/EndPtr`).
///
/// - One global colour table (`Palette`), no local tables: no palette flicker between frames.
/// - Each frame after the first is cropped to the box of pixels that changed, and inside the box every
///   unchanged pixel is the transparent index, which LZW packs into a few codes. libgd's own `previm`
///   differencing only crops, so a title at the top and a path at the bottom would re-encode almost the
///   whole frame.
/// - A frame identical to the one before it is not written (libgd rejects an empty difference); its
///   delay is added to the previous frame's instead. One frame is therefore held back until the next
///   arrives or the animation is finished.
public final class GIFEncoder {
    public let width: Int
    public let height: Int
    public let palette: Palette
    private var map: PaletteMap
    private var bytes: [UInt8] = []
    /// The indexed frame last written (what a viewer shows now).
    private var shown: [UInt8]?
    /// The indexed frame waiting for its delay to be final.
    private var pending: [UInt8]?
    private var pendingDelay = 0
    private var isFinished = false
    /// Frames written to the file so far.
    public private(set) var framesWritten = 0
    /// The delays written, in centiseconds, one per frame in the file.
    public private(set) var delays: [Int] = []
    private let transparent: Int32

    /// Starts a GIF of `width × height` whose frames use `palette`; `loop` 0 repeats forever.
    public init(width: Int, height: Int, palette: Palette, loop: Int = 0) throws(EncodeError) {
        self.width = width
        self.height = height
        self.palette = palette
        map = PaletteMap(palette)
        transparent = Int32(palette.colors.count)
        // libgd writes the logical screen size and the global colour table from this image.
        let screen = try makeImage(width: width, height: height)
        defer { gdImageDestroy(screen) }
        var size: Int32 = 0
        guard let start = gdImageGifAnimBeginPtr(screen, &size, 1, Int32(loop)) else { throw .libgd("start a GIF") }
        append(start, size)
    }

    /// A palette image carrying the animation's palette plus the transparent entry.
    private func makeImage(width: Int, height: Int) throws(EncodeError) -> gdImagePtr {
        guard let im = gdImageCreate(Int32(width), Int32(height)) else { throw .libgd("allocate a \(width)×\(height) frame") }
        for c in palette.colors { gdImageColorAllocate(im, Int32(c.r), Int32(c.g), Int32(c.b)) }
        // The "unchanged" entry: a colour no frame uses for anything else, and transparent.
        let t = gdImageColorAllocate(im, 255, 0, 255)
        gdImageColorTransparent(im, t)
        return im
    }

    private func append(_ buffer: UnsafeMutableRawPointer, _ size: Int32) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: Int(size)))
        gdFree(buffer)
    }

    /// Adds `frame`, shown for `delay` centiseconds.
    public func add(_ frame: Frame, delay: Int) throws(EncodeError) {
        guard !isFinished else { throw .finished }
        guard frame.width == width && frame.height == height else {
            throw .sizeMismatch(expected: "\(width)×\(height)", got: "\(frame.width)×\(frame.height)")
        }
        var indexed = [UInt8](repeating: 0, count: width * height)
        frame.pixels.withUnsafeBufferPointer { src in
            indexed.withUnsafeMutableBufferPointer { dst in
                // Equal neighbours are common: reuse the last lookup.
                var last: UInt32 = 0xFFFF_FFFF, lastIndex: UInt8 = 0
                for i in 0..<src.count {
                    let p = src[i]
                    if p != last { last = p; lastIndex = map.index(of: p) }
                    dst[i] = lastIndex
                }
            }
        }
        if let pending, pending == indexed {
            pendingDelay += delay
            return
        }
        try flushPending()
        pending = indexed
        pendingDelay = delay
    }

    /// Writes the held-back frame.
    private func flushPending() throws(EncodeError) {
        guard let frame = pending else { return }
        var box = (x0: 0, y0: 0, x1: width, y1: height)
        if let shown {
            // `add` merges a frame equal to the one before it, so something changed; an all-transparent
            // 1×1 frame keeps the file valid should nothing have.
            box = Self.changedBox(shown, frame, width: width, height: height) ?? (0, 0, 1, 1)
        }
        let w = box.x1 - box.x0, h = box.y1 - box.y0
        let im = try makeImage(width: w, height: h)
        defer { gdImageDestroy(im) }
        let rows = im.pointee.pixels!
        let t = UInt8(transparent)
        for y in 0..<h {
            let row = rows[y]!
            let base = (box.y0 + y) * width + box.x0
            if let shown {
                for x in 0..<w { row[x] = frame[base + x] == shown[base + x] ? t : frame[base + x] }
            } else {
                for x in 0..<w { row[x] = frame[base + x] }
            }
        }
        var size: Int32 = 0
        guard let out = gdImageGifAnimAddPtr(im, &size, 0, Int32(box.x0), Int32(box.y0), Int32(pendingDelay), Int32(gdDisposalNone), nil),
              size > 0 else {
            throw .libgd("encode a frame")
        }
        append(out, size)
        framesWritten += 1
        delays.append(pendingDelay)
        shown = frame
        pending = nil
    }

    /// The smallest box holding every pixel that differs between `a` and `b`, or nil if none does.
    static func changedBox(_ a: [UInt8], _ b: [UInt8], width: Int, height: Int) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        var x0 = width, y0 = height, x1 = 0, y1 = 0
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                for y in 0..<height {
                    let base = y * width
                    if memcmp(pa.baseAddress! + base, pb.baseAddress! + base, width) == 0 { continue }
                    var first = 0
                    while pa[base + first] == pb[base + first] { first += 1 }
                    var last = width - 1
                    while pa[base + last] == pb[base + last] { last -= 1 }
                    x0 = min(x0, first); x1 = max(x1, last + 1)
                    y0 = min(y0, y); y1 = y + 1
                }
            }
        }
        return x1 > x0 ? (x0, y0, x1, y1) : nil
    }

    /// Writes the last frame, adding `extraDelay` centiseconds to it (the hold), and returns the file's bytes.
    public func finish(extraDelay: Int = 0) throws(EncodeError) -> [UInt8] {
        guard !isFinished else { throw .finished }
        pendingDelay += extraDelay
        try flushPending()
        isFinished = true
        var size: Int32 = 0
        guard let end = gdImageGifAnimEndPtr(&size) else { throw .libgd("finish the GIF") }
        append(end, size)
        return bytes
    }
}

#if canImport(Glibc)
import Glibc
#endif
