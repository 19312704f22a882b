import Dispatch
import FrameEncoder
import Rasterizer
import Synchronization
import Training
#if canImport(Glibc)
import Glibc
#endif

/// A run of the command: data → training → scenes → encoded files, with the report at the end.
struct Pipeline {
    let options: GDAnimate

    init(_ options: GDAnimate) { self.options = options }

    /// One error type for what the user must fix, printed as `Error: …` with exit status 1.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws {
        let data = try loadData()
        if options.optimizer == .minibatch && options.batchSize > data.count {
            throw Failure(description: "--batch-size \(options.batchSize) is larger than the data (\(data.count) points); give at most \(data.count)")
        }
        let scenes = options.format == .none ? [] : options.mode.scenes
        let needsMain = options.mode != .bsweep
        let needsBOnly = options.mode == .bsweep || (options.mode == .all && options.format != .none)
        let main = needsMain ? try train(data, bOnly: false) : nil
        let bOnly = needsBOnly ? try train(data, bOnly: true) : nil

        var written: [Written] = []
        var staged: [Files.Staged] = []
        if let path = options.history, let run = main ?? bOnly {
            staged.append(try stageHistory(run, bOnly: main == nil, to: path, data: data))
        }
        if !scenes.isEmpty {
            try Files.makeFolder(options.output)
            let jobs = scenes.map { kind in (kind, kind == .bsweep ? bOnly! : main!) }
            let progress = Progress(total: jobs.reduce(0) { $0 + $1.1.snapshots.count }, enabled: !options.quiet && isatty(2) != 0)
            let threads = options.threads ?? FrameFarm.processors
            if jobs.count > 1 && threads > 1 {
                // Several scenes: one thread per scene at a time, the longest (contour) first; no scene
                // is split, so nothing is rendered twice.
                let order = jobs.indices.sorted { (jobs[$0].0 == .contour ? 0 : 1, $0) < (jobs[$1].0 == .contour ? 0 : 1, $1) }
                let results = Mutex<[Int: Result<Rendered, Error>]>([:])
                let next = Atomic<Int>(0)
                let pipeline = UncheckedSendable(self)
                DispatchQueue.concurrentPerform(iterations: min(threads, jobs.count)) { _ in
                    while true {
                        let n = next.add(1, ordering: .relaxed).oldValue
                        guard n < order.count else { return }
                        let (kind, run) = jobs[order[n]]
                        let result = Result { try pipeline.value.render(kind, run: run, data: data, threads: 1, progress: progress) }
                        results.withLock { $0[order[n]] = result }
                        if case .failure = result { next.store(order.count, ordering: .relaxed) }
                    }
                }
                let all = results.withLock { $0 }
                for i in jobs.indices {
                    if let r = all[i] {
                        let done = try r.get()
                        written += done.written
                        staged += done.staged
                    }
                }
            } else {
                for (kind, run) in jobs {
                    let done = try render(kind, run: run, data: data, threads: threads, progress: progress)
                    written += done.written
                    staged += done.staged
                }
            }
            progress.finish()
        }
        // Everything is complete: only now does any of it replace what was there.
        try Files.publish(staged)
        if let path = options.history { written.insert((path, -1, -1), at: 0) }
        report(written, main: main, bOnly: bOnly)
    }

    // MARK: Data and training

    private func loadData() throws -> Dataset {
        if let path = options.data {
            let bytes = try Files.read(path)
            return try CSVData.parse(bytes, file: path,
                                     xColumn: options.xColumn.map(CSVData.Column.init),
                                     yColumn: options.yColumn.map(CSVData.Column.init))
        }
        if options.xColumn != nil || options.yColumn != nil {
            throw Failure(description: "--x-column and --y-column choose columns of a CSV file; give --data FILE.csv too")
        }
        return (options.dataset ?? .linear).generate(seed: options.seed)
    }

    private func train(_ data: Dataset, bOnly: Bool) throws -> TrainingResult {
        var config = TrainingConfig()
        switch options.optimizer {
        case .batch: config.optimizer = .batch
        case .sgd: config.optimizer = .sgd
        case .minibatch: config.optimizer = .minibatch(size: options.batchSize)
        }
        config.learningRate = options.lr
        config.epochs = options.epochs
        config.initialM = options.initM
        config.initialB = options.initB
        config.interval = options.snapshot
        config.seed = options.seed
        let result: TrainingResult
        do {
            if bOnly {
                let leastSquaresSlope = try LossSurface(data).leastSquares.m
                config.fixedM = options.fixedM ?? leastSquaresSlope
            }
            result = try GradientDescent.run(data, config)
        } catch {
            throw Failure(description: "\(data.source): \(error)")
        }
        if let epoch = result.divergedAtEpoch, !options.quiet {
            var message = "gdanimate: the \(bOnly ? "b-only " : "")run diverged at epoch \(epoch): each step overshot the minimum by more than the last, so the loss grew instead of shrinking. Training stopped there; the animation shows the \(result.snapshots.count) finite snapshot\(result.snapshots.count == 1 ? "" : "s")."
            if let limit = result.stabilityLimit {
                message += " Batch gradient descent on this data is stable only for a learning rate below 2/λmax = \(plainNumber(limit)) (λmax is the largest eigenvalue of the loss's Hessian); --lr is \(options.lr)."
            } else {
                message += " Try a smaller --lr."
            }
            printError(message)
        }
        return result
    }

    // MARK: History

    private func stageHistory(_ run: TrainingResult, bOnly: Bool, to path: String, data: Dataset) throws -> Files.Staged {
        let perStep = options.snapshot == .step && options.optimizer != .batch
        let text: String
        if path.hasSuffix(".json") {
            let o = options
            var parameters: [(String, JSONValue)] = [
                ("source", .string(data.source)),
                ("points", .int(data.count)),
                ("mode", .string(o.mode.rawValue)),
                ("run", .string(bOnly ? "b-only" : "m and b")),
                ("optimizer", .string(o.optimizer.rawValue)),
                ("batchSize", o.optimizer == .minibatch ? .int(o.batchSize) : .null),
                ("snapshot", .string(o.snapshot.rawValue)),
                ("lr", .number(o.lr)),
                ("epochs", .int(o.epochs)),
                ("seed", .int(Int(truncatingIfNeeded: o.seed))),
                ("initM", .number(o.initM)),
                ("initB", .number(o.initB)),
                ("fixedM", bOnly ? .number(run.snapshots[0].m) : .null),
                ("divergedAtEpoch", run.divergedAtEpoch.map { .int($0) } ?? .null),
                ("stabilityLimit", run.stabilityLimit.map { .number($0) } ?? .null),
            ]
            if o.data != nil {
                parameters.insert(("xColumn", o.xColumn.map { .string($0) } ?? .null), at: 2)
                parameters.insert(("yColumn", o.yColumn.map { .string($0) } ?? .null), at: 3)
            }
            text = History.json(parameters: parameters, leastSquares: run.leastSquares, snapshots: run.snapshots, includeStep: perStep)
        } else {
            text = History.csv(run.snapshots, includeStep: perStep)
        }
        try Files.makeFolder(Files.parent(of: path))
        return try Files.stage(Array(text.utf8), to: path)
    }

    // MARK: Rendering

    typealias Written = (path: String, frames: Int, bytes: Int)
    typealias Rendered = (written: [Written], staged: [Files.Staged])

    private func render(_ kind: SceneKind, run: TrainingResult, data: Dataset, threads: Int, progress: Progress) throws -> Rendered {
        let o = options
        let input = SceneInput(data: data, result: run, lossScale: o.lossScale)
        let animation = try Animation(kind: kind, input: input, width: o.width, height: o.height)
        let count = animation.frameCount
        let base = "\(o.output)/\(kind.rawValue)"
        var written: [Written] = []
        var staged: [Files.Staged] = []

        var gif: GIFEncoder?
        var stream: Files.Stream?
        if o.format.writesGIF {
            // 127 colours (+ the transparent entry) make 7-bit LZW codes: 5–10 % smaller GIFs than 255,
            // with the frequent colours still exact (mean error against the PNG frames stays below 0.4 levels).
            let samples = Set([0, count / 2, count - 1]).sorted().map(animation.render)
            gif = try GIFEncoder(width: o.width, height: o.height, palette: Palette(sampling: samples, maxColors: 127), loop: o.loop)
            stream = try Files.Stream(base + ".gif")
        }
        var pngFolder: String?
        if o.format.writesPNG {
            let folder = Files.temporary(for: base)
            Files.discard(folder)
            Files.track(folder)
            guard mkdir(folder, 0o755) == 0 else { throw FileError(folder, "cannot create the frames folder") }
            pngFolder = folder
        }
        let delays = FrameTiming.delays(count: count, fps: o.fps)
        var first: Animation? = animation
        let farm = try FrameFarm(threads: threads, frameCount: count, delays: delays, palette: gif?.palette,
                                 width: o.width, height: o.height, pngFolder: pngFolder) {
            if let a = first { first = nil; return a }
            return try Animation(kind: kind, input: input, width: o.width, height: o.height)
        }
        var last: Frame?
        try farm.run { batch in
            for frame in batch.encoded { try gif?.add(frame) }
            if let gif, let stream { try stream.append(gif.drain()) }
            if let frame = batch.lastFrame { last = frame }
            progress.advance(by: batch.frames)
        }
        if let gif, let stream {
            try stream.append(try gif.finish(extraDelay: FrameTiming.centiseconds(o.hold)))
            staged.append(try stream.close())
            written.append((base + ".gif", gif.framesWritten, stream.count))
        }
        if let folder = pngFolder {
            staged.append(Files.Staged(temp: folder, path: base, isFolder: true))
            written.append((base + "/", count, Self.folderBytes(folder)))
        }
        if o.poster, let last {
            let png = try PNGEncoder.encode(last, level: 9)
            staged.append(try Files.stage(png, to: base + ".png"))
            written.append((base + ".png", 1, png.count))
        }
        return (written, staged)
    }

    /// Total size of the files in `folder`.
    static func folderBytes(_ folder: String) -> Int {
        guard let dir = opendir(folder) else { return 0 }
        defer { closedir(dir) }
        var total = 0
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            var info = stat()
            if name.hasSuffix(".png"), stat("\(folder)/\(name)", &info) == 0 { total += Int(info.st_size) }
        }
        return total
    }

    // MARK: Report

    private func report(_ written: [(path: String, frames: Int, bytes: Int)], main: TrainingResult?, bOnly: TrainingResult?) {
        guard !options.quiet else { return }
        for w in written {
            if w.frames < 0 { print("\(w.path)  history") } else { print("\(w.path)  \(w.frames) frame\(w.frames == 1 ? "" : "s")  \(w.bytes) bytes") }
        }
        func line(_ label: String, _ r: TrainingResult) {
            let f = r.final, ls = r.leastSquares
            let sig = { (v: Double) in plainNumber(v) }
            print("\(label) after epoch \(f.epoch): m = \(sig(f.m))  b = \(sig(f.b))  MSE = \(sig(f.loss))   least squares: m* = \(sig(ls.m))  b* = \(sig(ls.b))  J* = \(sig(ls.loss))")
        }
        if let main { line("fit", main) }
        if let bOnly { line("b-only fit (m fixed)", bOnly) }
    }
}

func printError(_ message: String) { writeStandardError(message + "\n") }

/// Writes straight to file descriptor 2 (the C `stderr` global is not concurrency-safe in Swift 6).
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { return }
        offset += n
    }
}

/// A value handed to other threads that only read it.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Six significant digits with an ASCII minus, for the terminal.
func plainNumber(_ v: Double) -> String { String(NumberFormat.significant(v, digits: 6).map { $0 == "−" ? "-" : $0 }) }
