import CWebP
import Rasterizer

extension OutputFormat {
    /// An animated WebP, NAME.webp: lossless over an 80-colour palette, only changed rectangles stored.
    public static let webp = OutputFormat(name: "webp", summary: "animated WebP, NAME.webp", place: .file(extension: "webp")) { destination in
        guard case .file(let stream) = destination else { throw EncodeError.misuse("a WebP is one file, not a folder") }
        return WebPSink(output: stream)
    }
}

/// Writes frames as an animated WebP through libwebp's animation encoder (`WebPAnimEncoder`), which
/// crops each frame to the rectangle that changed, blends it over the last, and merges a frame that did
/// not change into the duration of the one before.
///
/// Frames are first mapped to a palette chosen as the GIF's is (on the rendering threads): lossless WebP
/// of few colours packs far smaller than of the anti-aliased full-colour frames (measured on the line
/// scene: 1.6× the GIF's bytes in full colour). The palette is smaller than the GIF's (``paletteColors``).
/// Key frames are off, as in `gif2webp -kmax 0`: every frame is coded against the one before it.
/// Times are the GIF's: each frame's delay in centiseconds, the end hold on the last.
public final class WebPSink: FrameSink {
    /// Colours of the WebP's palette. Each WebP sub-frame carries its own colour cache and codes, whose
    /// cost grows with the colours in the changed rectangle; the GIF pays once for its one global table.
    /// Measured on the benchmark's four scenes (bytes against our GIF, lossless, method 4): 127 colours
    /// (the GIF's) 0.69 overall, 96: 0.66, 80: 0.633 (line 0.64, loss 0.70, bsweep 0.72, contour 0.53),
    /// 64: 0.60; the mean error against the full-colour frames at 80 is 0.02–0.42 levels of 255 (the GIF's
    /// 0.01–0.29), and the encoding time is the same. No libwebp setting came close: method 6 at quality
    /// 100 reached 0.68 at 50× the time; `minimize_size`, `allow_mixed`, `exact` and near-lossless
    /// changed nothing; key frames only cost bytes.
    public static let paletteColors = 80

    private let output: any ByteStream
    private var encoder: WebPAnimation?
    private var palette: Palette?
    private var holdEnd = 0
    private var milliseconds = 0
    private var metadata: FileMetadata?

    /// A WebP sink that writes its file to `output` when it finishes (libwebp assembles the file whole).
    public init(output: any ByteStream) { self.output = output }

    /// Samples the palette as the GIF does (with fewer colours) and starts libwebp's encoder with the loop count.
    public func open(_ animation: AnimationInfo, samples: () throws -> [Frame]) throws {
        (palette, encoder) = try WebPAnimation.start(animation, samples: samples)
        holdEnd = animation.timing.holdEndCentiseconds
        metadata = animation.metadata[OutputFormat.webp.name]
    }

    /// A worker that maps each frame to the palette, on its own thread.
    public func makeWorker() throws -> any FrameWorker {
        guard let palette else { throw EncodeError.notOpen }
        return WebPPaletteWorker(palette)
    }

    /// Adds the mapped frame at its start time; it lasts until the next frame's start.
    public func add(_ frame: PreparedFrame, delay: Int) throws {
        guard let encoder else { throw EncodeError.notOpen }
        guard case .frame(let picture) = frame else { throw EncodeError.misuse("a WebP frame comes as its picture") }
        try encoder.add(picture, atMilliseconds: milliseconds)
        milliseconds += delay * 10
    }

    /// Ends the last frame after its delay and the end hold, and writes the assembled file (with its
    /// metadata as XMP).
    public func finish() throws -> SinkSummary {
        guard let encoder else { throw EncodeError.notOpen }
        let bytes = try FileMetadata.webp(metadata, adding: encoder.assemble(endMilliseconds: milliseconds + holdEnd * 10))
        try output.write(bytes)
        return SinkSummary(frames: Self.frameChunks(bytes), bytes: output.bytesWritten)
    }

    /// The frames in the file (after libwebp merged the unchanged ones): its ANMF chunks.
    static func frameChunks(_ riff: [UInt8]) -> Int {
        var i = 12, n = 0
        while i + 8 <= riff.count {
            let size = Int(riff[i + 4]) | Int(riff[i + 5]) << 8 | Int(riff[i + 6]) << 16 | Int(riff[i + 7]) << 24
            if riff[i..<(i + 4)].elementsEqual("ANMF".utf8) { n += 1 }
            i += 8 + size + (size & 1)
        }
        return max(1, n)    // a single frame is written as a still image, with no ANMF chunk
    }
}
