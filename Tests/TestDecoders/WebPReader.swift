import CWebP

/// An animated (or still) WebP as libwebp's own animation decoder (`WebPAnimDecoder`, libwebpdemux)
/// composites it: every frame of the canvas in RGBA, with the time it ends.
public struct WebPReader {
    /// The canvas.
    public var width = 0, height = 0
    /// The loop count the file stores (0: forever; WebP counts plays, not repeats).
    public var loopCount = 0
    /// Each frame: the canvas as 0xAARRGGBB, and its end time in milliseconds from the start.
    public var frames: [(pixels: [UInt32], endMilliseconds: Int)] = []

    public enum Failure: Error { case notWebP, frame(Int) }

    public init(_ bytes: [UInt8]) throws {
        var options = WebPAnimDecoderOptions()
        guard WebPAnimDecoderOptionsInit(&options) != 0 else { throw Failure.notWebP }
        options.color_mode = MODE_RGBA
        options.use_threads = 0
        let decoded: (Int, Int, Int, [([UInt32], Int)])? = bytes.withUnsafeBufferPointer { buffer in
            var data = WebPData(bytes: buffer.baseAddress, size: buffer.count)
            guard let decoder = WebPAnimDecoderNew(&data, &options) else { return nil }
            defer { WebPAnimDecoderDelete(decoder) }
            var info = WebPAnimInfo()
            guard WebPAnimDecoderGetInfo(decoder, &info) != 0 else { return nil }
            let (w, h) = (Int(info.canvas_width), Int(info.canvas_height))
            var frames: [([UInt32], Int)] = []
            while WebPAnimDecoderHasMoreFrames(decoder) != 0 {
                var rgba: UnsafeMutablePointer<UInt8>?
                var timestamp: Int32 = 0
                guard WebPAnimDecoderGetNext(decoder, &rgba, &timestamp) != 0, let rgba else { return nil }
                var pixels = [UInt32](repeating: 0, count: w * h)
                for p in 0..<(w * h) {
                    let (r, g, b, a) = (UInt32(rgba[4 * p]), UInt32(rgba[4 * p + 1]), UInt32(rgba[4 * p + 2]), UInt32(rgba[4 * p + 3]))
                    pixels[p] = a << 24 | r << 16 | g << 8 | b
                }
                frames.append((pixels, Int(timestamp)))
            }
            return (w, h, Int(info.loop_count), frames)
        }
        guard let decoded else { throw Failure.notWebP }
        (width, height, loopCount) = (decoded.0, decoded.1, decoded.2)
        frames = decoded.3.map { (pixels: $0.0, endMilliseconds: $0.1) }
    }
}
