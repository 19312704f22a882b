import Rasterizer
import Training

/// Everything the library knows of one scene, in one value: how it draws (its `SceneDrawing`: name,
/// grid of panels, frame sizes, the pictures), what `--help` says of it, what it needs of the data, the
/// runs it trains and the visual's options it draws with, how it checks a visual, how it lays out its
/// input, and how it says in words what it shows.
///
/// A scene is one file in `Sources/Rasterizer/Scenes/` (its drawing) and one in
/// `Sources/GDAnimateKit/Scenes/` (this definition, with its ``SceneKind`` name), plus one line in
/// `SceneDefinition.registered`. Every list of scenes (`--mode`, its help, manifests, ``SceneKind/allCases``) and
/// every question about one (``Visual/loadData(for:threads:)``, ``Plan``, the player's notes) reads
/// the registry; nothing else names a scene. See <doc:AddingAScene>.
public struct SceneDefinition: Sendable {
    /// The scenes, in the order `--help` lists them: the one registry.
    static let registered: [SceneDefinition] = [
        .line, .loss, .bsweep, .contour, .compare, .dashboard, .lrSweep, .scaling, .steps, .surface, .penalty,
    ]

    /// The registered scene named `name`, or nil.
    static func named(_ name: String) -> SceneDefinition? { byName[name] }
    private static let byName = Dictionary(uniqueKeysWithValues: registered.map { ($0.name, $0) })

    /// What the scene needs of the points.
    public enum DataNeed: Sendable, Equatable {
        /// The loss surface's statistics alone: a file of any size streams in constant memory.
        case statistics
        /// The points, drawn one by one: past `DensityCounts.threshold` they are drawn as their density,
        /// counted on a second reading of the file, so only the statistics are kept.
        case pointsOrDensity
        /// The points themselves, kept in memory.
        case points
    }

    /// The visual's options a scene draws with; an option no scene of a visual draws with is said to
    /// change nothing (``Plan/warnings``).
    struct Options: OptionSet, Sendable {
        let rawValue: Int
        /// ``Visual/arrows``: the step arrows on a contour.
        static let arrows = Options(rawValue: 1)
        /// ``Visual/camera``: the 3-D surface's camera.
        static let camera = Options(rawValue: 2)
        /// ``Visual/surfacePanel``.
        static let surfacePanel = Options(rawValue: 4)
        /// ``Visual/markBest``: the star on a loss curve.
        static let markBest = Options(rawValue: 8)
        /// ``Visual/comparedSchedules``.
        static let comparedSchedules = Options(rawValue: 16)
    }

    /// The runs of the plan (``Plan/main``, ``Plan/bOnly``) a scene draws.
    struct BaseRuns: OptionSet, Sendable {
        let rawValue: Int
        /// The run of m and b.
        static let main = BaseRuns(rawValue: 1)
        /// Descent on b alone, m held.
        static let bOnly = BaseRuns(rawValue: 2)
    }

    /// How the scene draws: its name, panels, sizes and pictures.
    public let drawing: SceneDrawing
    /// What it shows, in a few words: `--help` lists it after the name, a player page's title too.
    public let summary: String
    /// Whether `--mode all` draws it, with the other scenes of one run.
    public let isSingleRun: Bool
    /// What it needs of the data.
    public let data: DataNeed
    /// Whether it draws a model of several features (θ = w₁…w_p, b) as well as the line's (m, b).
    public let drawsSeveralFeatures: Bool
    /// Whether it draws a run whose loss has a penalty on the weights (``Visual/penalty``): the fit and the
    /// loss do; the scenes of the unpenalised bowl J(m, b) do not.
    public let drawsPenalty: Bool
    /// The plan's runs it draws (default the main run).
    let baseRuns: @Sendable (Visual) -> BaseRuns
    /// The optimizer of each run it trains besides those (default none).
    let extraRuns: @Sendable (Visual) -> [OptimizerKind]
    /// The visual's options it draws with (default none).
    let options: @Sendable (Visual) -> Options
    /// What it says when `--arrows` is given though it draws its steps anyway (nil: it does not).
    let arrowsAnyway: String?
    /// Refuses a visual the scene cannot show (default: accepts all).
    let check: @Sendable (Visual) throws(VisualError) -> Void
    /// Lays out the scene's input: sets the runs it shows, trains those it adds, counts its panels.
    let prepare: @Sendable (inout SceneSetup) throws(VisualError) -> Void
    /// Whether a run's divergence warning names it by its optimizer or schedule (its runs differ by them).
    let namesRunsInWarnings: Bool
    /// Whether its frames take longest to draw (a renderer of several scenes starts it first).
    let drawsSlowest: Bool
    /// The frames, when the scene times its own (nil: one per scheduled snapshot).
    let ownFrames: OwnFrames?
    /// The scene in plain words (``PlannedScene/description``).
    let describe: @Sendable (PlannedScene) -> String
    /// Adds to a visual what the scene needs and no default gives (``SceneKind/example(_:)``; default nothing).
    let completeExample: @Sendable (inout Visual) -> Void

