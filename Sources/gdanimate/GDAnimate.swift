import ArgumentParser
import Training
import Rasterizer
import FrameEncoder
#if canImport(Glibc)
import Glibc
#endif

@main
struct GDAnimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gdanimate",
        abstract: "Render gradient descent on linear regression as animated GIFs and PNG frames.",
        discussion: """
        Fits ŷ = m·x + b by gradient descent on the mean squared error and draws each epoch.
        On success it prints one line per file written and the final fit beside the least-squares optimum.

        Examples:
          gdanimate --mode contour
              writes outputs/contour.gif for the default run (linear preset, lr 0.1, 100 epochs)
          gdanimate --mode all --data points.csv --lr 0.05 --epochs 200 --format both
              all four scenes of your own data, as GIFs and PNG frames
        """
    )

    // MARK: What to draw
    @Option(help: "Scene to render: line (data and fit), loss (loss per epoch), bsweep (J(b) at fixed m), contour (path on J(m,b)), compare (several optimizers on one contour), dashboard (line, loss and contour panels; bsweep too with --fixed-m), lr-sweep (contour panels at several rates), scaling (raw x beside standardized x), or all (the first four).")
    var mode: Mode = .contour

    @Option(help: ArgumentHelp("Render every visual of a course manifest (JSON) into --output, with a gallery page index.html; see README.", valueName: "file.json"))
    var manifest: String?

    @Option(help: ArgumentHelp("Base name of the files (DIR/NAME.gif, DIR/NAME/…). Default: the mode.", valueName: "name"))
    var name: String?

    // MARK: Data
    @Option(help: ArgumentHelp("CSV file of points (header optional, '#' comments allowed).", valueName: "file.csv"))
    var data: String?

    @Option(help: "Built-in data when no --data is given: linear (100 points, y = 4 + 3x + noise), wide (1000 points, y = 5x + 3), noisy (100 points, steep slope, heavy noise).")
    var dataset: Preset?

    @Option(help: "Seed of the built-in data and of the stochastic optimizers' shuffles.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("CSV column holding x: a header name or a 1-based number. Default: the column named x, else the first numeric column.", valueName: "name|n"))
    var xColumn: String?

    @Option(help: ArgumentHelp("CSV column holding y: a header name or a 1-based number. Default: the column named y, else the second numeric column.", valueName: "name|n"))
    var yColumn: String?

    // MARK: Training
    @Option(help: "batch (all points per update), sgd (one point per update), minibatch (--batch-size points per update), momentum, nesterov or adam (full-batch gradients, PyTorch's update rules).")
    var optimizer: OptimizerName = .batch

    @Option(help: ArgumentHelp("Optimizers of --mode compare, comma-separated.", valueName: "list"))
    var optimizers: String = "batch,sgd,minibatch"

    @Option(help: ArgumentHelp("Momentum β of momentum and nesterov, 0 to 1.", valueName: "β"))
    var momentum: Double = 0.9

    @Option(help: ArgumentHelp("Adam's β₁ (first-moment decay), 0 to 1.", valueName: "β₁"))
    var beta1: Double = 0.9

    @Option(help: ArgumentHelp("Adam's β₂ (second-moment decay), 0 to 1.", valueName: "β₂"))
    var beta2: Double = 0.999

    @Option(help: ArgumentHelp("Learning rates of --mode lr-sweep, comma-separated. Default: 0.1, 0.5, 0.9 and 1.05 × the data's stability limit 2/λmax (slow, good, oscillating, diverging).", valueName: "list"))
    var lrs: String?

    @Option(help: ArgumentHelp("Points per mini-batch update (minibatch only); must be at most the number of points.", valueName: "n"))
    var batchSize: Int = 20

    @Option(help: "Record a frame after every epoch, or after every parameter update (stochastic optimizers).")
    var snapshot: SnapshotInterval = .epoch

    @Option(help: ArgumentHelp("Learning rate α (step size), > 0.", valueName: "α"))
    var lr: Double = 0.1

    @Option(help: ArgumentHelp("Passes over the data, 1 to \(Self.maxEpochs).", valueName: "n"))
    var epochs: Int = 100

    @Option(help: ArgumentHelp("Starting slope m.", valueName: "m"))
    var initM: Double = 0

    @Option(help: ArgumentHelp("Starting intercept b.", valueName: "b"))
    var initB: Double = 0

    @Option(help: ArgumentHelp("Slope held fixed in the bsweep scene's b-only descent. Default: the least-squares slope.", valueName: "m"))
    var fixedM: Double?

    // MARK: Output
    @Option(help: "gif (DIR/<mode>.gif), png (DIR/<mode>/frame-0000.png …), both, or none (train and export only).")
    var format: Format = .gif

    @Option(help: ArgumentHelp("Folder for the files (created if missing).", valueName: "dir"))
    var output: String = "outputs"

    @Option(help: ArgumentHelp("Also write the history (epoch, m, b, loss per snapshot) as .csv or .json.", valueName: "file"))
    var history: String?

    @Option(help: ArgumentHelp("Frame width in pixels, \(Self.sizeRange.lowerBound) to \(Self.sizeRange.upperBound). Default: 640, wider for the panel modes.", valueName: "px"))
    var width: Int?

    @Option(help: ArgumentHelp("Frame height in pixels, \(Self.sizeRange.lowerBound) to \(Self.sizeRange.upperBound). Default: 480 (540 or 720 for the panel modes).", valueName: "px"))
    var height: Int?

    @Option(help: ArgumentHelp("Frames of the animation, 2 to 10000: that many snapshots, placed densely where the parameters move most (the readout shows the true epoch). Default: every snapshot up to \(FrameSchedule.defaultLimit + 1), else \(FrameSchedule.defaultLimit).", valueName: "n"))
    var frames: Int?

    @Option(help: ArgumentHelp("Frames per second of the GIF, 1 to 50 (GIF delays are whole centiseconds).", valueName: "n"))
    var fps: Int = 20

    @Option(help: ArgumentHelp("Seconds the last frame stays up before the GIF loops, 0 to 60.", valueName: "s"))
    var hold: Double = 2

    @Option(help: ArgumentHelp("Loop count stored in the GIF: 0 repeats forever, n asks viewers to repeat n times.", valueName: "n"))
    var loop: Int = 0

    @Flag(help: "Hold the first frame for --hold seconds too.")
    var holdStart = false

    @Option(help: "Loss axis of the loss scene: auto (logarithmic when the loss spans more than two decades), linear or log.")
    var lossScale: LossScale = .auto

    @Flag(help: "Mark the epoch of lowest loss (loss scene).")
    var markBest = false

    @Flag(inversion: .prefixedNo, help: "The readout under the plots (epoch and numbers, every frame). --no-readout leaves a picture to talk over: the plots take the room, and the frames stop changing once the marks stop moving.")
    var readout = true

    @Option(help: ArgumentHelp("Worker threads for rendering and compression (default: one per processor). Output is byte-identical for any number.", valueName: "n"))
    var threads: Int?

    @Flag(help: "Also write the last frame as DIR/<mode>.png, a still for slides.")
    var poster = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    static let maxEpochs = 100_000
    static let sizeRange = 64...4096

    mutating func validate() throws {
        if data != nil && dataset != nil {
            throw ValidationError("--data and --dataset both name the points; give one of them")
        }
        guard lr.isFinite && lr > 0 else { throw ValidationError("--lr must be a positive finite number (got \(lr))") }
        guard (1...Self.maxEpochs).contains(epochs) else {
            throw ValidationError("--epochs must be from 1 to \(Self.maxEpochs) (got \(epochs))")
        }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1 (got \(batchSize))") }
        if let width, !Self.sizeRange.contains(width) { throw ValidationError("--width must be from \(Self.sizeRange.lowerBound) to \(Self.sizeRange.upperBound) pixels (got \(width))") }
        if let height, !Self.sizeRange.contains(height) { throw ValidationError("--height must be from \(Self.sizeRange.lowerBound) to \(Self.sizeRange.upperBound) pixels (got \(height))") }
        if let frames, !(2...10_000).contains(frames) { throw ValidationError("--frames must be from 2 to 10000 (got \(frames))") }
        for (flag, value) in [("--momentum", momentum), ("--beta1", beta1), ("--beta2", beta2)] where !(value.isFinite && value >= 0 && value < 1) {
            throw ValidationError("\(flag) must be at least 0 and below 1 (got \(value))")
        }
        if manifest != nil {
            // Everything else belongs to the visuals, in the manifest; say so rather than ignore it.
            let allowed: Set<String> = ["--manifest", "--output", "--poster", "--threads", "--quiet"]
            for arg in CommandLine.arguments.dropFirst() where arg.hasPrefix("--") {
                let flag = String(arg.prefix { $0 != "=" })
                if !allowed.contains(flag) {
                    throw ValidationError("\(flag) is a per-visual option; with --manifest give it in the manifest's \"options\" (only --output, --poster, --threads and --quiet apply to the whole set)")
                }
            }
        }
        _ = try compareOptimizers()
        if mode == .compare && snapshot == .step {
            throw ValidationError("--snapshot step records every update, and batch and stochastic runs make different numbers of them; --mode compare advances all optimizers epoch by epoch")
        }
        _ = try sweepRates()
        if let name {
            guard mode != .all else { throw ValidationError("--name names the files of one mode; --mode all writes line, loss, bsweep and contour") }
            guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
                throw ValidationError("--name must be a plain file name without '/' (got '\(name)')")
            }
        }
        guard (1...50).contains(fps) else {
            throw ValidationError("--fps must be from 1 to 50 (got \(fps)): GIF delays are whole centiseconds and browsers slow anything faster")
        }
        guard hold.isFinite && (0...60).contains(hold) else { throw ValidationError("--hold must be from 0 to 60 seconds (got \(hold))") }
        guard (0...65535).contains(loop) else { throw ValidationError("--loop must be from 0 (forever) to 65535 (got \(loop))") }
        for (name, value) in [("--init-m", initM), ("--init-b", initB), ("--fixed-m", fixedM ?? 0)] where !value.isFinite {
            throw ValidationError("\(name) must be a finite number (got \(value))")
        }
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be from 1 to 64 (got \(threads))") }
        if let history, !(history.hasSuffix(".csv") || history.hasSuffix(".json")) {
            throw ValidationError("--history must end in .csv or .json (got '\(history)')")
        }
    }

    /// --optimizers as a list, each checked.
    func compareOptimizers() throws -> [OptimizerName] {
        var list: [OptimizerName] = []
        for n in commaList(optimizers) {
            guard let o = OptimizerName(rawValue: n) else {
                throw ValidationError("--optimizers: '\(n)' is not an optimizer; use \(OptimizerName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !list.contains(o) else { throw ValidationError("--optimizers names \(n) twice") }
            list.append(o)
        }
        guard list.count <= 6 else { throw ValidationError("--optimizers takes at most 6 (got \(list.count))") }
        return list
    }

    /// --lrs as numbers, each positive and finite (nil: the default from the stability limit).
    func sweepRates() throws -> [Double]? {
        guard let lrs else { return nil }
        var rates: [Double] = []
        for t in commaList(lrs) {
            guard let v = Double(t), v.isFinite, v > 0 else { throw ValidationError("--lrs: '\(t)' is not a positive learning rate") }
            rates.append(v)
        }
        guard (1...6).contains(rates.count) else { throw ValidationError("--lrs takes 1 to 6 rates (got \(rates.count))") }
        return rates
    }

    func run() throws {
        installSignalCleanup()
        // Frames are megabyte-sized and made hundreds of times: keep them in the heap rather than fresh
        // mmap'd pages, whose faulting and zeroing would otherwise cost more than drawing a frame.
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 256 << 20)
        _ = glibcMallopt(-1 /* M_TRIM_THRESHOLD */, 512 << 20)
        do {
            if let manifest {
                try Files.makeFolder(output)
                try Manifest.render(manifest, base: self)
            } else {
                try Pipeline(self).run()
            }
        } catch {
            // A signal is ending the run and its thread will end the process: say nothing more.
            while Files.interrupted.load(ordering: .acquiring) { sleep(1) }
            Files.discardPending()
            throw error
        }
    }
}

