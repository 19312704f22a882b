import LibGD
import Rasterizer

/// One frame compressed for the GIF, or nothing when it shows exactly what the frame before it showed.
public struct EncodedFrame: Sendable {
    /// The graphic control extension, image descriptor and LZW data; nil for a repeat.
    public var bytes: [UInt8]?
    /// How long the frame is shown, in centiseconds.
    public var delay: Int
}

/// Compresses frames against the frame before them, with libgd's `gdImageGifAnimAddPtr`.
///
/// A frame is cropped to the box of pixels that changed, and inside the box every unchanged pixel is the
/// transparent index, which LZW packs into a few codes. A transparent page uses the same index: the
/// first frame leaves the page's pixels transparent and later frames leave them as they were. A pixel
/// that was drawn on cannot turn transparent again (frames are not disposed), so it takes the page
/// colour instead (scenes keep everything that changes off the transparent page). libgd's own `previm` differencing only crops, so
/// a title at the top and a path at the bottom would re-encode almost the whole frame. The result depends
/// only on the two frames, so frames can be compressed on several threads, one compressor each.
public final class GIFFrameCompressor: @unchecked Sendable {
    /// Frame width in pixels; every frame compressed must have it.
    public let width: Int
    /// Frame height in pixels; every frame compressed must have it.
    public let height: Int
    /// The animation's shared colour table that pixels are mapped to.
    public let palette: Palette
    private var map: PaletteMap
    let transparent: Int32

    /// A compressor for `width × height` frames mapped to `palette`; use one per thread.
    public init(width: Int, height: Int, palette: Palette) {
        self.width = width
        self.height = height
        self.palette = palette
        map = PaletteMap(palette)
        transparent = Int32(palette.colors.count)
    }

    /// A palette image carrying the animation's palette plus the transparent entry.
    func makeImage(width: Int, height: Int) throws(EncodeError) -> GDImage {
        do {
            let im = try GDImage(paletteWidth: width, height: height)
            for c in palette.colors { try im.allocate(red: UInt8(c.r), green: UInt8(c.g), blue: UInt8(c.b)) }
            // The "unchanged" entry: a colour no frame uses for anything else, and transparent.
            im.setTransparent(try im.allocate(red: 255, green: 0, blue: 255))
            return im
        } catch { throw .image(error) }
    }

    /// `frame` as shown after `previous` (nil for the first frame), for `delay` centiseconds.
    public func compress(_ frame: Frame, after previous: Frame?, delay: Int) throws(EncodeError) -> EncodedFrame {
        guard frame.width == width && frame.height == height else {
            throw .sizeMismatch(expected: "\(width)×\(height)", got: "\(frame.width)×\(frame.height)")
        }
        var box = (x0: 0, y0: 0, x1: width, y1: height)
        if let previous {
            guard let changed = changedBox(previous.pixels, frame.pixels) else {
                return EncodedFrame(bytes: nil, delay: delay)
            }
            box = changed
        }
        let w = box.x1 - box.x0, h = box.y1 - box.y0
        let im = try makeImage(width: w, height: h)
        let rows = im.paletteRows
        let t = UInt8(transparent)
        frame.pixels.withUnsafeBufferPointer { now in
            for y in 0..<h {
                let row = rows[y]!
                let base = (box.y0 + y) * width + box.x0
                if let previous {
                    previous.pixels.withUnsafeBufferPointer { before in
                        for x in 0..<w {
                            let p = now[base + x], q = before[base + x]
                            if p == q { row[x] = t; continue }
                            let i = map.index(of: p)
                            row[x] = i == map.index(of: q) && q & Frame.transparentBit == 0 ? t : i
                        }
                    }
                } else {
                    for x in 0..<w {
                        let p = now[base + x]
                        row[x] = p & Frame.transparentBit != 0 ? t : map.index(of: p)
                    }
                }
            }
        }
        do {
            return EncodedFrame(bytes: try im.gifAnimationFrame(left: box.x0, top: box.y0, delay: delay), delay: delay)
        } catch { throw .image(error) }
    }

