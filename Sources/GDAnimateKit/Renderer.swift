import Dispatch
import FrameEncoder
import Rasterizer
import Synchronization

/// Draws the scenes of a ``Plan`` into frame sinks, on every core.
///
/// One scene is split into runs of frames across threads (`FrameFarm`); several scenes take one thread
/// each, the longest (contour) first, so nothing is rendered twice. Either way every sink receives its
/// frames in order and the files are byte-identical for any number of threads.
public struct Renderer: Sendable {
    /// Worker threads; at least 1.
    public var threads: Int
    /// Called with the number of frames just finished (from any thread).
    public var progress: (@Sendable (Int) -> Void)?

    /// A renderer.
    ///
    /// - Parameters:
    ///   - threads: Worker threads (nil: one per processor).
    ///   - progress: Called with the number of frames just finished, from any thread.
    public init(threads: Int? = nil, progress: (@Sendable (Int) -> Void)? = nil) {
        self.threads = max(1, threads ?? FrameFarm.processors)
        self.progress = progress
    }

    /// Renders `scene` into `sinks` with `timing`, and finishes them.
    ///
    /// - Parameters:
    ///   - scene: A scene of a ``Plan``.
    ///   - timing: Frame rate, holds and loop count (usually the visual's).
    ///   - sinks: Unopened sinks; each is opened, fed every frame in order and finished.
    ///   - metadata: What the files say about themselves, by format name (``Plan/fileMetadata(for:)``
    ///     makes it for a plan's scene); none by default.
    /// - Returns: What each sink wrote, in the order of `sinks`.
    public func render(_ scene: PlannedScene, timing: AnimationTiming, to sinks: [any FrameSink], metadata: [String: FileMetadata] = [:]) throws -> [SinkSummary] {
        try render(scene, timing: timing, to: sinks, metadata: metadata, threads: threads)
    }

    /// Renders every scene of `plan`, scene i into `sinks[i]`, each file carrying its description and
    /// the command that remakes it (``Plan/fileMetadata(for:)``), and finishes the sinks. Stops at the
    /// first failure and throws it.
    ///
    /// - Parameters:
    ///   - plan: The plan whose scenes are drawn, with its visual's timing.
    ///   - sinks: One list of unopened sinks per scene of the plan.
    /// - Returns: Per scene, what each of its sinks wrote.
    public func render(_ plan: Plan, into sinks: [[any FrameSink]]) throws -> [[SinkSummary]] {
        precondition(sinks.count == plan.scenes.count, "one list of sinks per scene")
        let scenes = plan.scenes, timing = plan.visual.timing
        guard scenes.count > 1 && threads > 1 else {
            return try zip(scenes, sinks).map { try render($0, timing: timing, to: $1, metadata: plan.fileMetadata(for: $0), threads: threads) }
        }
        let first = { (i: Int) in scenes[i].kind.definition.drawsSlowest ? 0 : 1 }
        let order = scenes.indices.sorted { (first($0), $0) < (first($1), $1) }
        let results = Mutex<[Int: Result<[SinkSummary], Error>]>([:])
        let next = Atomic<Int>(0)
        let shared = UncheckedSendable(sinks)
        DispatchQueue.concurrentPerform(iterations: min(threads, scenes.count)) { _ in
            while true {
                let n = next.add(1, ordering: .relaxed).oldValue
                guard n < order.count else { return }
                let i = order[n]
                let result = Result { try render(scenes[i], timing: timing, to: shared.value[i], metadata: plan.fileMetadata(for: scenes[i]), threads: 1) }
                results.withLock { $0[i] = result }
                if case .failure = result { next.store(order.count, ordering: .relaxed) }
            }
        }
        let all = results.withLock { $0 }
        // The first failure in scene order, as a single-threaded run would meet it.
        return try scenes.indices.compactMap { all[$0] }.map { try $0.get() }
    }

    private func render(_ scene: PlannedScene, timing: AnimationTiming, to sinks: [any FrameSink], metadata: [String: FileMetadata], threads: Int) throws -> [SinkSummary] {
        let make = { try Animation(kind: scene.kind.definition.drawing, input: scene.input, width: scene.width, height: scene.height, frameLimit: scene.frameLimit) }
        let animation = try make()
        let count = animation.frameCount
        var info = AnimationInfo(width: scene.width, height: scene.height, frameCount: count, timing: timing, metadata: metadata)
        info.keyColors = scene.input.theme.keyColors
        info.theme = scene.input.theme
        info.notes = scene.playerNotes(frames: animation.frames)
        // Rendered once, for whichever sinks ask (a GIF and a WebP both sample the palette).
        var samples: [Frame]?
        for sink in sinks {
            try sink.open(info) {
                if let samples { return samples }
                let made = try Set([0, count / 2, count - 1]).sorted().map(animation.render)
                samples = made
                return made
            }
        }
        let delays = animation.frameSeconds.map(timing.delays(seconds:)) ?? timing.delays(count: count)
        var first: Animation? = animation
        let farm = try FrameFarm(threads: threads, frameCount: count, sinks: sinks) {
            if let a = first { first = nil; return a }
            return try make()
        }
        try farm.run { k, prepared in
            for (sink, frame) in zip(sinks, prepared) { try sink.add(frame, delay: delays[k]) }
            progress?(1)
        }
        return try sinks.map { try $0.finish() }
    }
}

/// A value handed to other threads that only read it.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
