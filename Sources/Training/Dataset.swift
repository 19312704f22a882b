/// A set of points (xᵢ, yᵢ) to fit with ŷ = m·x + b, or, with several features, (xᵢ₁…xᵢₚ, yᵢ) to fit with
/// ŷ = w₁·x₁ + … + w_p·x_p + b.
public struct Dataset: Sendable, Equatable {
    /// The x values, one per point: the first feature's.
    public var xs: [Double]
    /// The values of the features after the first (x₂…x_p), one array per feature, each paired with `xs`
    /// by index; empty for one feature.
    public var extraFeatures: [[Double]] = []
    /// The features' names, as the CSV's header or the preset gives them (`x` for one unnamed feature).
    public var featureNames: [String] = ["x"]
    /// How the features were standardized, when they were (``standardizingFeatures()``).
    public var scaling: FeatureScaling?
    /// The y values, paired with `xs` by index.
    public var ys: [Double]
    /// Where the points came from, for titles and exports: a preset name or a file name.
    public var source: String
    /// The points' statistics alone, when the points themselves were not kept (a large file read for
    /// scenes that need only the loss surface); `xs` and `ys` are then empty.
    public var summary: DataSummary?

    /// The points (xs[i], ys[i]) from `source`. `xs` and `ys` should have the same count; ``isPaired``
    /// says whether they do, and planning a visual of unpaired points is an error, not a crash.
    public init(xs: [Double], ys: [Double], source: String) {
        self.xs = xs
        self.ys = ys
        self.source = source
    }

    /// The points' statistics alone, from `source` (see ``summary``).
    public init(summary: DataSummary, source: String) {
        self.init(xs: [], ys: [], source: source)
        self.summary = summary
    }

    /// Points with several features: `columns[j]` holds feature j's values, named `names[j]`.
    public init(columns: [[Double]], ys: [Double], names: [String], source: String) {
        self.init(xs: columns.first ?? [], ys: ys, source: source)
        extraFeatures = Array(columns.dropFirst())
        featureNames = names
    }

    /// Several features' statistics alone, when the points themselves were not kept (a large file read for
    /// batch descent); the columns are then empty.
    public var featureSummary: FeatureSummary?

    /// How these features were made from one input x, when they are its powers (`--degree`): scenes draw the
    /// fit as a curve over x.
    public var curve: PolynomialCurve?
    /// The points held out for validation, when some were (`--validation`).
    public var heldOut: HeldOut?

    /// Several features' statistics alone, named `names`, from `source`.
    public init(featureSummary: FeatureSummary, names: [String], source: String) {
        self.init(columns: Array(repeating: [], count: featureSummary.features), ys: [], names: names, source: source)
        self.featureSummary = featureSummary
    }

    /// p, the number of features.
    public var featureCount: Int { 1 + extraFeatures.count }

    /// Every feature's values, the first (`xs`) first.
    public var featureColumns: [[Double]] { [xs] + extraFeatures }

    /// The number of points, n.
    public var count: Int { featureSummary?.count ?? summary?.count ?? xs.count }

    /// Whether the points themselves are here (not only their statistics).
    public var hasPoints: Bool { summary == nil && featureSummary == nil }

    /// Whether every x has its y (the counts match).
    public var isPaired: Bool { xs.count == ys.count && extraFeatures.allSatisfy { $0.count == ys.count } }

    /// x standardized to zero mean and unit (population) standard deviation, y unchanged: the data of
    /// the feature-scaling lesson. Nil when x does not vary. The fit on standardized x', m'·x' + b',
    /// is the same line as m·x + b with m = m'/σ and b = b' − m'·x̄/σ.
    public func standardizingX() -> Dataset? {
        let n = Double(count)
        let mean = xs.reduce(0, +) / n
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let sd = variance.squareRoot()
        guard sd > 0 && sd.isFinite else { return nil }
        return Dataset(xs: xs.map { ($0 - mean) / sd }, ys: ys, source: source + ", x standardized")
    }
}

