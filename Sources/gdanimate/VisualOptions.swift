import ArgumentParser
import GDAnimateKit
import Rasterizer

/// The options of one visual: what the command line parses for a single run and what each manifest
/// entry is parsed with, so both are read and checked by the same code. ``visual()`` turns them into the
/// library's ``Visual``, whose ``Visual/validate()`` is the one check of the settings.
///
/// Options whose value may be negative (`--init-m -1.37`) read the next argument whatever it starts
/// with; so do the other numeric options, so that `--lr -0.1` is told the rate must be positive rather
/// than that the value is missing.
struct VisualOptions: ParsableArguments {
    // MARK: What to draw
    @Option(help: ArgumentHelp("Scene to render: \(Mode.helpList)."))
    var mode: Mode = .scene(.contour)

    @Option(help: ArgumentHelp("Base name of the files (DIR/NAME.gif, DIR/NAME/…). Default: the mode.", valueName: "name"))
    var name: String?

    // MARK: Data
    @Option(help: ArgumentHelp("CSV file of points (header optional, '#' comments allowed); - reads standard input.", valueName: "file.csv"))
    var data: String?

    @Option(help: "Built-in data when no --data is given: linear (100 points, y = 4 + 3x + noise), wide (1000 points, y = 5x + 3), noisy (100 points, steep slope, heavy noise), correlated (200 points of two correlated features x1, x2), wave (30 points of y = cos(1.5πx) + noise, for --degree).")
    var dataset: Preset?

    @Option(parsing: .unconditional, help: "Seed of the built-in data and of the stochastic optimizers' shuffles.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("CSV column holding x: a header name or a 1-based number; several, comma-separated, are features x1,…,xp of ŷ = w1·x1 + … + wp·xp + b. Default: the column named x, else the first numeric column.", valueName: "name|n[,…]"))
    var xColumn: String?

    @Flag(help: "Standardize every feature, x′ = (x − mean)/sd, before training; the fit is also said in the data's units.")
    var standardize = false

    @Option(help: ArgumentHelp("Fit a polynomial of degree d (1 to 20) in x: the features x, x², …, x^d, standardized (raw powers make descent hopeless); --mode line draws the fitted curve. Try --dataset wave.", valueName: "d"))
    var degree: Int?

    @Option(help: ArgumentHelp("Hold out this fraction of the points (seeded by --seed) for validation: drawn hollow, never trained on; --mode loss draws their loss beside the training loss.", valueName: "fraction"))
    var validation: Double?

    @Option(help: ArgumentHelp("A penalty on the weights (never on b): l2 (ridge, J = MSE + λ‖w‖₂²), l1 (lasso, J = MSE + λ‖w‖₁, proximal steps that set weights to exactly 0) or elastic (J = MSE + λ[(1 − r)‖w‖₂² + r‖w‖₁]). Default: none.", valueName: "l2|l1|elastic"))
    var penalty: Penalty.Kind?

    @Option(parsing: .unconditional, help: ArgumentHelp("The penalty's strength λ ≥ 0 (scikit-learn's Ridge(alpha) is λ = alpha/n, Lasso(alpha) is λ = 2·alpha). Default: \(Visual.defaultLambda.roundTripText).", valueName: "λ"))
    var lambda: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("The elastic net's L1 share r, from 0 (ridge) to 1 (lasso). Default: \(Visual.defaultL1Ratio.roundTripText).", valueName: "r"))
    var l1Ratio: Double?

    @Option(help: ArgumentHelp("The two weights the contour of several features is drawn over, e.g. w1,w3 (the others and b at their optimum: a slice, which the scene says). Default: w1,w2.", valueName: "wi,wj"))
    var axes: String?

    @Option(help: ArgumentHelp("CSV column holding y: a header name or a 1-based number. Default: the column named y, else the second numeric column.", valueName: "name|n"))
    var yColumn: String?

    // MARK: Training
    @Option(help: ArgumentHelp("How each update is made: \(Self.optimizersText)."))
    var optimizer: OptimizerKind = .batch

    @Option(help: ArgumentHelp("Optimizers of --mode compare, comma-separated.", valueName: "list"))
    var optimizers: String = Visual.defaultCompared.map(\.rawValue).joined(separator: ",")

    @Option(parsing: .unconditional, help: ArgumentHelp("Momentum β of momentum and nesterov, 0 to 1.", valueName: "β"))
    var momentum: Double = 0.9

    @Option(parsing: .unconditional, help: ArgumentHelp("Adam's β₁ (first-moment decay), 0 to 1.", valueName: "β₁"))
    var beta1: Double = 0.9

    @Option(parsing: .unconditional, help: ArgumentHelp("Adam's β₂ (second-moment decay), 0 to 1.", valueName: "β₂"))
    var beta2: Double = 0.999

    @Option(parsing: .unconditional, help: ArgumentHelp("RMSprop's smoothing constant ρ of the mean square (PyTorch's alpha), 0 to 1.", valueName: "ρ"))
    var rmsDecay: Double = 0.99