/// A signal mid-run removes the temporary files, then ends the process as the signal would.
///
/// Not from a signal handler: a handler runs on whatever thread the signal interrupts, possibly inside
/// malloc holding its lock, and removing files allocates, so the process could hang for good (1 run in
/// 200 interrupted near 1 s; gdb showed the handler waiting on malloc's lock). The signals are blocked in every thread instead (threads made later
/// inherit the mask) and one thread waits for them with sigwait, then cleans up as ordinary code.
private func installSignalCleanup() {
    waitedSignals = cleanupSignals()
    pthread_sigmask(SIG_BLOCK, &waitedSignals, nil)
    var thread = pthread_t()
    pthread_create(&thread, nil, { _ in
        var sig: Int32 = 0
        guard sigwait(&waitedSignals, &sig) == 0 else { return nil }
        Files.discardOnSignal()
        // Now die of the signal, as if no one had caught it (exit status 128 + signal for the shell).
        signal(sig, SIG_DFL)
        var one = sigset_t()
        sigemptyset(&one)
        sigaddset(&one, sig)
        pthread_sigmask(SIG_UNBLOCK, &one, nil)
        raise(sig)
        return nil
    }, nil)
}

/// The signals the cleanup thread waits for; set once, before that thread starts.
nonisolated(unsafe) private var waitedSignals = sigset_t()

/// SIGINT, SIGTERM and SIGHUP, the signals that end a run, less any the caller made us ignore (`nohup`
/// ignores SIGHUP; a script's background job ignores SIGINT): those stay ignored.
private func cleanupSignals() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for sig in [SIGINT, SIGTERM, SIGHUP] {
        var current = sigaction()
        sigaction(sig, nil, &current)
        let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        if handler != unsafeBitCast(SIG_IGN, to: Int.self) { sigaddset(&set, sig) }
    }
    return set
}

/// glibc's `mallopt` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// The fields of a comma-separated option, spaces at either end of each removed (empty fields kept,
/// so that "a,,b" is an error naming the empty one).
func commaList(_ s: String) -> [String] {
    s.split(separator: ",", omittingEmptySubsequences: false).map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
