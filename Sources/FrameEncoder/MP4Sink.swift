import Rasterizer
#if canImport(Glibc)
import Glibc
#endif

extension OutputFormat {
    /// An H.264 video, NAME.mp4, made by the ffmpeg program (which must be installed: `apt-get install -y
    /// ffmpeg`; checked before anything is drawn).
    public static let mp4 = OutputFormat(name: "mp4", summary: "H.264 video, NAME.mp4", place: .file(extension: "mp4"),
                                         requirement: { _ = try FFmpegRun.locate() }) { destination in
        guard case .file(let stream) = destination else { throw EncodeError.misuse("an MP4 is one file, not a folder") }
        return MP4Sink(output: stream)
    }
}

/// Writes frames as an MP4 video (H.264, yuv420p, `+faststart`) by piping raw RGB frames to the ffmpeg
/// program, as matplotlib's `FFMpegWriter` does (`-f rawvideo -pix_fmt rgb24 -s W×H -r FPS -i pipe:`).
///
/// A video has a constant frame rate, ``AnimationTiming/fps``, so the GIF's times become repeated frames:
/// after each frame the video holds round(time shown so far × fps) frames, which keeps the running total
/// within half a frame of the GIF's (each frame is one video frame at the GIF's own rate; the start and
/// end holds are that many repeats of the first and last frames). A video does not loop: the loop count
/// does not apply.
///
/// H.264 in yuv420p stores colour for 2×2 blocks, so a frame of odd width or height is padded by one
/// pixel, the last column or row repeated: a 641×481 animation is a 642×482 video. Frames are converted
/// to packed RGB on the rendering threads (only the low 24 bits of each pixel, the colour). The output is
/// byte-identical on every run: x264 runs on one thread and ffmpeg leaves out its version and the date.
public final class MP4Sink: FrameSink {
    /// x264's defaults, constant quality 23 and the medium preset. Measured on 101 frames of the contour
    /// and line scenes (640×480, one thread): about 6 ms a frame; `-tune animation` costs 15 % more time
    /// for the same bytes and quality, `veryfast` saves a third of the time and 10 % of the bytes but loses
    /// 1 dB of PSNR, `slow` saves 1–2 % of the bytes for 50 % more time.
    static let codec = ["-c:v", "libx264", "-preset", "medium", "-crf", "23"]

    private let output: any ByteStream
    private var ffmpeg: FFmpegRun?
    private var size = (width: 0, height: 0)
    private var fps = 20
    private var holdEnd = 0
    /// Centiseconds shown so far (every delay added), and video frames written for them.
    private var shown = 0
    private var written = 0
    /// The last frame as RGB, for repeats and the end hold.
    private var last: [UInt8]?

    /// Kills and reaps the ffmpeg programs still running: for a process a signal is ending, before it dies.
    public static func stopEncoders() { FFmpegRun.stopAll() }

    /// An MP4 sink that writes its file to `output` when it finishes (the ffmpeg program writes the video
    /// to a private temporary file first: the `+faststart` index goes before the frames, which needs a
    /// file it can go back in).
    public init(output: any ByteStream) { self.output = output }

    /// Starts ffmpeg for a video of the animation's size (made even) at its frame rate; needs no samples.
    /// Throws ``EncodeError/ffmpeg(_:)`` when the program is missing or does not start.
    public func open(_ animation: AnimationInfo, samples: () throws -> [Frame]) throws {
        guard ffmpeg == nil else { throw EncodeError.notOpen }
        size = (animation.width + animation.width % 2, animation.height + animation.height % 2)
        fps = animation.timing.fps
        holdEnd = animation.timing.holdEndCentiseconds
        let input = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(size.width)x\(size.height)", "-r", "\(fps)", "-i", "pipe:0"]
        // Converted with the BT.709 matrix and tagged so; players guess an untagged video's colours by its size.
        let colour = ["-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=bitexact+accurate_rnd",
                      "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv"]
        let out = ["-an"] + Self.codec + ["-pix_fmt", "yuv420p", "-threads", "1",
                   "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1", "-movflags", "+faststart"]
        ffmpeg = try FFmpegRun(program: try FFmpegRun.locate(), arguments: input + colour + out)
    }

    /// A worker that turns each frame into packed RGB of the video's size, on its own thread.
    public func makeWorker() throws -> any FrameWorker {
        guard ffmpeg != nil else { throw EncodeError.notOpen }
        return Worker(width: size.width, height: size.height)
    }

    /// Writes the frame as many times as its delay lasts at the frame rate (possibly none, for a delay
    /// shorter than half a frame); a repeat of the frame before lengthens that one.
    public func add(_ frame: PreparedFrame, delay: Int) throws {
        guard let ffmpeg else { throw EncodeError.notOpen }
        let rgb: [UInt8]
        switch frame {
        case .encoded(let bytes) where bytes.count == size.width * size.height * 3: rgb = bytes
        case .frame(let picture): rgb = try Worker(width: size.width, height: size.height).rgb(picture)
        case .unchanged:
            guard let last else { throw EncodeError.repeatedFirstFrame }
            rgb = last
        case .encoded, .skipped: throw EncodeError.misuse("an MP4 frame comes as its picture or as RGB of the video's size")
        }
        shown += delay
        let due = Self.frames(centiseconds: shown, fps: fps)
        while written < due {
            try ffmpeg.write(rgb)
            written += 1
        }
        last = rgb
    }

    /// Holds the last frame for the end hold, lets ffmpeg finish the file and writes it to the output.
    public func finish() throws -> SinkSummary {
        guard let ffmpeg else { throw EncodeError.notOpen }
        guard let last else { throw EncodeError.misuse("an MP4 needs at least one frame") }
        let due = max(1, Self.frames(centiseconds: shown + holdEnd, fps: fps))
        while written < due {
            try ffmpeg.write(last)
            written += 1
        }
        self.last = nil
        try output.write(try ffmpeg.finish())
        return SinkSummary(frames: written, bytes: output.bytesWritten)
    }

    /// Video frames due by `centiseconds`: round(centiseconds × fps / 100), halves up.
    static func frames(centiseconds: Int, fps: Int) -> Int { (centiseconds * fps * 2 + 100) / 200 }

    final class Worker: FrameWorker {
        let width: Int
        let height: Int
        init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
        var needsPreviousFrame: Bool { false }

        func prepare(_ frame: Frame, index: Int, after previous: Frame?) throws -> PreparedFrame { .encoded(try rgb(frame)) }

        /// The frame as R, G, B bytes row by row, padded to the video's size by repeating the last column
        /// and row.
        func rgb(_ frame: Frame) throws -> [UInt8] {
            guard frame.width + frame.width % 2 == width, frame.height + frame.height % 2 == height else {
                throw EncodeError.sizeMismatch(expected: "\(width)×\(height)", got: "\(frame.width)×\(frame.height)")
            }
            let (w, h) = (frame.width, frame.height), stride = width * 3
            return [UInt8](unsafeUninitializedCapacity: stride * height) { out, count in
                frame.pixels.withUnsafeBufferPointer { px in
                    for y in 0..<h {
                        var o = y * stride
                        for p in px[(y * w)..<(y * w + w)] {    // bits 24 and up are not colour
                            out[o] = UInt8(truncatingIfNeeded: p >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: p)
                            o += 3
                        }
                        if width > w { for c in 0..<3 { out[o + c] = out[o - 3 + c] } }
                    }
                }
                if height > h { for i in 0..<stride { out[h * stride + i] = out[(h - 1) * stride + i] } }
                count = width * height * 3
            }
        }
    }
}
