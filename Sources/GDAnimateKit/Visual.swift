import FrameEncoder
import Rasterizer
import Training

/// Everything that makes one animation: the scene, the points, the optimizer and its settings, the frame
/// size and timing, the formats and the style.
///
/// The command line, a manifest entry and a Swift program all build this one value, and ``validate()``
/// checks it the same way for all three. Every property has the default the command line shows in its
/// help, so a visual of your own points needs two lines:
///
/// ```swift
/// var visual = Visual(scene: .contour, data: .points(Dataset(xs: xs, ys: ys, source: "my points")))
/// let report = try visual.render(into: "out")     // out/contour.gif
/// ```
public struct Visual: Sendable, Equatable {
    // MARK: What to draw

    /// The scene drawn.
    public var scene: SceneKind
    /// Base name of the files (NAME.gif, NAME/…); nil uses the scene's name.
    public var name: String?

    // MARK: Data

    /// The points fitted.
    public var data: DataSource
    /// Seed of the built-in data and of the stochastic optimizers' shuffles.
    public var seed: UInt64 = 0

    // MARK: Training

    /// The optimizer of the run (and the first of a comparison).
    public var optimizer: OptimizerKind = .batch
    /// The optimizers of `SceneKind.compare`, in legend order.
    public var compared: [OptimizerKind] = Visual.defaultCompared
    /// Points per mini-batch update (`OptimizerKind.minibatch`).
    public var batchSize = 20
    /// β of `OptimizerKind.momentum` and `.nesterov`, 0 ≤ β < 1.
    public var momentum = 0.9
    /// Adam's β₁, 0 ≤ β₁ < 1.
    public var beta1 = 0.9
    /// Adam's β₂, 0 ≤ β₂ < 1.
    public var beta2 = 0.999
    /// RMSprop's smoothing constant ρ of the mean square (torch's `alpha`), 0 ≤ ρ < 1.
    public var rmsDecay = 0.99
    /// The learning rate α, > 0.
    public var learningRate = 0.1
    /// How the rate changes from epoch to epoch (`learningRate` is the first epoch's).
    public var schedule: LearningRateSchedule = .constant
    /// The schedules `SceneKind.compare` shows side by side for ``optimizer`` (in place of ``compared``'s
    /// optimizers); nil compares optimizers.
    public var comparedSchedules: [LearningRateSchedule]?
    /// The rates of `SceneKind.lrSweep`; nil: ``LearningRateSweep/defaultFactors`` × the data's 2/λmax.
    public var sweepRates: [Double]?
    /// Passes over the data, 1 to ``maximumEpochs``.
    public var epochs = 100
    /// Starting slope.
    public var initialM = 0.0
    /// Starting intercept.
    public var initialB = 0.0
    /// The slope held in the b-only descent (bsweep); nil: the least-squares slope.
    public var fixedM: Double?
    /// A snapshot per epoch, or per update of a stochastic optimizer.
    public var snapshot: SnapshotInterval = .epoch

    // MARK: Frames and files

    /// Frame width in pixels; nil: the theme's default size, else `SceneKind.defaultSize(panels:)`.
    public var width: Int?
    /// Frame height in pixels; nil: the theme's default size, else `SceneKind.defaultSize(panels:)`.
    public var height: Int?
    /// Frames of the animation, 2 to 10,000; nil: every snapshot up to 201, else 200.
    public var frames: Int?
    /// Frame rate, holds and loop count.
    public var timing = AnimationTiming()
    /// The files written, in order; empty trains only.
    public var formats: [OutputFormat] = [.gif]
    /// Also write the last frame as NAME.png.
    public var poster = false

    // MARK: Style

