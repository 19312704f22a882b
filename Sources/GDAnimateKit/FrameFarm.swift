import Dispatch
import FrameEncoder
import Rasterizer
#if canImport(Glibc)
import Glibc
#endif

/// Renders a scene's frames on several threads and prepares them for every sink, handing them over in
/// order.
///
/// Frames are independent once the history is known: each worker owns an `Animation` (its own canvases)
/// and one `FrameWorker` per sink, and takes a run of consecutive frames per batch, rendering the frame
/// before its run once more when a sink compares with it. A prepared frame depends only on it and the
/// frame before it, so the files are byte-identical for any number of threads. Batches keep memory flat
/// however many frames there are.
final class FrameFarm {
    private final class Worker: @unchecked Sendable {
        let animation: Animation
        let sinks: [any FrameWorker]
        let needsPrevious: Bool
        /// The last frame this worker rendered: the base of its next run when that run follows on.
        var previous: (index: Int, frame: Frame)?
        /// Per frame of the run, what each sink's worker made of it.
        var result: Result<[[PreparedFrame]], Error> = .success([])

        init(animation: Animation, sinks: [any FrameWorker]) {
            self.animation = animation
            self.sinks = sinks
            needsPrevious = sinks.contains { $0.needsPreviousFrame }
        }

        func run(_ range: Range<Int>) {
            do {
                var out: [[PreparedFrame]] = []
                out.reserveCapacity(range.count)
                var before: Frame? = nil
                if needsPrevious, range.lowerBound > 0 {
                    before = previous?.index == range.lowerBound - 1 ? previous!.frame : try animation.render(range.lowerBound - 1)
                }
                for k in range {
                    let frame = try animation.render(k)
                    out.append(try sinks.map { try $0.prepare(frame, index: k, after: $0.needsPreviousFrame ? before : nil) })
                    before = frame
                    if k == range.upperBound - 1 { previous = (k, frame) }
                }
                result = .success(out)
            } catch {
                result = .failure(error)
            }
        }
    }

    private let workers: [Worker]
    let frameCount: Int
    /// Frames a worker renders per batch: 24, fewer for large frames, so that a batch's frames and their
    /// prepared forms stay within ``batchBytes`` a worker (an MP4's raw frames of 4096×4096 are 50 MB each:
    /// 24 of them on each thread took gigabytes).
    let batchPerWorker: Int
    static let batchBytes = 128 << 20

    /// `makeAnimation` is called once per worker; each sink makes one worker per thread.
    init(threads: Int, frameCount: Int, sinks: [any FrameSink], makeAnimation: () throws -> Animation) throws {
        let n = max(1, min(threads, frameCount))
        workers = try (0..<n).map { _ in Worker(animation: try makeAnimation(), sinks: try sinks.map { try $0.makeWorker() }) }
        self.frameCount = frameCount
        // A frame's pixels (4 bytes each) and at most as much again per sink.
        let frameBytes = workers[0].animation.width * workers[0].animation.height * 4 * (1 + sinks.count)
        batchPerWorker = max(1, min(24, Self.batchBytes / max(1, frameBytes)))
    }

    /// Runs every frame, calling `deliver` with each frame's prepared forms (one per sink), in order,
    /// a batch at a time.
    func run(_ deliver: (_ index: Int, _ prepared: [PreparedFrame]) throws -> Void) throws {
        var start = 0
        let step = batchPerWorker
        while start < frameCount {
            let ranges = workers.indices.map { i -> Range<Int> in
                min(frameCount, start + i * step)..<min(frameCount, start + (i + 1) * step)
            }
            let workers = self.workers
            DispatchQueue.concurrentPerform(iterations: workers.count) { i in
                if !ranges[i].isEmpty { workers[i].run(ranges[i]) } else { workers[i].result = .success([]) }
            }
            for (i, w) in workers.enumerated() where !ranges[i].isEmpty {
                for (k, prepared) in zip(ranges[i], try w.result.get()) { try deliver(k, prepared) }
            }
            start += step * workers.count
        }
    }

    /// The number of processors online.
    package static var processors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
