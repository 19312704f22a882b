/// An optimizer with its settings, ready to run: how each update is made. `batch`, `sgd` and `minibatch`
/// differ in how many points an update looks at; the others use every point (full-batch gradients) and
/// differ in how the gradient becomes a step: PyTorch's conventions for momentum, Nesterov, Adam, RMSprop
/// and Adagrad (`torch.optim.SGD`, `Adam`, `RMSprop`, `Adagrad`), so their paths match what students see
/// there, and Newton's method θ ← θ − α·H⁻¹∇J.
///
/// Each optimizer is one ``OptimizerRule`` in its own file, which also adds its factory here
/// (``momentum(beta:)``, ``rmsprop(decay:)``, …); ``registered`` lists them all, once.
public struct Optimizer: Sendable, Equatable, CustomStringConvertible {
    /// Every optimizer, in the order the command line's help lists them: the one list that `--optimizer`,
    /// `--optimizers`, their help and manifests are made from.
    public static let registered: [any OptimizerRule.Type] = [
        BatchDescent.self, StochasticDescent.self, MiniBatchDescent.self,
        Momentum.self, Nesterov.self, Adam.self,
        RMSprop.self, Adagrad.self, Newton.self,
    ]

    /// The registered rule called `name`, or nil.
    public static func rule(named name: String) -> (any OptimizerRule.Type)? {
        registered.first { $0.name == name }
    }

    /// The registered optimizer called `name` with `settings`' values, or nil for a name not registered.
    public init?(named name: String, settings: OptimizerSettings = OptimizerSettings()) {
        guard let rule = Self.rule(named: name) else { return nil }
        self.init(rule.init(settings))
    }

    /// The optimizer `rule`, with its settings and no state.
    public init(_ rule: some OptimizerRule) { self.rule = rule }

    /// The rule, with no state: each run descends with a copy.
    public let rule: any OptimizerRule

    /// The optimizer's plain lowercase name, without its settings: `batch`, `sgd`, `minibatch`, …
    public var name: String { type(of: rule).name }

    /// How legends and readouts name it: `batch`, `SGD`, `mini-batch (20)`, `Adam`.
    public var label: String { rule.label }

    /// How headings name it, its settings written by `number`: `Adam (β₁ = 0.9, β₂ = 0.999)`.
    public func heading(_ number: (Double) -> String) -> String { rule.heading(number) }

    /// Whether updates look at a shuffled subset of the points.
    public var isStochastic: Bool { type(of: rule).isStochastic }

    /// The name.
    public var description: String { name }

    /// The same rule with the same settings (and state).
    public static func == (a: Optimizer, b: Optimizer) -> Bool { a.rule.isEqual(to: b.rule) }

    /// The proper names headings start with (`Adam`, `Nesterov`), which stay capitalised in a sentence.
    public static var properNames: [String] { registered.compactMap { $0.properName } }
}

extension OptimizerRule {
    /// Whether `other` is this rule with the same settings and state.
    func isEqual(to other: any OptimizerRule) -> Bool { (other as? Self) == self }
}