    /// The loss scene's y axis.
    public var lossScale: LossScale = .auto
    /// Star the epoch of lowest loss (loss scene).
    public var markBest = false
    /// Draw the per-frame readout (epoch and numbers) under the plots.
    public var readout = true
    /// Draw the step −α∇J (and momentum's share of it) at the current point on every contour.
    public var arrows = false
    /// Colours and sizes: `Theme.light`, `Theme.dark` or `Theme.slide`.
    public var theme: Theme = .light
    /// The page behind the plots: opaque, or transparent where the format allows (GIF, WebP, PNG).
    public var background: PageBackground = .opaque
    /// The surface scene's camera: elevation, azimuth (nil: chosen from the data) and orbit.
    public var camera = SurfaceCamera()
    /// The dashboard shows the 3-D surface in place of the contour.
    public var surfacePanel = false
    /// The columns of the features after the first, for a CSV ``data`` of several features
    /// (ŷ = w₁x₁ + … + w_p·x_p + b); the first is the file's `x`.
    public var extraXColumns: [CSVData.Column] = []
    /// Standardize every feature, x′ = (x − x̄)/σ, before training; the fitted weights are said in both units.
    public var standardize = false
    /// The two weights a contour of several features is drawn over, by name (`["w1", "w3"]`); the other
    /// weights and b are held at their optimum, and the scene says it is a slice. nil: the first two.
    /// One feature's contour is over (m, b), the only pair it has.
    public var axes: [String]?
    /// A penalty on the weights, J = MSE + λ·[(1 − r)‖w‖₂² + r‖w‖₁] (ridge, lasso or the elastic net; the
    /// intercept is never penalised): every optimizer descends on it, lasso's part by a proximal step after
    /// each update, so a weight reaches exactly 0. nil: the plain mean squared error.
    public var penalty: Penalty?
    /// Fit a polynomial of this degree (1–20) in x: the features z, z², …, z^d of the standardized x, then
    /// standardized themselves (raw powers make descent hopeless); the line scene draws the fitted curve.
    /// nil: the line.
    public var degree: Int?
    /// The fraction of the points held out of training for validation (seeded by ``seed``), drawn hollow;
    /// the loss scene draws their loss beside the training loss. nil: none held out.
    public var validation: Double?

    /// A visual of `scene` on `data`, every other setting at its default.
    ///
    /// - Parameters:
    ///   - scene: The scene drawn (default: the contour of J(m, b) with the path).
    ///   - data: The points fitted (default: the `linear` preset).
    public init(scene: SceneKind = .contour, data: DataSource = .preset(.linear)) {
        self.scene = scene
        self.data = data
    }

    /// The number of features the data has: one for the line, more for a CSV with ``extraXColumns`` or the
    /// `correlated` preset.
    public var featureCount: Int { degree ?? inputCount }

    /// The number of the data's own features, before ``degree`` makes powers of one.
    var inputCount: Int {
        switch data {
        case .preset(let preset): return preset.featureCount
        case .file: return 1 + extraXColumns.count
        case .points(let points): return points.featureCount
        }
    }

    /// The model's parameters, as histories and readouts name them: `m`, `b` for one feature, `w1`…`wp`, `b`
    /// for several.
    public var parameterNames: [String] { featureCount == 1 ? ["m", "b"] : (1...featureCount).map { "w\($0)" } + ["b"] }

    /// The files' base name: ``name``, else the scene's.
    public var baseName: String { name ?? scene.rawValue }

    /// The optimizers `SceneKind.compare` shows unless told otherwise.
    public static let defaultCompared: [OptimizerKind] = [.batch, .sgd, .minibatch]
    /// λ of a penalty when none is given: visible on standardized features without flattening the fit.
    public static let defaultLambda = 0.1
    /// r of the elastic net when none is given: half L1, half L2.
    public static let defaultL1Ratio = 0.5
    /// The most epochs a visual may train.
    public static let maximumEpochs = 100_000
    /// The range of a frame side, in pixels.
    public static let sizeRange = 64...4096
    /// The range of ``frames``.
    public static let frameRange = 2...10_000
    /// The range of `AnimationTiming.fps`: GIF delays are whole centiseconds and browsers slow anything faster than 50.
    public static let fpsRange = 1...50
}

/// The page behind a visual's plots.
public enum PageBackground: String, CaseIterable, Sendable {
    /// The theme's page colour.
    case opaque
    /// Transparent outside the plots, so a slide or web page shows through; the plots keep their fill
    /// and the readout sits on a plate of the page colour. Anti-aliased edges of text on the page are
    /// blended with the theme's page colour, as a GIF must: pick the theme nearest the page it goes on.
    /// MP4 has no transparency and shows the page colour.
    case transparent
}

/// Where a visual's points come from.
public enum DataSource: Sendable, Equatable {
    /// A built-in data set, drawn from the visual's seed.
    case preset(Preset)
    /// A CSV file; the columns by header name or 1-based number (nil: `x` and `y`, else the first two
    /// numeric columns).
    case file(path: String, x: CSVData.Column? = nil, y: CSVData.Column? = nil)
    /// Points a program already has.
    case points(Dataset)
}
