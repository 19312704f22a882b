extension Optimizer {
    /// RMSprop as PyTorch's `RMSprop` makes it with its defaults (no momentum, not centred, ε = 10⁻⁸),
    /// with full-batch gradients: a moving mean of the squared gradient scales each coordinate's step,
    ///
    ///     v ← ρ·v + (1 − ρ)·g²,    θ ← θ − α·g / (√v + ε)        (v₀ = 0)
    ///
    /// ρ is torch's `alpha` (0.99 there and here; this library's α is the learning rate). A coordinate
    /// with steep gradients steps less, a flat one more, so the path heads for the minimum more directly
    /// than the gradient across an elongated bowl; the first step is α/√(1 − ρ) per coordinate (10·α at
    /// ρ = 0.99), whatever the gradient's size.
    public struct RMSprop: OptimizerRule {
        public static let name = "rmsprop"
        public static let summary = "PyTorch's RMSprop"
        public static let properName: String? = "RMSprop"
        public static let arrowLegend: (step: String, velocity: String?) = ("step −α∇J/(√v + ε)", nil)
        /// ε, added to the root of the mean square (torch's default).
        public static let epsilon = 1e-8

        /// ρ, the smoothing constant of the mean square, 0 ≤ ρ < 1.
        public var decay: Double
        /// The moving mean v of g², per coordinate.
        public private(set) var meanSquare: [Double] = []

        /// RMSprop with smoothing constant `decay` (ρ), no mean square yet.
        public init(decay: Double) { self.decay = decay }
        /// ρ from the settings' ``OptimizerSettings/rmsDecay``.
        public init(_ settings: OptimizerSettings) { self.init(decay: settings.rmsDecay) }

        public var label: String { "RMSprop" }
        public func heading(_ number: (Double) -> String) -> String { "RMSprop (ρ = \(number(decay)))" }

        /// Δθ = −α·g/(√v + ε) after v ← ρ·v + (1 − ρ)·g², per coordinate.
        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            let alpha = c.rate, rho = decay, eps = Self.epsilon
            if meanSquare.count != g.count { meanSquare = [Double](repeating: 0, count: g.count) }
            for i in g.indices {
                meanSquare[i] = rho * meanSquare[i] + (1 - rho) * (g[i] * g[i])
                change[i] = -(alpha * (g[i] / (meanSquare[i].squareRoot() + eps)))
            }
        }

        public static func == (a: Self, b: Self) -> Bool { a.decay == b.decay && a.meanSquare == b.meanSquare }
    }

    /// RMSprop with smoothing constant ρ = `decay` (torch's `alpha`).
    public static func rmsprop(decay: Double) -> Optimizer { Optimizer(RMSprop(decay: decay)) }
}

extension OptimizerNaming {
    /// RMSprop (``Optimizer/RMSprop``).
    public static var rmsprop: Self { Self(registered: Optimizer.RMSprop.name) }
}