    @Option(parsing: .unconditional, help: ArgumentHelp("Learning rates of --mode lr-sweep, comma-separated. Default: \(Self.sweepFactorsText) × the data's stability limit 2/λmax (slow, good, oscillating, diverging).", valueName: "list"))
    var lrs: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Points per mini-batch update (minibatch only); must be at most the number of points.", valueName: "n"))
    var batchSize: Int = 20

    @OptionGroup(title: "Learning-rate schedules")
    var rates: ScheduleOptions

    @OptionGroup(title: "The 3-D surface")
    var surface: SurfaceOptions

    @Option(help: "Record a frame after every epoch, or after every parameter update (stochastic optimizers).")
    var snapshot: SnapshotInterval = .epoch

    @Option(parsing: .unconditional, help: ArgumentHelp("Learning rate α (step size), > 0.", valueName: "α"))
    var lr: Double = 0.1

    @Option(parsing: .unconditional, help: ArgumentHelp("Passes over the data, 1 to \(Visual.maximumEpochs).", valueName: "n"))
    var epochs: Int = 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Starting slope m (may be negative: --init-m -1.5).", valueName: "m"))
    var initM: Double = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Starting intercept b (may be negative).", valueName: "b"))
    var initB: Double = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Slope held fixed in the bsweep scene's b-only descent. Default: the least-squares slope.", valueName: "m"))
    var fixedM: Double?

    // MARK: Output
    @Option(help: ArgumentHelp("Comma-separated: \(Self.formatsText), both (gif,png), or none (train and export only).", valueName: "list"))
    var format: String = "gif"

    @Option(help: ArgumentHelp("Also write the history (epoch, m, b, loss per snapshot) as .csv or .json.", valueName: "file"))
    var history: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Frame width in pixels, up to \(Visual.sizeRange.upperBound); a chart needs at least 200×150 (each panel of a panel mode too). Default: 640, wider for the panel modes.", valueName: "px"))
    var width: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Frame height in pixels, up to \(Visual.sizeRange.upperBound) (see --width for the least). Default: 480 (540 or 720 for the panel modes).", valueName: "px"))
    var height: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Frames of the animation, 2 to 10000: that many snapshots, placed densely where the parameters move most (the readout shows the true epoch). Default: every snapshot up to \(FrameSchedule.defaultLimit + 1), else \(FrameSchedule.defaultLimit). --mode steps: the epochs shown, four beats each (default \(StepsSchedule.defaultEpochs): the first 5, then spread to the end).", valueName: "n"))
    var frames: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Frames per second of the GIF, 1 to 50 (GIF delays are whole centiseconds).", valueName: "n"))
    var fps: Int = 20

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds the last frame stays up before the GIF loops, 0 to 60.", valueName: "s"))
    var hold: Double = 2

    @Option(parsing: .unconditional, help: ArgumentHelp("Loop count stored in the GIF: 0 repeats forever, n asks viewers to repeat n times.", valueName: "n"))
    var loop: Int = 0

    @Flag(help: "Hold the first frame for --hold seconds too.")
    var holdStart = false

    @Option(help: "Loss axis of the loss scene: auto (logarithmic when the loss spans more than two decades), linear or log.")
    var lossScale: LossScale = .auto

    @Flag(help: "Mark the epoch of lowest loss (loss scene).")
    var markBest = false

    @Flag(inversion: .prefixedNo, help: "The readout under the plots (epoch and numbers, every frame). --no-readout leaves a picture to talk over: the plots take the room, and the frames stop changing once the marks stop moving.")
    var readout = true

    @Flag(help: "On the contours (contour, compare, dashboard, lr-sweep, scaling): the step −α∇J from the current point, to scale, and for momentum and Nesterov the velocity's share −αβv.")
    var arrows = false

    @Option(help: ArgumentHelp("Colours and sizes: light (dark text on white), dark (light text on a near-black page) or slide (light, sized for a projector: 1920×1080 unless --width/--height say otherwise, tick labels and axis titles at least 22 px, lines at least 3 px).", valueName: "theme"))
    var theme: Theme = .light

    @Option(help: ArgumentHelp("The page outside the plots: opaque, or transparent in GIF, WebP and PNG (the plots keep their fill; text edges are blended with the theme's page colour).", valueName: "page"))
    var background: PageBackground = .opaque

    static let sweepFactorsText = LearningRateSweep.defaultFactors.map { NumberFormat.significant($0) }.joined(separator: ", ")
    /// `batch (all points per update), …, or newton (…); all but sgd and minibatch use full-batch
    /// gradients`, from the optimizers' registry.
    static let optimizersText: String = {
        let all = OptimizerKind.allCases
        let stochastic = all.filter(\.isStochastic).map(\.rawValue)
        return all.dropLast().map(\.summary).joined(separator: ", ") + ", or " + all.last!.summary
            + "; all but \(stochastic.joined(separator: " and ")) use full-batch gradients"
    }()
    static let formatsText = OutputFormat.registered.map { "\($0.name) (\($0.summary))" }.joined(separator: ", ")

