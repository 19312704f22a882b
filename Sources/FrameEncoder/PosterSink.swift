import Rasterizer

/// Keeps the last frame and writes it as one PNG still (NAME.png), for slides and thumbnails. Not a
/// format of its own: any visual can have a poster beside its animation.
public final class PosterSink: FrameSink {
    private let output: any ByteStream
    private var last: Frame?
    private var frameCount = 0
    private var metadata: FileMetadata?

    /// A poster sink that writes its PNG to `output`.
    public init(output: any ByteStream) { self.output = output }

    /// Notes the frame count, so the workers know which frame is last, and the poster's metadata; needs no samples.
    public func open(_ animation: AnimationInfo, samples: () throws -> [Frame]) throws {
        frameCount = animation.frameCount
        metadata = animation.metadata[FileMetadata.posterKey]
    }

    /// A worker that passes the last frame on and skips the others.
    public func makeWorker() -> any FrameWorker { Worker(lastIndex: frameCount - 1) }

    /// Keeps the picture when one arrives (only the last frame does); `delay` does not apply.
    public func add(_ frame: PreparedFrame, delay: Int) throws {
        if case .frame(let picture) = frame { last = picture }
    }

    /// Writes the kept last frame as a PNG (compression level 9) with its metadata's text chunks; throws ``EncodeError/notOpen`` if none came.
    public func finish() throws -> SinkSummary {
        guard let last else { throw EncodeError.notOpen }
        try output.write(try FileMetadata.png(metadata, inserting: PNGEncoder.encode(last, level: 9)))
        return SinkSummary(frames: 1, bytes: output.bytesWritten)
    }

    private final class Worker: FrameWorker {
        let lastIndex: Int
        init(lastIndex: Int) { self.lastIndex = lastIndex }
        var needsPreviousFrame: Bool { false }
        func prepare(_ frame: Frame, index: Int, after previous: Frame?) throws -> PreparedFrame {
            index == lastIndex ? .frame(frame) : .skipped
        }
    }
}
