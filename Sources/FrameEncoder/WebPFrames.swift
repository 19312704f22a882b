import CWebP

/// One frame of an animated WebP as libwebp's demuxer reads it: the rectangle it covers, how long it
/// stays, how it is laid over the canvas, and its picture as a WebP still of its own.
///
/// A browser decodes the still natively (`<img>`, `createImageBitmap`), and drawing it at (x, y) over the
/// frames before it, as ``blends`` and ``disposes`` say, gives exactly the pixels any WebP decoder shows
/// for that frame: the still holds the animation's own lossless bitstream, unchanged.
struct WebPFrame: Sendable, Equatable {
    /// The rectangle, in canvas pixels.
    var x, y, width, height: Int
    /// Milliseconds on screen.
    var duration: Int
    /// Alpha-blended over the canvas (transparent pixels keep what was there); false: the rectangle is
    /// replaced, transparent pixels included.
    var blends: Bool
    /// After its time, the rectangle is cleared to transparent before the next frame is drawn.
    var disposes: Bool
    /// A complete WebP file: `RIFF`, `WEBP` and the frame's `VP8L` chunk.
    var still: [UInt8]

    /// The frames of `file`, an animated WebP made by ``WebPAnimation`` (lossless, so each frame is one
    /// `VP8L` chunk); a still image (one frame: libwebp writes a lone frame without `ANMF`) is one frame
    /// over the whole canvas lasting `stillDuration` milliseconds.
    static func split(_ file: [UInt8], stillDuration: Int) throws(EncodeError) -> [WebPFrame] {
        try file.withUnsafeBufferPointer { (buffer) throws(EncodeError) -> [WebPFrame] in
            var data = WebPData(bytes: buffer.baseAddress, size: buffer.count)
            guard let demux = WebPDemux(&data) else { throw .webp("the animation it made does not read back") }
            defer { WebPDemuxDelete(demux) }
            var iterator = WebPIterator()
            guard WebPDemuxGetFrame(demux, 1, &iterator) != 0 else { throw .webp("the animation it made has no frame") }
            defer { WebPDemuxReleaseIterator(&iterator) }
            let animated = WebPDemuxGetI(demux, WEBP_FF_FORMAT_FLAGS) & UInt32(ANIMATION_FLAG.rawValue) != 0
            var frames: [WebPFrame] = []
            repeat {
                let payload = Array(UnsafeBufferPointer(start: iterator.fragment.bytes, count: iterator.fragment.size))
                guard payload.count >= 8, payload[0..<4].elementsEqual("VP8L".utf8) else {
                    throw .webp("a frame is not lossless (VP8L); the player needs the lossless frames it made")
                }
                frames.append(WebPFrame(x: Int(iterator.x_offset), y: Int(iterator.y_offset),
                                        width: Int(iterator.width), height: Int(iterator.height),
                                        duration: animated ? Int(iterator.duration) : stillDuration,
                                        blends: iterator.blend_method == WEBP_MUX_BLEND,
                                        disposes: iterator.dispose_method == WEBP_MUX_DISPOSE_BACKGROUND,
                                        still: riff(payload)))
            } while WebPDemuxNextFrame(&iterator) != 0
            return frames
        }
    }

    /// `chunks` wrapped as a simple-format WebP file.
    private static func riff(_ chunks: [UInt8]) -> [UInt8] {
        let size = UInt32(4 + chunks.count)
        var out = Array("RIFF".utf8)
        out.reserveCapacity(12 + chunks.count)
        out += [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
        out += Array("WEBP".utf8)
        out += chunks
        return out
    }
}