/// The course material's built-in data recipes, each drawn from `SplitMix64(seed:)`.
public enum Preset: String, CaseIterable, Sendable {
    /// 100 points, x = 2·U[0,1), y = 4 + 3x + N(0, 1).
    case linear
    /// 1000 points, x ~ U[0, 10), y = 5x + 3 + N(0, 4²).
    case wide
    /// 100 points, x ~ N(0, 1), y = w·x + N(0, 20²), with the true slope w ~ U[10, 100) drawn first.
    case noisy
    /// 200 points of two correlated features (correlation 0.9): x₁ = 2 + z₁, x₂ = 1 + 0.9·z₁ + √0.19·z₂
    /// with z ~ N(0, 1), y = 4 + 3x₁ − 2x₂ + N(0, 0.5²): the long, tilted valley of correlated weights.
    case correlated
    /// 30 points of scikit-learn's "Underfitting vs. Overfitting" example: x ~ U[0, 1) sorted,
    /// y = cos(1.5πx) + N(0, 0.1²): a curve a line underfits and a degree-15 polynomial overfits
    /// (``Preset/waveRecipe(_:)``).
    case wave
    /// 40 students, hours studied h ~ U[0.5, 6) and passed (1) when h + 0.6·log(u/(1 − u)) > 3, u ~ U(0, 1):
    /// labels drawn from a logistic model with its boundary at 3 hours, the classes overlapping (logistic
    /// regression's first lesson, one feature).
    case passFail = "pass-fail"
    /// 200 points of two overlapping Gaussian classes, alternately 0 and 1: class 0 around (−1, −0.5),
    /// class 1 around (1, 0.8), both N(·, I) (logistic regression on two features).
    case twoBlobs = "two-blobs"
    /// 100 points of two classes split by the line x₁ + x₂ = 0 with a margin: class 0 around (−2, −2),
    /// class 1 around (2, 2), N(·, 0.8²·I) redrawn until x₁ + x₂ is beyond ∓1. Linearly separable, so no
    /// finite weights minimise the cross-entropy: they grow without bound while the loss creeps to 0.
    case separable

    /// The number of features its points have.
    public var featureCount: Int { [.correlated, .twoBlobs, .separable].contains(self) ? 2 : 1 }

    /// The points of this recipe for `seed`. The same seed gives the same points on every machine
    /// (up to the last bit of the C library's `log`, which the normal deviates use).
    public func generate(seed: UInt64) -> Dataset {
        var rng = SplitMix64(seed: seed)
        var xs: [Double] = []
        var ys: [Double] = []
        switch self {
        case .passFail, .twoBlobs, .separable: return classification(&rng, seed: seed)
        case .linear:
            xs = (0..<100).map { _ in 2 * rng.uniform() }
            ys = xs.map { 4 + 3 * $0 + rng.normal() }
        case .wide:
            xs = (0..<1000).map { _ in 10 * rng.uniform() }
            ys = xs.map { 5 * $0 + 3 + 4 * rng.normal() }
        case .noisy:
            let w = 10 + 90 * rng.uniform()
            xs = (0..<100).map { _ in rng.normal() }
            ys = xs.map { w * $0 + 20 * rng.normal() }
        case .correlated:
            var x1: [Double] = [], x2: [Double] = []
            for _ in 0..<200 {
                let z1 = rng.normal(), z2 = rng.normal()
                x1.append(2 + z1)
                x2.append(1 + 0.9 * z1 + 0.19.squareRoot() * z2)
            }
            ys = zip(x1, x2).map { 4 + 3 * $0 - 2 * $1 + 0.5 * rng.normal() }
            return Dataset(columns: [x1, x2], ys: ys, names: ["x1", "x2"], source: "preset \(rawValue) (seed \(seed))")
        case .wave:
            (xs, ys) = Self.waveRecipe(&rng)
        }
        return Dataset(xs: xs, ys: ys, source: "preset \(rawValue) (seed \(seed))")
    }
}
