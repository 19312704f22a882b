/// One optimizer, as `torch.optim` has one class per optimizer: its settings, its state and ``step(_:_:)``,
/// which turns the gradient g = ∇J(m, b) (and, for Newton's method, the Hessian H = ∇²J) into the change
/// Δθ of the parameters θ = (m, b), θ ← θ + Δθ.
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
    /// What the contour's legend calls the two arrows ``Update/stepArrow`` and ``Update/velocityArrow``
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

    /// Advances the state by one update and returns the change of the parameters.
    ///
    /// - Parameters:
    ///   - g: The gradient (∂J/∂m, ∂J/∂b) of the update: of every point, or of the update's batch for
    ///     a stochastic rule; ∂J/∂m is 0 when m is held fixed (the b-only run).
    ///   - context: The rate α, the update's number t (from 1) and the Hessian.
    mutating func step(_ g: (dm: Double, db: Double), _ context: StepContext) -> Update

    /// Runs the epochs of `run` with this rule. Do not implement it: the default is
    /// ``GradientDescent``'s loop, and being a requirement is what compiles that loop once for each
    /// rule, so that an update calls ``step(_:_:)`` directly, with no dynamic dispatch per point.
    mutating func descend(_ run: inout GradientDescent.Run)
}

/// What a step knows besides the gradient.
public struct StepContext: Sendable {
    /// The learning rate α of this update (the schedule's rate of its epoch).
    public var rate: Double
    /// t: this update's number in the run, 1 for the first (torch's `state['step']`).
    public var update: Int
    /// The Hessian of J (constant: J is quadratic in (m, b)); with m held fixed, that of J(b).
    public var hessian: Hessian

    /// The context of update `update` at rate `rate` on a loss with Hessian `hessian`.
    public init(rate: Double, update: Int, hessian: Hessian) {
        self.rate = rate
        self.update = update
        self.hessian = hessian
    }
}

/// One update: the change of the parameters and how the contour draws it.
public struct Update: Sendable {
    /// Δθ = (Δm, Δb): the parameters become θ + Δθ.
    public var change: (m: Double, b: Double)
    /// The step arrow drawn from θ (the change itself unless the rule says otherwise: plain descent,
    /// momentum and Adam draw −α∇J, what the gradient alone asks for).
    public var stepArrow: (m: Double, b: Double)
    /// The velocity's share of the change (momentum's −αβv), drawn as a second arrow; nil: none.
    public var velocityArrow: (m: Double, b: Double)?

    /// The change Δθ, drawn as `stepArrow` (default Δθ itself) and `velocityArrow`.
    @inline(__always)
    public init(change: (m: Double, b: Double), stepArrow: (m: Double, b: Double)? = nil, velocityArrow: (m: Double, b: Double)? = nil) {
        self.change = change
        self.stepArrow = stepArrow ?? change
        self.velocityArrow = velocityArrow
    }
}

extension OptimizerRule {
    public static var properName: String? { nil }
    public static var isStochastic: Bool { false }
    public static var usesHessian: Bool { false }
    public static var arrowLegend: (step: String, velocity: String?) { ("step −α∇J", nil) }
    public var pointsPerUpdate: Int { 1 }

    public mutating func descend(_ run: inout GradientDescent.Run) { run.descend(&self) }
}
