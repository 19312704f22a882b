extension Optimizer {
    /// Stochastic gradient descent: one point per update, in an order reshuffled every epoch
    /// (``EpochOrder``), so n updates an epoch, each θ ← θ − α·∇Jᵢ(θ) with Jᵢ the squared error of point i.
    /// The path is noisy; its mean follows the batch gradient.
    public struct StochasticDescent: OptimizerRule {
        public static let name = "sgd"
        public static let summary = "one point per update"
        public static let isStochastic = true

        /// SGD has no settings.
        public init(_ settings: OptimizerSettings = OptimizerSettings()) {}

        public var label: String { "SGD" }
        public func heading(_ number: (Double) -> String) -> String { "Stochastic gradient descent" }

        /// Δθ = −α·g, g the gradient of the update's one point.
        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            for i in g.indices { change[i] = -(c.rate * g[i]) }
        }
    }

    /// Stochastic gradient descent, one point per update.
    public static let sgd = Optimizer(StochasticDescent())
}

extension OptimizerNaming {
    /// Stochastic gradient descent (``Optimizer/StochasticDescent``).
    public static var sgd: Self { Self(registered: Optimizer.StochasticDescent.name) }
}
