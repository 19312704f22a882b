import Rasterizer

extension OutputFormat {
    /// Every frame as a PNG file, NAME/frame-0000.png, ….
    public static let png = OutputFormat(name: "png", summary: "every frame as NAME/frame-0000.png …", place: .folder) { destination in
        guard case .folder(let folder) = destination else { throw EncodeError.misuse("PNG frames go to a folder, not one file") }
        return PNGFramesSink(folder: folder)
    }
}

/// Writes every frame as a PNG file, `frame-0000.png` … (more digits past 10,000 frames), encoded on the
/// rendering threads. Frames are files of their own, so timing and repeats do not apply.
public final class PNGFramesSink: FrameSink {
    private let folder: any FrameFolder
    private var digits = 4
    private var written = 0
    private var bytes = 0
    private var metadata: FileMetadata?

    /// A sink that writes the frame files into `folder`.
    public init(folder: any FrameFolder) { self.folder = folder }

    /// Sets the width of the frame numbers: 4 digits, more when the frame count needs them. Needs no samples.
    public func open(_ animation: AnimationInfo, samples: () throws -> [Frame]) throws {
        digits = max(4, String(animation.frameCount - 1).count)
        metadata = animation.metadata[OutputFormat.png.name]
    }

    /// A worker that encodes each frame as a PNG on its own thread.
    public func makeWorker() -> any FrameWorker { Worker() }

    /// Writes the encoded frame as the next numbered file (`frame-0000.png` first); `delay` does not apply.
    public func add(_ frame: PreparedFrame, delay: Int) throws {
        let png: [UInt8]
        switch frame {
        case .encoded(let b): png = try FileMetadata.png(metadata, inserting: b)
        case .frame(let picture): png = try FileMetadata.png(metadata, inserting: PNGEncoder.encode(picture))
        case .unchanged, .skipped: throw EncodeError.misuse("every frame is its own PNG; this one came without its picture")
        }
        let number = String(written)
        try folder.write(png, name: "frame-\(String(repeating: "0", count: max(0, digits - number.count)))\(number).png")
        written += 1
        bytes += png.count
    }

    /// Writes nothing more; reports the files and bytes written.
    public func finish() throws -> SinkSummary { SinkSummary(frames: written, bytes: bytes) }

    private final class Worker: FrameWorker {
        var needsPreviousFrame: Bool { false }
        func prepare(_ frame: Frame, index: Int, after previous: Frame?) throws -> PreparedFrame { .encoded(try PNGEncoder.encode(frame)) }
    }
}
