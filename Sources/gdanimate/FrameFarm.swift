import Dispatch
import FrameEncoder
import Rasterizer
#if canImport(Glibc)
import Glibc
#endif

/// Renders and compresses a scene's frames on several threads, handing them over in order.
///
/// Frames are independent once the history is known: each worker owns an `Animation` (its own canvases)
/// and a compressor, and takes a run of consecutive frames per batch, rendering the frame before its run
/// once more to compress against. A frame's bytes depend only on it and the frame before it, so the file
/// is byte-identical for any number of threads. Batches keep memory flat however many frames there are.
final class FrameFarm {
    struct Batch {
        var encoded: [EncodedFrame]
        /// Frames rendered in this batch.
        var frames: Int
        var lastFrame: Frame?
    }

    private final class Worker: @unchecked Sendable {
        let animation: Animation
        let compressor: GIFFrameCompressor?
        /// The last frame this worker rendered: the base of its next run when that run follows on.
        var previous: (index: Int, frame: Frame)?
        var result: Result<[EncodedFrame], Error> = .success([])

        init(animation: Animation, compressor: GIFFrameCompressor?) {
            self.animation = animation
            self.compressor = compressor
        }

        func run(_ range: Range<Int>, delays: [Int], pngFolder: String?, digits: Int) {
            do {
                var out: [EncodedFrame] = []
                out.reserveCapacity(range.count)
                var before: Frame? = nil
                if compressor != nil, range.lowerBound > 0 {
                    before = previous?.index == range.lowerBound - 1 ? previous!.frame : animation.render(range.lowerBound - 1)
                }
                for k in range {
                    let frame = animation.render(k)
                    if let compressor {
                        out.append(try compressor.compress(frame, after: before, delay: delays[k]))
                        before = frame
                    }
                    if let pngFolder {
                        try FrameFarm.writePNG(frame, index: k, digits: digits, folder: pngFolder)
                    }
                    if k == range.upperBound - 1 { previous = (k, frame) }
                }
                result = .success(out)
            } catch {
                result = .failure(error)
            }
        }
    }

    private let workers: [Worker]
    private let delays: [Int]
    private let pngFolder: String?
    private let digits: Int
    let frameCount: Int
    static let batchPerWorker = 24

    /// `makeAnimation` is called once per worker.
    init(threads: Int, frameCount: Int, delays: [Int], palette: Palette?, width: Int, height: Int, pngFolder: String?,
         makeAnimation: () throws -> Animation) throws {
        let n = max(1, min(threads, frameCount))
        workers = try (0..<n).map { _ in
            Worker(animation: try makeAnimation(), compressor: palette.map { GIFFrameCompressor(width: width, height: height, palette: $0) })
        }
        self.delays = delays
        self.pngFolder = pngFolder
        self.frameCount = frameCount
        digits = max(4, String(frameCount - 1).count)
    }

    /// Runs every frame, calling `deliver` with each batch in order.
    func run(_ deliver: (Batch) throws -> Void) throws {
        var start = 0
        let step = Self.batchPerWorker
        while start < frameCount {
            let ranges = workers.indices.map { i -> Range<Int> in
                let a = min(frameCount, start + i * step), b = min(frameCount, start + (i + 1) * step)
                return a..<b
            }
            let workers = self.workers, delays = self.delays, folder = pngFolder, digits = self.digits
            DispatchQueue.concurrentPerform(iterations: workers.count) { i in
                if !ranges[i].isEmpty { workers[i].run(ranges[i], delays: delays, pngFolder: folder, digits: digits) }
                else { workers[i].result = .success([]) }
            }
            var batch = Batch(encoded: [], frames: ranges.reduce(0) { $0 + $1.count }, lastFrame: nil)
            for (i, w) in workers.enumerated() where !ranges[i].isEmpty {
                batch.encoded += try w.result.get()
                if ranges[i].upperBound == frameCount { batch.lastFrame = w.previous?.frame }
            }
            try deliver(batch)
            start += step * workers.count
        }
    }

    /// `frame-0000.png` … inside the staged folder (which is removed whole on failure).
    static func writePNG(_ frame: Frame, index: Int, digits: Int, folder: String) throws {
        let png = try PNGEncoder.encode(frame)
        let number = String(index)
        try Files.writePlain(png, to: "\(folder)/frame-\(String(repeating: "0", count: max(0, digits - number.count)))\(number).png")
    }

    /// The number of processors online.
    static var processors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
