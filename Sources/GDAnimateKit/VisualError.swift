/// A visual that cannot be made as described: which setting (a ``Visual/Property``), what it holds and
/// what it may hold, or what in the data stands in the way. Its `description` names settings as a Swift
/// program spells them (`learningRate must be a positive finite number (got -1.0)`); the command line
/// words the same problem with its own option names.
///
/// ```swift
/// do { try visual.validate() } catch .invalid(property: .learningRate, let value, _, _) { … }
/// ```
public enum VisualError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A setting holds a value it may not take, whatever the data and the other settings: `value` is the
    /// value as Swift prints it (`"-1.0"`, `"'a/b'"` for text), `requirement` the values it takes ("a
    /// positive finite number"), `reason` why, when the requirement alone does not say.
    case invalid(property: Visual.Property, value: String, requirement: String, reason: String? = nil)
    /// ``Visual/name`` is empty.
    case emptyName
    /// A list setting (``Visual/compared``, ``Visual/comparedSchedules``, ``Visual/formats``) names
    /// `item` more than once.
    case repeated(property: Visual.Property, item: String)
    /// A list setting holds `count` items, outside `allowed`.
    case count(property: Visual.Property, count: Int, allowed: ClosedRange<Int>)
    /// Per-update snapshots (``Visual/snapshot`` `.step`) with `SceneKind.compare`, which advances every
    /// optimizer epoch by epoch.
    case perUpdateSnapshotsInCompare
    /// `SceneKind.steps` shows plain batch descent's update; `optimizer` updates differently.
    case stepsNeedsBatch(optimizer: OptimizerKind)
    /// A step schedule's `every` is not below ``Visual/epochs``: the rate would never drop.
    case scheduleNeverDrops(every: Int, epochs: Int)
    /// A cosine schedule's `minimum` is negative or not below ``Visual/learningRate``.
    case scheduleMinimumOutOfRange(minimum: Double, learningRate: Double)
    /// ``Visual/comparedSchedules`` is set for a scene other than `SceneKind.compare`.
    case comparedSchedulesOutsideCompare(scene: SceneKind)
    /// The data has several features (θ = `parameters`), and `scene` draws the line of one; the scenes
    /// in `drawingSeveral` draw their descent (`SceneDefinition`'s `drawsSeveralFeatures`).
    case oneFeatureScene(scene: SceneKind, parameters: [String], drawingSeveral: [SceneKind])
    /// `property` (``Visual/fixedM``) is a setting of one feature, and the data has several (θ = `parameters`).
    case oneFeatureSetting(property: Visual.Property, parameters: [String])
    /// `scene` draws the unpenalised loss, and ``Visual/penalty`` is set; `drawingPenalty` are the scenes that
    /// draw a penalised run.
    case unpenalizedScene(scene: SceneKind, drawingPenalty: [SceneKind])
    /// A penalty with an L1 part (`penalty`: l1 or elastic) asked of an optimizer other than plain descent:
    /// its proximal step is ISTA's, whose fixed point is the lasso optimum only for batch, sgd and minibatch.
    case proximalNeedsPlainDescent(optimizer: OptimizerKind, penalty: String)
    /// The penalty scene was asked for without a penalty to draw.
    case penaltySceneNeedsPenalty
    /// The penalty scene draws two weights; the data's model has `parameters` (its weights and b).
    case penaltySceneNeedsTwoWeights(parameters: [String])
    /// A format cannot be written here (`OutputFormat.requirement`: the program it runs is missing).
    case formatUnavailable(format: String, reason: String)
    /// ``Visual/batchSize`` is larger than the data.
    case batchLargerThanData(batchSize: Int, points: Int)
    /// The frame is smaller than `scene`'s `panels` panels need.
    case frameTooSmall(scene: SceneKind, panels: Int, least: FrameSize, given: FrameSize)
    /// Two scenes of a plan would write files of the same base name.
    case sameFileName(String)
    /// The data named `source` cannot be fitted: `problem` says why (no spread in x, values that
    /// overflow, x and y of different lengths).
    case unfittable(source: String, problem: String)
    /// ``Visual/standardize`` with a feature of `source` that does not vary, so it cannot be scaled.
    case constantFeature(source: String)
    /// `scene` draws every point of `source`, but only their statistics were read.
    case pointsNotKept(source: String, scene: SceneKind, points: Int)
    /// The density of `source`'s points needs them read once more, and they cannot be.
    case cannotReadAgain(source: String)
    /// `file` held `first` points on the first reading and `second` on the second.
    case fileChanged(file: String, first: Int, second: Int)

    /// A frame's width and height in pixels.
    public struct FrameSize: Equatable, Sendable, CustomStringConvertible {
        public var width: Int
        public var height: Int
        public init(width: Int, height: Int) { (self.width, self.height) = (width, height) }
        /// `640×480`.
        public var description: String { "\(width)×\(height)" }
    }

    /// The problem in one line, naming settings by their Swift names.
    public var description: String { message(.library) }

    /// Whether the settings alone are wrong, whatever the data (what ``Visual/validate()`` throws, and a
    /// frame too small for the scene's panels); false for what depends on the data, the number of its
    /// features among it (``oneFeatureScene(scene:parameters:drawingSeveral:)`` and
    /// ``oneFeatureSetting(property:parameters:)``, which ``Visual/validate()`` also throws for the
    /// visual's own scene: the command line calls those usage errors as it checks its options).
    public var isSettingsOnly: Bool {
        switch self {
        case .batchLargerThanData, .sameFileName, .unfittable, .constantFeature, .pointsNotKept, .cannotReadAgain, .fileChanged,
             .oneFeatureScene, .oneFeatureSetting, .penaltySceneNeedsTwoWeights: return false
        default: return true
        }
    }

    /// The problem in one line, naming settings with `w`: the library's own words, or the command line's.
    package func message(_ w: SettingWords) -> String {
        switch self {
        case .invalid(.sweepRates, let value, _, _):
            return "\(w[.sweepRates]): '\(value)' is not a positive learning rate"
        case .invalid(let p, let value, let requirement, let reason):
            return "\(w[p]) must be \(requirement) (got \(value))" + (reason.map { ": \($0)" } ?? "")
        case .emptyName:
            return "\(w[.name]) is empty; give the files a name, or " + (w.commandLine ? "leave --name out for the mode's" : "set it to nil for the scene's")
        case .repeated(.formats, _) where w.commandLine:
            return "\(w[.formats]) names a format twice"
        case .repeated(let p, let item):
            return "\(w[p]) names \(item) twice"
        case .count(.compared, 0, _):
            return "\(w[.compared]) names no optimizer"
        case .count(.compared, let count, let allowed):
            return "\(w[.compared]) takes at most \(allowed.upperBound) (got \(count))"
        case .count(let p, let count, let allowed):
            let noun = p == .sweepRates ? "rates" : p == .comparedSchedules ? "schedules" : "items"
            return "\(w[p]) takes \(allowed.lowerBound) to \(allowed.upperBound) \(noun) (got \(count))"
        case .perUpdateSnapshotsInCompare:
            return "\(w[.snapshot, "step"]) records every update, and batch and stochastic runs make different numbers of them; \(w[.scene, "compare"]) advances all optimizers epoch by epoch"
        case .stepsNeedsBatch(let o):
            let contour = w.commandLine ? "--mode contour --arrows" : "\(w[.scene, "contour"]) with \(w[.arrows])"
            return "\(w[.scene, "steps"]) walks through the update of plain batch gradient descent (m ← m − α·∂J/∂m over all points); \(w[.optimizer, o.rawValue]) updates differently: use \(w[.optimizer, "batch"]), or \(contour) to see \(o.rawValue)'s steps"
        case .scheduleNeverDrops(let every, let epochs):
            return "\(w[.scheduleEvery, "\(every)"]) is not below \(w[.epochs, "\(epochs)"]): the rate would never drop"
        case .scheduleMinimumOutOfRange(let minimum, let learningRate):
            return "\(w[.scheduleMinimum]) must be at least 0 and below \(w[.learningRate, "\(learningRate)"]) (got \(minimum))"
        case .comparedSchedulesOutsideCompare(let scene):
            return "\(w[.comparedSchedules]) lists the schedules \(w[.scene, "compare"]) shows; this is \(w[.scene, scene.rawValue])"
        case .oneFeatureScene(let scene, let parameters, let able):
            let list = able.map { w[.scene, $0.rawValue] }.joined(separator: ", ")
            return "\(w[.scene, scene.rawValue]) draws the line ŷ = m·x + b of one feature, but the data has \(parameters.count - 1) features (θ = \(parameters.joined(separator: ", "))); \(list) show\(able.count > 1 ? "" : "s") their descent"
        case .proximalNeedsPlainDescent(let optimizer, let penalty):
            return "\(w[.penalty, penalty]) takes a proximal step after each update (soft-thresholding, ISTA), which lands on the penalised optimum only for plain descent; \(w[.optimizer, optimizer.rawValue]) rescales or carries its steps and would settle elsewhere: use \(w[.optimizer, "batch"]), sgd or minibatch (\(w[.penalty, "l2"]) works with every optimizer)"
        case .penaltySceneNeedsPenalty:
            return "\(w[.scene, "penalty"]) draws a penalty's level set on the loss contours: give \(w[.penalty]) l1, l2 or elastic (and \(w[.lambda]), default \(Visual.defaultLambda))"
        case .penaltySceneNeedsTwoWeights(let parameters):
            let p = parameters.count - 1
            return "\(w[.scene, "penalty"]) draws the penalty over two weights, but the data has \(p) feature\(p == 1 ? "" : "s") (θ = \(parameters.joined(separator: ", "))); give two: \(w.commandLine ? "--dataset correlated" : "the correlated preset"), two columns in \(w[.extraXColumns]), or \(w[.degree]) 2"
        case .unpenalizedScene(let scene, let able):
            let list = able.map { w[.scene, $0.rawValue] }.joined(separator: ", ")
            return "\(w[.scene, scene.rawValue]) draws the unpenalised loss, the mean squared error alone, and \(w[.penalty]) adds a penalty to it; \(list) show\(able.count > 1 ? "" : "s") a penalised descent"
        case .oneFeatureSetting(let p, let parameters):
            let what = p == .fixedM ? "holds the slope m of one feature" : p == .degree ? "makes the powers of one input x" : "is a setting of one feature"
            return "\(w[p]) \(what), but the data has \(parameters.count - 1) features (θ = \(parameters.joined(separator: ", ")))"
        case .formatUnavailable(let format, let reason):
            return "\(w[.formats, format]): \(reason)"
        case .batchLargerThanData(let batchSize, let points):
            return "\(w[.batchSize, "\(batchSize)"]) is larger than the data (\(points) points); give at most \(points)"
        case .frameTooSmall(let scene, let panels, let least, let given):
            let what = panels == 1 ? w[.scene, scene.rawValue] : "\(w[.scene, scene.rawValue]) draws \(panels) panels and"
            return "\(what) needs a frame of at least \(least.width)×\(least.height) pixels (got \(given.width)×\(given.height)); give a larger \(w[.width])/\(w[.height])"
        case .sameFileName(let name):
            return "two scenes would both write '\(name)'; give each its own name"
        case .unfittable(let source, let problem):
            return "\(source): \(problem)"
        case .constantFeature(let source):
            return "\(source): \(w[.standardize]) needs every feature to vary, and one does not"
        case .pointsNotKept(let source, let scene, let points):
            return "\(source): \(w[.scene, scene.rawValue]) draws the \(points) points, but only their statistics were read; read the data with its points (Visual.loadData(for:) with this scene)"
        case .cannotReadAgain(let source):
            return "\(source): the density of the points needs them read once more, and only a regular file or a stream copied as it was read (Visual.loadData(for:) with this scene) can be; give the points themselves"
        case .fileChanged(let file, let first, let second):
            return "\(file): the file changed while it was read: \(first) points the first time, \(second) the second; nothing was written"
        }
    }
}
