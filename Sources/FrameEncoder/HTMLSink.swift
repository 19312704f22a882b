import Rasterizer

extension OutputFormat {
    /// A player page, NAME.html: one self-contained file that plays, pauses, steps and seeks the frames
    /// and shows each frame's numbers.
    public static let html = OutputFormat(name: "html", summary: "a player page, NAME.html: pause, step, seek and each frame's numbers",
                                          place: .file(extension: "html")) { destination in
        guard case .file(let stream) = destination else { throw EncodeError.misuse("a player page is one file, not a folder") }
        return HTMLSink(output: stream)
    }
}

/// Writes a player page: one HTML file holding the frames, the numbers of each frame (``AnimationInfo/notes``)
/// and a script that draws them on a `<canvas>` with controls (``PlayerPage``).
///
/// The frames are the WebP's: mapped to the same palette (``WebPSink/paletteColors``) and coded by libwebp's
/// animation encoder, which stores the first frame whole and after it only the rectangle that changed, its
/// unchanged pixels transparent. Each of those frames becomes a lossless WebP still of its own (its
/// bitstream unchanged), so the browser decodes it natively and the canvas shows, pixel for pixel, what
/// the animated WebP shows. Frames that changed nothing (merged by the encoder) are stored as nothing.
public final class HTMLSink: FrameSink {
    /// Pages larger than this are refused: a browser decodes every frame of a page it opens, and a page
    /// of more than 100 MB is too slow to open and too large to send to a class.
    public static let defaultSizeLimit = 100_000_000

    private let output: any ByteStream
    private let sizeLimit: Int
    private var encoder: WebPAnimation?
    private var palette: Palette?
    private var info: AnimationInfo?
    private var starts: [Int] = []
    private var milliseconds = 0

    /// A player sink writing its page to `output` when it finishes; a page over `sizeLimit` bytes is refused.
    public init(output: any ByteStream, sizeLimit: Int = HTMLSink.defaultSizeLimit) {
        self.output = output
        self.sizeLimit = sizeLimit
    }

    /// Samples the palette as the WebP sink does and starts libwebp's animation encoder.
    public func open(_ animation: AnimationInfo, samples: () throws -> [Frame]) throws {
        (palette, encoder) = try WebPAnimation.start(animation, samples: samples)
        info = animation
    }

    /// A worker that maps each frame to the palette, on its own thread.
    public func makeWorker() throws -> any FrameWorker {
        guard let palette else { throw EncodeError.notOpen }
        return WebPPaletteWorker(palette)
    }

    /// Adds the mapped frame at its start time.
    public func add(_ frame: PreparedFrame, delay: Int) throws {
        guard let encoder else { throw EncodeError.notOpen }
        guard case .frame(let picture) = frame else { throw EncodeError.misuse("a player frame comes as its picture") }
        try encoder.add(picture, atMilliseconds: milliseconds)
        starts.append(milliseconds)
        milliseconds += delay * 10
    }

    /// Assembles the frames, splits them into stills, and writes the page.
    public func finish() throws -> SinkSummary {
        guard let encoder, let info else { throw EncodeError.notOpen }
        let end = milliseconds + info.timing.holdEndCentiseconds * 10
        let stills = try WebPFrame.split(try encoder.assemble(endMilliseconds: end), stillDuration: end)
        let page = PlayerPage(info: info, frameStarts: starts, endMilliseconds: end, stills: stills)
        let bytes = try page.bytes(limit: sizeLimit)
        try output.write(bytes)
        return SinkSummary(frames: stills.count, bytes: output.bytesWritten)
    }
}