    mutating func validate() throws {
        _ = try visual()
    }

    /// The visual these options describe, checked; a problem is a `ValidationError` naming the option.
    func visual() throws(ValidationError) -> Visual {
        if data != nil && dataset != nil {
            throw ValidationError("--data and --dataset both name the points; give one of them")
        }
        if data == nil && (xColumn != nil || yColumn != nil) {
            throw ValidationError("--x-column and --y-column choose columns of a CSV file; give --data FILE.csv too")
        }
        if let name, mode == .all, !name.isEmpty {
            throw ValidationError("--name names the files of one mode; --mode all writes line, loss, bsweep and contour")
        }
        if let history, !(history.hasSuffix(".csv") || history.hasSuffix(".json")) {
            throw ValidationError("--history must end in .csv or .json (got '\(history)')")
        }
        if let history, let data, Files.sameFile(history, data) {
            throw ValidationError("--history \(history) is the --data file: the history would replace the data; give it another path")
        }
        var v = Visual(scene: mode.scenes[0])
        if let data {
            let columns = xColumn.map { CommaList.fields($0).map(CSVData.Column.init) } ?? []
            if columns.contains(where: { $0.text.isEmpty }) {
                throw ValidationError("--x-column '\(xColumn ?? "")' has an empty column name; give names or numbers separated by single commas")
            }
            v.data = .file(path: data, x: columns.first, y: yColumn.map(CSVData.Column.init))
            v.extraXColumns = Array(columns.dropFirst())
        } else {
            v.data = .preset(dataset ?? .linear)
        }
        v.name = name
        v.seed = seed
        v.standardize = standardize
        v.axes = axes.map(CommaList.fields)
        v.degree = degree
        v.validation = validation
        v.penalty = try Self.penalty(penalty, lambda: lambda, l1Ratio: l1Ratio)
        v.optimizer = optimizer
        v.compared = try CommaList.optimizers(optimizers)
        v.batchSize = batchSize
        v.momentum = momentum
        v.beta1 = beta1
        v.beta2 = beta2
        v.rmsDecay = rmsDecay
        v.learningRate = lr
        v.sweepRates = try lrs.map(CommaList.rates)
        (v.schedule, v.comparedSchedules) = try rates.schedules(epochs: epochs)
        if v.comparedSchedules != nil && optimizers != Visual.defaultCompared.map(\.rawValue).joined(separator: ",") {
            throw ValidationError("--lr-schedules compares schedules of --optimizer \(optimizer.rawValue) and --optimizers compares optimizers; give one of them")
        }
        if v.comparedSchedules != nil && !mode.scenes.contains(.compare) {
            throw ValidationError("--lr-schedules lists the schedules --mode compare shows; this is --mode \(mode)")
        }
        v.epochs = epochs
        v.initialM = initM
        v.initialB = initB
        v.fixedM = fixedM
        v.snapshot = snapshot
        v.width = width
        v.height = height
        v.frames = frames
        v.timing = AnimationTiming(fps: fps, holdEnd: hold, holdStart: holdStart ? hold : 0, loop: loop)
        v.formats = try CommaList.formats(format)
        v.lossScale = lossScale
        v.markBest = markBest
        v.readout = readout
        v.theme = theme
        v.arrows = arrows
        v.background = background
        v.camera = surface.camera
        v.surfacePanel = surface.surfacePanel
        do { try v.validate() } catch { throw ValidationError(error.message(OptionNames.words)) }
        return v
    }
}

extension VisualOptions {
    /// The penalty `--penalty`, `--lambda` and `--l1-ratio` ask for, or nil; a strength or a ratio without
    /// the penalty it belongs to is refused rather than ignored.
    static func penalty(_ kind: Penalty.Kind?, lambda: Double?, l1Ratio: Double?) throws(ValidationError) -> Penalty? {
        guard let kind else {
            if let lambda { throw ValidationError("--lambda \(lambda.roundTripText) sets the strength of a penalty; give --penalty l2, l1 or elastic too") }
            if l1Ratio != nil { throw ValidationError("--l1-ratio belongs to the elastic net; give --penalty elastic too") }
            return nil
        }
        do {
            return try Penalty(kind, lambda: lambda ?? Visual.defaultLambda, l1Ratio: kind == .elastic ? l1Ratio ?? Visual.defaultL1Ratio : l1Ratio)
        } catch {
            switch error {
            case .lambda(let v): throw ValidationError("--lambda must be a finite number of at least 0 (got \(v.roundTripText))")
            case .l1Ratio(let v): throw ValidationError("--l1-ratio must be from 0 (ridge) to 1 (lasso) (got \(v.roundTripText))")
            case .l1RatioWithout(let k): throw ValidationError("--l1-ratio belongs to --penalty elastic; --penalty \(k.rawValue) has r = \(k == .l1 ? 1 : 0)")
            }
        }
    }
}
