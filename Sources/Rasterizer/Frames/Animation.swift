import Training

/// Renders the frames of a scene. The background (heading, axes, ticks, data, contour bands, colour
/// bar, legends) is drawn once; a frame is a copy of it plus the trail up to its snapshot, the
/// snapshot's own marks and its readout.
///
/// Readouts sit in a band at the bottom rather than in the heading: the marks that move late in a
/// run (a marker settling at a minimum, the head of a loss curve) are low in the plot, and a GIF frame
/// stores the one box around everything that changed, so a counter at the top made every frame span
/// the plot's height (loss scene: 133 KB with the counter on top, 95 KB with it below).
public final class Animation {
    /// How the scene the frames show draws.
    public let kind: SceneDrawing
    /// Which snapshot each frame shows, in increasing order.
    public let frames: [Int]
    /// Seconds each frame stays on screen when the scene times its own frames (the steps scene's beats);
    /// nil: every frame one frame time at the animation's rate.
    public let frameSeconds: [Double]?
    /// The number of frames, one per scheduled snapshot.
    public var frameCount: Int { frames.count }
    /// Frame width in pixels.
    public let width: Int
    /// Frame height in pixels.
    public let height: Int
    private let scene: any Scene
    private let font: Font
    private let background: Canvas
    private let trail: Canvas
    private var trailUpTo = 0
    private let work: Canvas
    private let layouts: [(StatusLayout, Readout)]
    private let transparentPage: TransparentPage?

    /// `frameLimit`: at most this many frames, scheduled by `FrameSchedule` (nil: every snapshot up to
    /// `FrameSchedule.defaultLimit` + 1, else that many).
    public convenience init(kind: SceneDrawing, input: SceneInput, width: Int, height: Int, frameLimit: Int? = nil) throws(RenderError) {
        try self.init(kind: kind, input: input, width: width, height: height, frameLimit: frameLimit, textProbe: nil)
    }

    /// As the public initializer; `textProbe` hears of every piece of text drawn (for tests).
    init(kind: SceneDrawing, input: SceneInput, width: Int, height: Int, frameLimit: Int?, textProbe: TextProbe?) throws(RenderError) {
        font = try Font.make()
        self.kind = kind
        self.width = width
        self.height = height
        scene = kind.make(input, width: width, height: height, font: font, frameLimit: frameLimit)
        if let own = scene.ownSchedule {
            (frames, frameSeconds) = (own.frames, own.seconds)
        } else {
            frames = FrameSchedule.indices(for: scene.runs, count: FrameSchedule.frameCount(snapshots: scene.snapshotCount, limit: frameLimit))
            frameSeconds = nil
        }
        background = try Canvas(width: width, height: height)
        background.textProbe = textProbe
        scene.drawBackground(on: background)
        trail = try Canvas(width: width, height: height)
        trail.copy(from: background)
        scene.drawTrail(0, on: trail)
        work = try Canvas(width: width, height: height)
        work.textProbe = textProbe
        let shown = self.frames
        layouts = scene.readouts.map { r in (StatusLayout(shown.map(r.text), band: r.band), r) }
        transparentPage = input.transparentPage
            ? TransparentPage(background: background, page: input.theme.page, opaque: scene.plots + layouts.map(\.0.plate)) : nil
        if let failure = font.failure { throw failure }
    }

    /// Frame `index` (0 = the starting point). Throws if libgd failed to set any of its text.
    public func render(_ index: Int) throws(RenderError) -> Frame {
        let k = frames[index]
        if k < trailUpTo {
            trail.copy(from: background)
            scene.drawTrail(0, on: trail)
            trailUpTo = 0
        }
        while trailUpTo < k {
            trailUpTo += 1
            scene.drawTrail(trailUpTo, on: trail)
        }
        work.copy(from: trail)
        scene.drawOverlay(k, on: work)
        for r in scene.onTop { work.copy(from: background, rect: r) }
        for (layout, readout) in layouts { layout.draw(readout.text(k), on: work) }
        if let failure = font.failure { throw failure }
        var frame = work.frame()
        transparentPage?.mark(&frame)
        return frame
    }
}
