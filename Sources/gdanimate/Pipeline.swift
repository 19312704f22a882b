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

    /// One scene to render: what it shows and the files it goes to.
    struct Job {
        var kind: SceneKind
        var input: SceneInput
        var name: String
        var width: Int
        var height: Int

        /// The frames its animation will have (for the progress bar).
        func frameCount(limit: Int?) -> Int {
            let runs = [input.result, input.bOnly].compactMap { $0 } + input.runs.map(\.result)
            return FrameSchedule.frameCount(snapshots: runs.map(\.snapshots.count).max()!, limit: limit)
        }
    }

    func run() throws {
        let data = try loadData()
        let o = options
        let optimizers = o.mode == .compare ? try o.compareOptimizers() : [o.optimizer]
        if optimizers.contains(.minibatch) && o.batchSize > data.count {
            throw Failure(description: "--batch-size \(o.batchSize) is larger than the data (\(data.count) points); give at most \(data.count)")
        }
        let scenes = o.format == .none ? [] : o.mode.scenes
        let needsBOnly = o.mode == .bsweep || (o.mode == .all && o.format != .none) || (o.mode == .dashboard && o.fixedM != nil)
        let main = o.mode != .bsweep ? try train(data, o.optimizer, lr: o.lr, bOnly: false) : nil
        let bOnly = needsBOnly ? try train(data, o.optimizer, lr: o.lr, bOnly: true) : nil

        var written: [Written] = []
        var staged: [Files.Staged] = []
        if let path = o.history, let run = main ?? bOnly {
            staged.append(try stageHistory(run, bOnly: main == nil, to: path, data: data))
        }
        if !scenes.isEmpty {
            try Files.makeFolder(o.output)
            let jobs = try scenes.map { kind in try job(kind, data: data, main: main, bOnly: bOnly, optimizers: optimizers) }
            let progress = Progress(total: jobs.reduce(0) { $0 + $1.frameCount(limit: o.frames) }, enabled: !o.quiet && isatty(2) != 0)
            let threads = o.threads ?? FrameFarm.processors
            if jobs.count > 1 && threads > 1 {
                // Several scenes: one thread per scene at a time, the longest (contour) first; no scene
                // is split, so nothing is rendered twice.
                let order = jobs.indices.sorted { (jobs[$0].kind == .contour ? 0 : 1, $0) < (jobs[$1].kind == .contour ? 0 : 1, $1) }
                let results = Mutex<[Int: Result<Rendered, Error>]>([:])
                let next = Atomic<Int>(0)
                let pipeline = UncheckedSendable(self)
                let shared = UncheckedSendable(jobs)
                DispatchQueue.concurrentPerform(iterations: min(threads, jobs.count)) { _ in
                    while true {
                        let n = next.add(1, ordering: .relaxed).oldValue
                        guard n < order.count else { return }
                        let result = Result { try pipeline.value.render(shared.value[order[n]], threads: 1, progress: progress) }
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
                for job in jobs {
                    let done = try render(job, threads: threads, progress: progress)
                    written += done.written
                    staged += done.staged
                }
            }
            progress.finish()
        }
        // Everything is complete: only now does any of it replace what was there.
        try Files.publish(staged)
        if let path = o.history { written.insert((path, -1, -1), at: 0) }
        report(written, main: main, bOnly: bOnly)
    }

    /// The scene of `kind` with the runs it needs, trained here for the multi-run modes.
    private func job(_ kind: SceneKind, data: Dataset, main: TrainingResult?, bOnly: TrainingResult?, optimizers: [OptimizerName]) throws -> Job {
        let o = options
        var input = SceneInput(data: data, result: main ?? bOnly!, lossScale: o.lossScale, markBest: o.markBest, readout: o.readout)
        var panels = 1
        switch kind {
        case .line, .loss, .contour: break
        case .bsweep: input.result = bOnly!
        case .compare:
            input.runs = try optimizers.map { name in
                let r = name == o.optimizer ? main! : try train(data, name, lr: o.lr, bOnly: false)
                return LabelledRun(label: r.config.optimizer.label, data: data, result: r)
            }
            input.result = input.runs[0].result
            panels = 2
        case .dashboard:
            input.bOnly = bOnly
            panels = bOnly == nil ? 3 : 4
        case .lrSweep:
            // Slow, good, oscillating and diverging: fractions of the stability limit 2/λmax.
            let factors = [0.1, 0.5, 0.9, 1.05]
            let limit = try LossSurface(data).stabilityLimit
            let given = try o.sweepRates()
            let rates = given ?? factors.map { $0 * limit }
            input.runs = try rates.enumerated().map { i, lr in
                let r = try train(data, o.optimizer, lr: lr, bOnly: false, warnDivergence: false)
                var label = "α = \(NumberFormat.significant(lr, digits: 3))"
                if given == nil { label += " (\(NumberFormat.significant(factors[i])) × 2/λmax)" }
                return LabelledRun(label: label, data: data, result: r)
            }
            input.result = input.runs[0].result
            panels = rates.count
        case .scaling:
            guard let scaled = data.standardizingX() else { throw Failure(description: "\(data.source): x does not vary, so it cannot be standardized") }
            let r = try train(scaled, o.optimizer, lr: o.lr, bOnly: false)
            input.runs = [LabelledRun(label: "raw x", data: data, result: main!),
                          LabelledRun(label: "standardized x′ = (x − x̄)/σ", data: scaled, result: r)]
            panels = 2
        }
        let size = o.mode.defaultSize(panels: panels)
        let (width, height) = (o.width ?? size.width, o.height ?? size.height)
        let least = Scenes.minimumSize(kind, panels: panels)
        if width < least.width || height < least.height {
            let what = panels == 1 ? "--mode \(kind.rawValue)" : "--mode \(kind.rawValue) draws \(panels) panels and"
            throw Failure(description: "\(what) needs a frame of at least \(least.width)×\(least.height) pixels (got \(width)×\(height)); give a larger --width/--height")
        }
        return Job(kind: kind, input: input, name: o.name ?? kind.rawValue, width: width, height: height)
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

    private func train(_ data: Dataset, _ optimizer: OptimizerName, lr: Double, bOnly: Bool, warnDivergence: Bool = true) throws -> TrainingResult {
        let o = options
        var config = TrainingConfig()
        switch optimizer {
        case .batch: config.optimizer = .batch
        case .sgd: config.optimizer = .sgd
        case .minibatch: config.optimizer = .minibatch(size: o.batchSize)
        case .momentum: config.optimizer = .momentum(beta: o.momentum)
        case .nesterov: config.optimizer = .nesterov(beta: o.momentum)
        case .adam: config.optimizer = .adam(beta1: o.beta1, beta2: o.beta2)
        }
        config.learningRate = lr
        config.epochs = o.epochs
        config.initialM = o.initM
        config.initialB = o.initB
        config.interval = o.snapshot
        config.seed = o.seed
        let result: TrainingResult
        do {
            if bOnly {
                let leastSquaresSlope = try LossSurface(data).leastSquares.m
                config.fixedM = o.fixedM ?? leastSquaresSlope
            }
            result = try GradientDescent.run(data, config)
        } catch {
            throw Failure(description: "\(data.source): \(error)")
        }
        if let epoch = result.divergedAtEpoch, warnDivergence, !o.quiet {
            let who = bOnly ? "b-only run" : o.mode == .compare ? "\(optimizer.rawValue) run" : "run"
            var message = "gdanimate: the \(who) diverged at epoch \(epoch): each step overshot the minimum by more than the last, so the loss grew instead of shrinking. Training stopped there; the animation shows the \(result.snapshots.count) finite snapshot\(result.snapshots.count == 1 ? "" : "s")."
            if let limit = result.stabilityLimit {
                message += " Batch gradient descent on this data is stable only for a learning rate below 2/λmax = \(plainNumber(limit)) (λmax is the largest eigenvalue of the loss's Hessian); --lr is \(lr)."
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

    private func render(_ job: Job, threads: Int, progress: Progress) throws -> Rendered {
        let o = options
        let (kind, input, width, height) = (job.kind, job.input, job.width, job.height)
        let animation = try Animation(kind: kind, input: input, width: width, height: height, frameLimit: o.frames)
        let count = animation.frameCount
        let base = "\(o.output)/\(job.name)"
        var written: [Written] = []
        var staged: [Files.Staged] = []

        var gif: GIFEncoder?
        var stream: Files.Stream?
        if o.format.writesGIF {
            // 127 colours (+ the transparent entry) make 7-bit LZW codes: 5–10 % smaller GIFs than 255,
            // with the frequent colours still exact (mean error against the PNG frames stays below 0.4 levels).
            let samples = Set([0, count / 2, count - 1]).sorted().map(animation.render)
            gif = try GIFEncoder(width: width, height: height, palette: Palette(sampling: samples, maxColors: 127), loop: o.loop)
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
        var delays = FrameTiming.delays(count: count, fps: o.fps)
        if o.holdStart { delays[0] += FrameTiming.centiseconds(o.hold) }
        var first: Animation? = animation
        let farm = try FrameFarm(threads: threads, frameCount: count, delays: delays, palette: gif?.palette,
                                 width: width, height: height, pngFolder: pngFolder) {
            if let a = first { first = nil; return a }
            return try Animation(kind: kind, input: input, width: width, height: height, frameLimit: o.frames)
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
