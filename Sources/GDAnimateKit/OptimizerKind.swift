import Training

/// An optimizer by the name the command line and manifests use: `batch`, `sgd`, `minibatch`, `momentum`,
/// `nesterov`, `adam`, `rmsprop`, `adagrad`, `newton`. There is one for each optimizer in Training's
/// `Optimizer.registered`, in that order, and no other: ``allCases`` and ``init(rawValue:)`` read that
/// list, and the static members (`.momentum`, `.rmsprop`, …) come from each optimizer's own file through
/// `OptimizerNaming`. Their settings (batch size, β, β₁, β₂, ρ) are properties of ``Visual``.
public struct OptimizerKind: RawRepresentable, Hashable, CaseIterable, Sendable, CustomStringConvertible, OptimizerNaming {
    /// The name: `batch`, `sgd`, …
    public let rawValue: String

    /// The optimizer registered as `rawValue`, or nil for a name not registered.
    public init?(rawValue: String) {
        guard Optimizer.rule(named: rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    /// The optimizer registered as `name` (which must be registered).
    public init(registered name: String) {
        precondition(Optimizer.rule(named: name) != nil, "no optimizer is registered as '\(name)'")
        rawValue = name
    }

    /// Every registered optimizer, in the registry's order.
    public static var allCases: [OptimizerKind] { Optimizer.registered.map { OptimizerKind(registered: $0.name) } }

    /// The name.
    public var description: String { rawValue }

    /// What `--help` says of it: `sgd (one point per update)`.
    public var summary: String { "\(rawValue) (\(rule.summary))" }

    /// Whether its updates look at shuffled points one batch at a time (which needs the points, not
    /// only their statistics).
    public var isStochastic: Bool { rule.isStochastic }

    /// This optimizer with `settings`, ready to train.
    public func optimizer(_ settings: OptimizerSettings) -> Optimizer { Optimizer(named: rawValue, settings: settings)! }

    private var rule: any OptimizerRule.Type { Optimizer.rule(named: rawValue)! }
}

extension Visual {
    /// The optimizers' settings as this visual sets them.
    public var optimizerSettings: OptimizerSettings {
        var s = OptimizerSettings()
        (s.batchSize, s.momentum, s.beta1, s.beta2, s.rmsDecay) = (batchSize, momentum, beta1, beta2, rmsDecay)
        return s
    }
}
