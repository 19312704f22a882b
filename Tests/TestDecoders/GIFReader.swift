import LibGD

/// An animated GIF as a viewer shows it, read without the project's encoder: the blocks are walked here
/// from the GIF89a specification, and each image's LZW data is decoded by libgd's own GIF reader (handed
/// the image alone, as a one-frame GIF of its rectangle), then laid on the canvas as its Graphic Control
/// Extension says (transparent index, disposal).
public struct GIFReader {
    /// The logical screen.
    public var width = 0, height = 0
    /// The global colour table, 0xRRGGBB per entry.
    public var globalColors: [UInt32] = []
    /// The NETSCAPE2.0 loop count (0: forever), nil when the file has none.
    public var loop: Int?
    /// Each frame: the whole canvas after it is drawn (0xRRGGBB; a pixel no frame has drawn is
    /// `Self.undrawn`), and its delay in centiseconds.
    public var frames: [(pixels: [UInt32], delay: Int)] = []

    /// A canvas pixel that no frame has drawn (or that a disposal cleared).
    public static let undrawn: UInt32 = 0xFF00_0000

    public enum Failure: Error { case header, block(Int), image(Int), noTrailer }

    public init(_ b: [UInt8]) throws {
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func table(at i: Int, count: Int) -> [UInt32] {
            (0..<count).map { k in UInt32(b[i + 3 * k]) << 16 | UInt32(b[i + 3 * k + 1]) << 8 | UInt32(b[i + 3 * k + 2]) }
        }
        /// The index just past the data sub-blocks starting at `i`.
        func skipBlocks(_ i: Int) -> Int {
            var j = i
            while b[j] != 0 { j += Int(b[j]) + 1 }
            return j + 1
        }
        guard b.count > 13, b.starts(with: Array("GIF89a".utf8)) || b.starts(with: Array("GIF87a".utf8)) else { throw Failure.header }
        width = u16(6)
        height = u16(8)
        var i = 13
        if b[10] & 0x80 != 0 {
            let count = 1 << (Int(b[10] & 7) + 1)
            globalColors = table(at: 13, count: count)
            i += 3 * count
        }
        var canvas = [UInt32](repeating: Self.undrawn, count: width * height)
        // The Graphic Control Extension in force for the next image.
        var delay = 0, transparent: Int?, disposal = 0
        while i < b.count {
            switch b[i] {
            case 0x21:
                let label = b[i + 1]
                if label == 0xF9 {
                    let packed = b[i + 3]
                    disposal = Int(packed >> 2 & 7)
                    delay = u16(i + 4)
                    transparent = packed & 1 != 0 ? Int(b[i + 6]) : nil
                } else if label == 0xFF, b[(i + 3)..<(i + 14)].elementsEqual("NETSCAPE2.0".utf8) {
                    loop = u16(i + 16)
                }
                i = skipBlocks(i + 2)
            case 0x2C:
                let (left, top, w, h) = (u16(i + 1), u16(i + 3), u16(i + 5), u16(i + 7))
                let packed = b[i + 9]
                let localCount = packed & 0x80 != 0 ? 1 << (Int(packed & 7) + 1) : 0
                let colors = localCount > 0 ? table(at: i + 10, count: localCount) : globalColors
                let dataStart = i + 10 + 3 * localCount
                let end = skipBlocks(dataStart + 1)
                guard left + w <= width, top + h <= height else { throw Failure.image(frames.count) }
                // The image alone: a screen of its own size, the global table, its control extension
                // (so libgd keeps every index as it is), the descriptor at (0, 0) and its data.
                var one = Array(b[0..<6]) + [UInt8(w & 255), UInt8(w >> 8), UInt8(h & 255), UInt8(h >> 8)] + Array(b[10..<13])
                one += Array(b[13..<(13 + 3 * globalColors.count)])
                one += [0x21, 0xF9, 4, transparent == nil ? 0 : 1, 0, 0, UInt8(transparent ?? 0), 0]
                one += [0x2C, 0, 0, 0, 0] + Array(b[(i + 5)..<end]) + [0x3B]
                let image: GDImage
                do { image = try GDImage(decoding: one) } catch { throw Failure.image(frames.count) }
                guard image.width == w, image.height == h, !image.isTrueColor else { throw Failure.image(frames.count) }
                let before = canvas
                for y in 0..<h {
                    for x in 0..<w {
                        let index = image.index(x: x, y: y)
                        if index == transparent { continue }
                        guard index < colors.count else { throw Failure.image(frames.count) }
                        canvas[(top + y) * width + left + x] = colors[index]
                    }
                }
                frames.append((canvas, delay))
                // What the next frame is drawn over.
                if disposal == 2 {
                    for y in top..<(top + h) { for x in left..<(left + w) { canvas[y * width + x] = Self.undrawn } }
                } else if disposal == 3 {
                    canvas = before
                }
                (delay, transparent, disposal) = (0, nil, 0)
                i = end
            case 0x3B:
                return
            default:
                throw Failure.block(i)
            }
        }
        throw Failure.noTrailer
    }
}
