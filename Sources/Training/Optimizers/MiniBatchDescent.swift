extension Optimizer {
    /// Mini-batch gradient descent: `size` points per update, reshuffled every epoch, so ⌈n/size⌉ updates
    /// an epoch, each θ ← θ − α·∇J_B(θ) with J_B the mean squared error of the batch B; the last batch of an
    /// epoch may be smaller. Between SGD (size 1) and batch descent (size n).
    public struct MiniBatchDescent: OptimizerRule {
        public static let name = "minibatch"
        public static let summary = "a mini-batch of points per update"
        public static let isStochastic = true

        /// Points per update (at most the number of points when run).
        public var size: Int

        /// Mini-batches of `size` points.
        public init(size: Int) { self.size = size }
        /// Mini-batches of the settings' ``OptimizerSettings/batchSize`` points.
        public init(_ settings: OptimizerSettings) { self.init(size: settings.batchSize) }

        public var pointsPerUpdate: Int { size }
        public var label: String { "mini-batch (\(size))" }
        public func heading(_ number: (Double) -> String) -> String { "Mini-batch gradient descent (\(size) per batch)" }

        /// Δθ = −α·g, g the mean gradient of the update's batch.
        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            for i in g.indices { change[i] = -(c.rate * g[i]) }
        }
    }

    /// Mini-batch gradient descent, `size` points per update.
    public static func minibatch(size: Int) -> Optimizer { Optimizer(MiniBatchDescent(size: size)) }
}

extension OptimizerNaming {
    /// Mini-batch gradient descent (``Optimizer/MiniBatchDescent``).
    public static var minibatch: Self { Self(registered: Optimizer.MiniBatchDescent.name) }
}
