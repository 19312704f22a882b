extension Optimizer {
    /// Batch gradient descent: every point in every update, one update per epoch,
    ///
    ///     θ ← θ − α·∇J(θ).
    ///
    /// Stable for α < 2/λmax, λmax the largest eigenvalue of the Hessian (``LossSurface/stabilityLimit``).
    public struct BatchDescent: OptimizerRule {
        public static let name = "batch"
        public static let summary = "all points per update"

        /// Batch descent has no settings.
        public init(_ settings: OptimizerSettings = OptimizerSettings()) {}

        public var label: String { "batch" }
        public func heading(_ number: (Double) -> String) -> String { "Batch gradient descent" }

        /// Δθ = −α·g.
        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            for i in g.indices { change[i] = -(c.rate * g[i]) }
        }
    }

    /// Batch gradient descent.
    public static let batch = Optimizer(BatchDescent())
}

extension OptimizerNaming {
    /// Batch gradient descent (``Optimizer/BatchDescent``).
    public static var batch: Self { Self(registered: Optimizer.BatchDescent.name) }
}
