import LibGD
import Rasterizer

/// PNG files of single frames, through libgd.
public enum PNGEncoder {
    /// The PNG bytes of `frame` (truecolor, no alpha). `level` is zlib's compression level, 0 to 9.
    public static func encode(_ frame: Frame, level: Int = 3) throws(EncodeError) -> [UInt8] {
        do {
            let im = try GDImage(trueColorWidth: frame.width, height: frame.height)
            let rows = im.trueColorRows
            frame.pixels.withUnsafeBufferPointer { src in
                let base = UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: Int32.self)
                for y in 0..<frame.height { rows[y]!.update(from: base + y * frame.width, count: frame.width) }
            }
            return try im.png(level: level)
        } catch { throw .image(error) }
    }
}
