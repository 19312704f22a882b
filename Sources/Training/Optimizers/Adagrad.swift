extension Optimizer {
    /// Adagrad as PyTorch's `Adagrad` makes it with its defaults (`lr_decay` 0, initial accumulator 0,
    /// ε = 10⁻¹⁰), with full-batch gradients: the sum of every squared gradient so far scales each
    /// coordinate's step,
    ///
    ///     s ← s + g²,    θ ← θ − α·g / (√s + ε)        (s₀ = 0)
    ///
    /// The first step is α per coordinate whatever the gradient's size; as s only grows, the steps shrink
    /// like 1/√t even at a constant rate, and a coordinate that has seen steep gradients slows for good.
    public struct Adagrad: OptimizerRule {
        public static let name = "adagrad"
        public static let summary = "PyTorch's Adagrad"
        public static let properName: String? = "Adagrad"
        public static let arrowLegend: (step: String, velocity: String?) = ("step −α∇J/(√s + ε)", nil)
        /// ε, added to the root of the sum (torch's default).
        public static let epsilon = 1e-10

        /// The running sum s of g², per coordinate.
        public private(set) var sumOfSquares: [Double] = []

        /// Adagrad with no sum yet (it has no settings).
        public init(_ settings: OptimizerSettings = OptimizerSettings()) {}

        public var label: String { "Adagrad" }
        public func heading(_ number: (Double) -> String) -> String { "Adagrad" }

        /// Δθ = −α·g/(√s + ε) after s ← s + g², per coordinate.
        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            let alpha = c.rate, eps = Self.epsilon
            if sumOfSquares.count != g.count { sumOfSquares = [Double](repeating: 0, count: g.count) }
            for i in g.indices {
                sumOfSquares[i] = sumOfSquares[i] + g[i] * g[i]
                change[i] = -(alpha * (g[i] / (sumOfSquares[i].squareRoot() + eps)))
            }
        }

        public static func == (a: Self, b: Self) -> Bool { a.sumOfSquares == b.sumOfSquares }
    }

    /// Adagrad.
    public static let adagrad = Optimizer(Adagrad())
}

extension OptimizerNaming {
    /// Adagrad (``Optimizer/Adagrad``).
    public static var adagrad: Self { Self(registered: Optimizer.Adagrad.name) }
}
