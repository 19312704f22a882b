extension Optimizer {
    /// Nesterov momentum as PyTorch's `SGD(momentum=β, nesterov=True)` makes it, with full-batch gradients:
    ///
    ///     v ← β·v + g,    θ ← θ − α·(g + β·v)        (v₀ = 0)
    ///
    /// the step looks ahead along the new velocity: the gradient's −α·g plus −α·β·v with v after this
    /// update, the two arrows the contour draws. It overshoots less than heavy-ball momentum.
    public struct Nesterov: OptimizerRule {
        public static let name = "nesterov"
        public static let summary = "PyTorch's SGD with Nesterov momentum"
        public static let properName: String? = "Nesterov"
        public static let arrowLegend: (step: String, velocity: String?) = ("step −α∇J", "momentum −αβv")

        /// β, 0 ≤ β < 1.
        public var beta: Double
        /// The velocity v.
        public private(set) var velocity: [Double] = []

        /// Nesterov momentum β, no velocity yet.
        public init(beta: Double) { self.beta = beta }
        /// β from the settings' ``OptimizerSettings/momentum``.
        public init(_ settings: OptimizerSettings) { self.init(beta: settings.momentum) }

        public var label: String { "Nesterov" }
        public func heading(_ number: (Double) -> String) -> String { "Nesterov momentum (β = \(number(beta)))" }

        /// Δθ = −α·(g + β·v) after v ← β·v + g; drawn as −α·g and −α·β·v.
        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            let alpha = c.rate
            if velocity.count != g.count { velocity = [Double](repeating: 0, count: g.count) }
            for i in g.indices {
                velocity[i] = beta * velocity[i] + g[i]
                change[i] = -(alpha * (g[i] + beta * velocity[i]))
            }
        }

        /// The step, drawn as −α·g and −α·β·v with v after this update.
        public mutating func stepWithArrows(_ g: [Double], into change: inout [Double], _ c: StepContext) -> Arrows {
            let alpha = c.rate
            step(g, into: &change, c)
            return Arrows(step: g.map { -alpha * $0 }, velocity: velocity.map { -alpha * beta * $0 })
        }

        public static func == (a: Self, b: Self) -> Bool { a.beta == b.beta && a.velocity == b.velocity }
    }

    /// Nesterov momentum β.
    public static func nesterov(beta: Double) -> Optimizer { Optimizer(Nesterov(beta: beta)) }
}

extension OptimizerNaming {
    /// Nesterov momentum (``Optimizer/Nesterov``).
    public static var nesterov: Self { Self(registered: Optimizer.Nesterov.name) }
}
