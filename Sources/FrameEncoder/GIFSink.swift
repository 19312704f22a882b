import Rasterizer

extension OutputFormat {
    /// An animated GIF, NAME.gif: one global palette, only changed pixels stored, repeats merged.
    public static let gif = OutputFormat(name: "gif", summary: "animated GIF, NAME.gif", place: .file(extension: "gif")) { destination in
        guard case .file(let stream) = destination else { throw EncodeError.misuse("a GIF is one file, not a folder") }
        return GIFSink(output: stream)
    }
}

/// Writes frames as an animated GIF (``GIFEncoder``), streaming bytes to its output as frames arrive.
/// Frames are compressed against the frame before them on the rendering threads.
public final class GIFSink: FrameSink {
    /// Colours of the global palette. 127 (+ the transparent entry) make 7-bit LZW codes: 5–10 % smaller
    /// GIFs than 255, with the frequent colours still exact (mean error against the PNG frames stays
    /// below 0.4 levels).
    public static let paletteColors = 127

    private let output: any ByteStream
    private var encoder: GIFEncoder?
    private var holdEnd = 0

    /// A GIF sink that writes its bytes to `output`.
    public init(output: any ByteStream) { self.output = output }

    /// Samples the palette from the first, middle and last frames and starts the GIF (header, global colour
    /// table, loop count, and the file's comment when ``AnimationInfo/metadata`` has one); notes the end hold.
    public func open(_ animation: AnimationInfo, samples: () throws -> [Frame]) throws {
        let palette = Palette(sampling: try samples(), maxColors: Self.paletteColors, keep: animation.keyColors)
        encoder = try GIFEncoder(width: animation.width, height: animation.height, palette: palette, loop: animation.timing.loop)
        try output.write(encoder!.drain() + FileMetadata.gifComment(animation.metadata[OutputFormat.gif.name]))
        holdEnd = animation.timing.holdEndCentiseconds
    }

    /// A worker that compresses each frame against the one before it, on its own thread.
    public func makeWorker() throws -> any FrameWorker {
        guard let e = encoder else { throw EncodeError.notOpen }
        return Worker(GIFFrameCompressor(width: e.width, height: e.height, palette: e.palette))
    }

    /// Adds the frame (a repeat lengthens the frame on screen) and streams the bytes made so far to the output.
    public func add(_ frame: PreparedFrame, delay: Int) throws {
        guard let encoder else { throw EncodeError.notOpen }
        switch frame {
        case .encoded(let bytes): try encoder.add(EncodedFrame(bytes: bytes, delay: delay))
        case .unchanged: try encoder.add(EncodedFrame(bytes: nil, delay: delay))
        case .frame(let picture): try encoder.add(picture, delay: delay)
        case .skipped: throw EncodeError.misuse("a GIF needs every frame; this one was skipped")
        }
        try output.write(encoder.drain())
    }

    /// Writes the held-back last frame with the end hold added, and the GIF trailer; counts frames in the file.
    public func finish() throws -> SinkSummary {
        guard let encoder else { throw EncodeError.notOpen }
        try output.write(try encoder.finish(extraDelay: holdEnd))
        return SinkSummary(frames: encoder.framesWritten, bytes: output.bytesWritten)
    }

    private final class Worker: FrameWorker {
        let compressor: GIFFrameCompressor
        init(_ compressor: GIFFrameCompressor) { self.compressor = compressor }
        var needsPreviousFrame: Bool { true }

        func prepare(_ frame: Frame, index: Int, after previous: Frame?) throws -> PreparedFrame {
            // The delay is set when the frame is written (repeats add theirs to the frame on screen).
            let encoded = try compressor.compress(frame, after: previous, delay: 0)
            return encoded.bytes.map(PreparedFrame.encoded) ?? .unchanged
        }
    }
}
