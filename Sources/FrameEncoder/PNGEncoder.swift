import LibGD
import Rasterizer

/// PNG files of single frames, through libgd.
public enum PNGEncoder {
    /// The PNG bytes of `frame`: truecolor, with an alpha channel when the frame has transparent pixels.
    /// `level` is zlib's compression level, 0 to 9.
    public static func encode(_ frame: Frame, level: Int = 3) throws(EncodeError) -> [UInt8] {
        do {
            let im = try GDImage(trueColorWidth: frame.width, height: frame.height)
            let rows = im.trueColorRows
            frame.pixels.withUnsafeBufferPointer { src in
                let base = UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: Int32.self)
                for y in 0..<frame.height { rows[y]!.update(from: base + y * frame.width, count: frame.width) }
            }
            guard frame.hasTransparency else { return try im.png(level: level) }
            // libgd's alpha: 127 above the colour is transparent.
            let marked = Int32(bitPattern: Frame.transparentBit)
            for y in 0..<frame.height {
                let row = rows[y]!
                for x in 0..<frame.width where row[x] & marked != 0 { row[x] = row[x] & 0xFF_FFFF | 127 << 24 }
            }
            return try im.png(level: level, alpha: true)
        } catch { throw .image(error) }
    }
}
