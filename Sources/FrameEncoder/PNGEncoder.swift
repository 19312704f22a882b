import CGD
import Rasterizer

/// PNG files of single frames, through libgd.
public enum PNGEncoder {
    /// The PNG bytes of `frame` (truecolor, no alpha). `level` is zlib's compression level, 0 to 9.
    public static func encode(_ frame: Frame, level: Int = 3) throws(EncodeError) -> [UInt8] {
        guard let im = gdImageCreateTrueColor(Int32(frame.width), Int32(frame.height)) else {
            throw .libgd("allocate a \(frame.width)×\(frame.height) image")
        }
        defer { gdImageDestroy(im) }
        gdImageSaveAlpha(im, 0)
        let rows = im.pointee.tpixels!
        frame.pixels.withUnsafeBufferPointer { src in
            let base = UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: Int32.self)
            for y in 0..<frame.height { rows[y]!.update(from: base + y * frame.width, count: frame.width) }
        }
        var size: Int32 = 0
        guard let out = gdImagePngPtrEx(im, &size, Int32(level)), size > 0 else { throw .libgd("encode a PNG") }
        defer { gdFree(out) }
        return Array(UnsafeRawBufferPointer(start: out, count: Int(size)))
    }
}