    /// The smallest box holding every pixel whose palette entry differs between `a` and `b`, or nil if
    /// none does. Entries, not colours, are compared: two anti-aliased shades that quantize to one entry
    /// look the same in the GIF, and sending them again would only cost bytes (about a third of a late
    /// frame of the line scene).
    func changedBox(_ a: [UInt32], _ b: [UInt32]) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        var x0 = width, y0 = height, x1 = 0, y1 = 0
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                func differs(_ i: Int) -> Bool {
                    pa[i] != pb[i] && (map.index(of: pa[i]) != map.index(of: pb[i]) || (pa[i] ^ pb[i]) & Frame.transparentBit != 0)
                }
                for y in 0..<height {
                    let base = y * width
                    if memcmp(pa.baseAddress! + base, pb.baseAddress! + base, width * 4) == 0 { continue }
                    var first = 0
                    while first < width && !differs(base + first) { first += 1 }
                    if first == width { continue }
                    var last = width - 1
                    while !differs(base + last) { last -= 1 }
                    x0 = min(x0, first); x1 = max(x1, last + 1)
                    y0 = min(y0, y); y1 = y + 1
                }
            }
        }
        return x1 > x0 ? (x0, y0, x1, y1) : nil
    }
}

/// An animated GIF built with libgd's GIF animation API (`gdImageGifAnimBeginPtr/AddPtr/EndPtr`).
///
/// - One global colour table (`Palette`), no local tables: no palette flicker between frames.
/// - Frames arrive compressed (`GIFFrameCompressor`), in order, possibly made on other threads.
/// - A repeat of the frame before it is not written (libgd rejects an empty difference); its delay is
///   added to the frame on screen instead, by rewriting that frame's delay field. One frame is therefore
///   held back until the next arrives or the animation is finished.
/// - `drain()` hands over the bytes made so far, so a long animation streams to its file.
public final class GIFEncoder {
    /// Width of the GIF's logical screen and of every frame, in pixels.
    public let width: Int
    /// Height of the GIF's logical screen and of every frame, in pixels.
    public let height: Int
    /// The global colour table (the transparent "unchanged" entry follows its colours).
    public let palette: Palette
    private var bytes: [UInt8] = []
    private var pending: EncodedFrame?
    private var isFinished = false
    private var previousFrame: Frame?
    private lazy var compressor = GIFFrameCompressor(width: width, height: height, palette: palette)
    /// Frames written to the file so far.
    public private(set) var framesWritten = 0
    /// The delays written, in centiseconds, one per frame in the file.
    public private(set) var delays: [Int] = []

    /// Starts a GIF of `width × height` whose frames use `palette`; `loop` 0 repeats forever.
    public init(width: Int, height: Int, palette: Palette, loop: Int = 0) throws(EncodeError) {
        self.width = width
        self.height = height
        self.palette = palette
        // libgd writes the logical screen size and the global colour table from this image.
        let screen = try GIFFrameCompressor(width: width, height: height, palette: palette).makeImage(width: width, height: height)
        do { bytes = try screen.gifAnimationStart(loop: loop) } catch { throw .image(error) }
    }

    /// Adds `frame`, shown for `delay` centiseconds, compressing it here.
    public func add(_ frame: Frame, delay: Int) throws(EncodeError) {
        guard !isFinished else { throw .finished }
        let encoded = try compressor.compress(frame, after: previousFrame, delay: delay)
        previousFrame = frame
        try add(encoded)
    }

    /// Adds a frame compressed against the frame added before it.
    public func add(_ frame: EncodedFrame) throws(EncodeError) {
        guard !isFinished else { throw .finished }
        guard frame.bytes != nil else {
            if pending == nil && framesWritten == 0 { throw .repeatedFirstFrame }
            pending?.delay += frame.delay
            return
        }
        flushPending()
        pending = frame
    }

    private func flushPending() {
        guard var frame = pending?.bytes, let delay = pending?.delay else { return }
        // libgd's frame starts with its graphic control extension: 21 F9 04 flags delay-lo delay-hi ….
        precondition(frame.count > 6 && frame[0] == 0x21 && frame[1] == 0xF9 && frame[2] == 0x04)
        let d = min(delay, 65535)
        frame[4] = UInt8(d & 0xFF)
        frame[5] = UInt8(d >> 8)
        bytes += frame
        framesWritten += 1
        delays.append(d)
        pending = nil
    }

    /// The bytes made so far, handed over (the next call returns only what came after).
    public func drain() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Writes the last frame, adding `extraDelay` centiseconds to it (the hold), and returns the bytes
    /// not yet drained.
    public func finish(extraDelay: Int = 0) throws(EncodeError) -> [UInt8] {
        guard !isFinished else { throw .finished }
        pending?.delay += extraDelay
        flushPending()
        isFinished = true
        do { bytes += try GDImage.gifAnimationEnd() } catch { throw .image(error) }
        return drain()
    }
}

#if canImport(Glibc)
import Glibc
#endif
