/// One optimizer, as `torch.optim` has one class per optimizer: its settings, its per-parameter state and
/// ``step(_:into:_:)``, which turns the gradient g = ∇J(θ) (and, for Newton's method, the Hessian
/// H = ∇²J) into the change Δθ of the parameters θ ∈ ℝᵏ, θ ← θ + Δθ, coordinate by coordinate: the
/// line's (m, b) or any model's weights and intercept (``Model``).
///
/// A rule is a value. One made by ``init(_:)`` has no state yet (zero velocity, zero moments), and
/// ``GradientDescent/run(_:_:each:)`` descends with a copy of it, so a ``TrainingConfig`` can be run any
/// number of times. The rate α of every step is the run's, under its learning-rate schedule.
///
/// Adding an optimizer is one file in `Sources/Training/Optimizers/` holding a type that conforms to this
/// protocol, its factory on ``Optimizer`` and its name on ``OptimizerNaming``, and one line in
/// ``Optimizer/registered``: the command line's `--optimizer` and `--optimizers`, their help, manifests and
/// the contour's arrows all come from there.
public protocol OptimizerRule: Sendable, Equatable {
    /// The name the command line and manifests use: one lowercase word (`momentum`).
    static var name: String { get }
    /// A few words for `--help` on how it updates (`heavy ball, PyTorch's SGD with momentum`).
    static var summary: String { get }
    /// The proper name a heading starts with (`Adam`), kept capitalised inside a sentence; nil for a
    /// heading that starts with a common word (`Batch gradient descent`). Default nil.
    static var properName: String? { get }
    /// Whether each update looks at a shuffled subset of the points (``pointsPerUpdate``) rather than at
    /// the whole batch, whose gradient the loss surface's statistics give in O(1). Default false.
    static var isStochastic: Bool { get }
    /// Whether ``step(_:_:)`` reads the Hessian, which must then be invertible. Default false.
    static var usesHessian: Bool { get }
    /// What the contour's legend calls the two arrows ``Arrows/step`` and ``Arrows/velocity``
    /// (nil: this rule draws no velocity). Default `step −α∇J` and none.
    static var arrowLegend: (step: String, velocity: String?) { get }

    /// The rule with `settings`' values for the settings it has, and no state.
    init(_ settings: OptimizerSettings)

    /// Points per update of a stochastic rule (at most the number of points; the last batch of an epoch
    /// may be smaller). Ignored for a full-batch rule. Default 1.
    var pointsPerUpdate: Int { get }
    /// How legends name it: `batch`, `mini-batch (20)`, `Adam`.
    var label: String { get }
    /// How headings name it, its settings written by `number`: `Gradient descent with momentum (β = 0.9)`.
    func heading(_ number: (Double) -> String) -> String

    /// Advances the state by one update and writes the change Δθ of the parameters into `change`.
    ///
    /// - Parameters:
    ///   - g: The gradient ∇J of the update, one entry per parameter: of every point, or of the update's
    ///     batch for a stochastic rule; 0 for a parameter held fixed (m in the b-only run).
    ///   - change: Δθ, of g's count, overwritten.
    ///   - context: The rate α, the update's number t (from 1) and the Hessian.
    mutating func step(_ g: [Double], into change: inout [Double], _ context: StepContext)

    /// ``step(_:into:_:)``, and the arrows the contour draws for it. Default: the change itself as the step
    /// arrow, no velocity; rules whose step mixes in a velocity or a scaling say what the gradient asks for.
    mutating func stepWithArrows(_ g: [Double], into change: inout [Double], _ context: StepContext) -> Arrows

    /// Runs the epochs of `run` with this rule. Do not implement it: the default is
    /// ``GradientDescent``'s loop, and being a requirement is what compiles that loop once for each
    /// rule, so that an update calls ``step(_:_:)`` directly, with no dynamic dispatch per point.
    mutating func descend<M: Model>(_ run: inout GradientDescent.Run<M>)
}

/// What a step knows besides the gradient.
public struct StepContext: Sendable {
    /// The learning rate α of this update (the schedule's rate of its epoch).
    public var rate: Double
    /// t: this update's number in the run, 1 for the first (torch's `state['step']`).
    public var update: Int
    /// The Hessian of J (constant: J is quadratic in θ); with m held fixed, that of J(b).
    public var hessian: Hessian

    /// The context of update `update` at rate `rate` on a loss with Hessian `hessian`.
    public init(rate: Double, update: Int, hessian: Hessian) {
        self.rate = rate
        self.update = update
        self.hessian = hessian
    }
}

/// How the contour draws one update: the step arrow from θ (plain descent, momentum and Adam draw −α∇J,
/// what the gradient alone asks for; the others their change itself) and the velocity's share of the
/// change (momentum's −αβv), drawn as a second arrow.
public struct Arrows: Sendable, Equatable {
    /// The step arrow, one entry per parameter.
    public var step: [Double]
    /// The velocity arrow; nil: none.
    public var velocity: [Double]?

    /// The arrows `step` and `velocity`.
    public init(step: [Double], velocity: [Double]?) {
        self.step = step
        self.velocity = velocity
    }
}

extension OptimizerRule {
    public static var properName: String? { nil }
    public static var isStochastic: Bool { false }
    public static var usesHessian: Bool { false }
    public static var arrowLegend: (step: String, velocity: String?) { ("step −α∇J", nil) }
    public var pointsPerUpdate: Int { 1 }

    public mutating func stepWithArrows(_ g: [Double], into change: inout [Double], _ context: StepContext) -> Arrows {
        step(g, into: &change, context)
        return Arrows(step: change, velocity: nil)
    }

    public mutating func descend<M: Model>(_ run: inout GradientDescent.Run<M>) { run.descend(&self) }
}
