import Rasterizer

/// Where an animation's frames go: a GIF, a folder of PNG frames, a poster still, and whatever format is
/// added next. The renderer opens every sink of a visual, feeds them the same frames in order, and
/// finishes them; a sink turns frames into bytes and hands those to its output (``ByteStream`` or
/// ``FrameFolder``), never to a file of its own choosing.
///
/// Work that depends only on a frame and the one before it (compressing a GIF frame, encoding a PNG) runs
/// on several threads through ``FrameWorker``s, one per thread; ``add(_:delay:)`` then receives the
/// prepared frames in order on one thread. A sink's output must not depend on how frames were spread over
/// workers: the files are byte-identical for any number of threads.
///
/// The life of a sink: ``open(_:samples:)`` once, ``add(_:delay:)`` once per frame in order, then
/// ``finish()`` once.
public protocol FrameSink: AnyObject {
    /// Starts the output. `samples` renders a few representative frames (first, middle, last) for sinks
    /// that must know the colours before the first frame, such as a GIF's global palette; sinks that do
    /// not need them do not call it.
    func open(_ animation: AnimationInfo, samples: () throws -> [Frame]) throws

    /// A worker for one rendering thread. Called after ``open(_:samples:)``, once per thread; throws
    /// ``EncodeError/notOpen`` before it.
    func makeWorker() throws -> any FrameWorker

    /// The next frame, in order, as this sink's worker prepared it, shown for `delay` centiseconds (the
    /// start hold already added to the first frame's delay).
    func add(_ frame: PreparedFrame, delay: Int) throws

    /// Writes what is left (the end hold is the sink's to apply, from ``AnimationInfo/timing``) and says
    /// what was written.
    func finish() throws -> SinkSummary
}

/// The per-thread half of a ``FrameSink``: prepares frames that may arrive in any order, each with the
/// frame shown before it when ``needsPreviousFrame`` asks for it.
public protocol FrameWorker: AnyObject {
    /// Whether ``prepare(_:index:after:)`` compares with the frame before (the renderer then renders the
    /// frame before each run of frames once more).
    var needsPreviousFrame: Bool { get }

    /// Prepares frame number `index`; `previous` is the frame before it when ``needsPreviousFrame`` is
    /// true and `index > 0`, else nil.
    func prepare(_ frame: Frame, index: Int, after previous: Frame?) throws -> PreparedFrame
}

/// A frame as a worker left it for its sink.
public enum PreparedFrame: Sendable {
    /// The picture itself: the sink does its work in ``FrameSink/add(_:delay:)``.
    case frame(Frame)
    /// Bytes already encoded.
    case encoded([UInt8])
    /// The frame shows exactly what the frame before it showed.
    case unchanged
    /// Nothing this sink keeps (a poster keeps the last frame only).
    case skipped
}

/// What every sink of an animation is told when it opens.
public struct AnimationInfo: Sendable, Equatable {
    /// Frame width in pixels.
    public var width: Int
    /// Frame height in pixels.
    public var height: Int
    /// The number of frames the sink will be given.
    public var frameCount: Int
    /// Frame rate, start and end holds, and loop count.
    public var timing: AnimationTiming
    /// What each file says about itself, by format name (``FileMetadata/posterKey`` for the poster);
    /// a sink whose key is missing writes none.
    public var metadata: [String: FileMetadata]

    /// Colours a palette must keep exact where they appear (the theme's series and marks).
    public var keyColors: [RGB] = []

    /// The look of the frames, for a page that frames them (``HTMLSink`` takes its colours); nil: light.
    public var theme: Theme?

    /// Each frame's numbers and the chapters of the run, for a sink that shows them beside the frames
    /// (``HTMLSink``); nil: none.
    public var notes: PlayerNotes?

    /// An animation of `frameCount` frames of `width × height` pixels, timed by `timing`, its files
    /// carrying `metadata` (by format name).
    public init(width: Int, height: Int, frameCount: Int, timing: AnimationTiming, metadata: [String: FileMetadata] = [:]) {
        self.width = width
        self.height = height
        self.frameCount = frameCount
        self.timing = timing
        self.metadata = metadata
    }
}

/// What a sink wrote: frames in its output (repeats merged) and bytes.
public struct SinkSummary: Sendable, Equatable {
    /// Frames in the output, repeats merged (1 for a poster).
    public var frames: Int
    /// Bytes written, all files of the output together.
    public var bytes: Int

    /// A summary of `frames` frames in `bytes` bytes.
    public init(frames: Int, bytes: Int) {
        self.frames = frames
        self.bytes = bytes
    }
}

/// The bytes of one output file, written in order.
public protocol ByteStream: AnyObject {
    /// Appends `bytes` to the file.
    func write(_ bytes: [UInt8]) throws
    /// Bytes written so far.
    var bytesWritten: Int { get }
}

/// A folder of numbered files (PNG frames).
public protocol FrameFolder: AnyObject {
    /// Writes one file named `name` (no folder part) into the folder.
    func write(_ bytes: [UInt8], name: String) throws
}

/// A worker that does nothing ahead: the sink gets every picture in ``FrameSink/add(_:delay:)``.
public final class PassThroughWorker: FrameWorker {
    /// A pass-through worker; it keeps no state.
    public init() {}
    /// False: frames are passed on without comparing them.
    public var needsPreviousFrame: Bool { false }
    /// Hands the frame on untouched, as ``PreparedFrame/frame(_:)``.
    public func prepare(_ frame: Frame, index: Int, after previous: Frame?) throws -> PreparedFrame { .frame(frame) }
}