    /// A scene that draws with `drawing` and is described by `describe`; the defaults fit a scene of one
    /// chart of the main run, from the loss surface's statistics, with no option, check or runs of its own.
    init(_ drawing: SceneDrawing, summary: String, isSingleRun: Bool = false, data: DataNeed = .statistics, drawsSeveralFeatures: Bool = false,
         drawsPenalty: Bool = false,
         baseRuns: @escaping @Sendable (Visual) -> BaseRuns = { _ in .main },
         extraRuns: @escaping @Sendable (Visual) -> [OptimizerKind] = { _ in [] },
         options: @escaping @Sendable (Visual) -> Options = { _ in [] }, arrowsAnyway: String? = nil,
         check: @escaping @Sendable (Visual) throws(VisualError) -> Void = { _ in },
         prepare: @escaping @Sendable (inout SceneSetup) throws(VisualError) -> Void = { _ in },
         namesRunsInWarnings: Bool = false, drawsSlowest: Bool = false, ownFrames: OwnFrames? = nil,
         example: @escaping @Sendable (inout Visual) -> Void = { _ in },
         describe: @escaping @Sendable (PlannedScene) -> String) {
        self.drawing = drawing
        self.summary = summary
        self.isSingleRun = isSingleRun
        self.data = data
        self.drawsSeveralFeatures = drawsSeveralFeatures
        self.drawsPenalty = drawsPenalty
        self.baseRuns = baseRuns
        self.extraRuns = extraRuns
        self.options = options
        self.arrowsAnyway = arrowsAnyway
        self.check = check
        self.prepare = prepare
        self.namesRunsInWarnings = namesRunsInWarnings
        self.drawsSlowest = drawsSlowest
        self.ownFrames = ownFrames
        self.describe = describe
        completeExample = example
    }

    /// The name: `--mode`'s value, manifests' `mode`, the default base name of its files.
    public var name: String { drawing.name }

    /// Its name as a visual holds it.
    public var kind: SceneKind { SceneKind(self) }
}

/// The frames of a scene that times its own (the steps scene's beats).
struct OwnFrames: Sendable {
    /// How many frames a run of `snapshots` snapshots takes under the visual's frame limit.
    let count: @Sendable (_ snapshots: Int, _ limit: Int?) -> Int
    /// The snapshot each of `frames` shows, given the run's snapshot count and the frame limit.
    let snapshots: @Sendable (_ frames: [Int], _ snapshotCount: Int, _ limit: Int?) -> [Int]
    /// A player's chapter title for frame `frame`, which shows snapshot `snapshot`.
    let chapter: @Sendable (_ frame: Int, _ snapshot: Int) -> String
}

/// What a scene's ``SceneDefinition/prepare`` works with: the visual and its data, the plan's runs, a
/// trainer for the runs it adds, and the input and panel count it sets (the input starts with the main
/// run, else the b-only run, and one panel).
struct SceneSetup {
    let visual: Visual
    let data: Dataset
    /// The run of m and b (nil when the plan trains none).
    let main: TrainingResult?
    /// The b-only run (nil when the plan trains none).
    let bOnly: TrainingResult?
    /// Trains the scene's own runs; its divergence warnings join the plan's.
    var trainer: Trainer
    /// What the scene draws.
    var input: SceneInput
    /// The panels drawn, which set the frame's default and least size.
    var panels = 1
}
