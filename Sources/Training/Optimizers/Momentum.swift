extension Optimizer {
    /// Heavy-ball momentum as PyTorch's `SGD(momentum=β)` makes it, with full-batch gradients:
    ///
    ///     v ← β·v + g,    θ ← θ − α·v        (v₀ = 0)
    ///
    /// so the step −α·v is the gradient's −α·g plus the velocity's share −α·β·v of the last step: the two
    /// arrows the contour draws. With β = 0 it is batch descent; near 1 it carries speed across a narrow
    /// valley and overshoots.
    public struct Momentum: OptimizerRule {
        public static let name = "momentum"
        public static let summary = "heavy ball, PyTorch's SGD with momentum"
        public static let arrowLegend: (step: String, velocity: String?) = ("step −α∇J", "momentum −αβv")

        /// β, 0 ≤ β < 1.
        public var beta: Double
        /// The velocity v.
        public private(set) var velocity: [Double] = []

        /// Momentum β, no velocity yet.
        public init(beta: Double) { self.beta = beta }
        /// β from the settings' ``OptimizerSettings/momentum``.
        public init(_ settings: OptimizerSettings) { self.init(beta: settings.momentum) }

        public var label: String { "momentum" }
        public func heading(_ number: (Double) -> String) -> String { "Gradient descent with momentum (β = \(number(beta)))" }

        /// Δθ = −α·v after v ← β·v + g; drawn as −α·g and −α·β·v (v before this update).
        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            let alpha = c.rate
            if velocity.count != g.count { velocity = [Double](repeating: 0, count: g.count) }
            for i in g.indices {
                velocity[i] = beta * velocity[i] + g[i]
                change[i] = -(alpha * velocity[i])
            }
        }

        /// The step, drawn as −α·g and −α·β·v with v before this update.
        public mutating func stepWithArrows(_ g: [Double], into change: inout [Double], _ c: StepContext) -> Arrows {
            let alpha = c.rate
            let before = velocity.count == g.count ? velocity : [Double](repeating: 0, count: g.count)
            step(g, into: &change, c)
            return Arrows(step: g.map { -alpha * $0 }, velocity: before.map { -alpha * beta * $0 })
        }

        public static func == (a: Self, b: Self) -> Bool { a.beta == b.beta && a.velocity == b.velocity }
    }

    /// Heavy-ball momentum β.
    public static func momentum(beta: Double) -> Optimizer { Optimizer(Momentum(beta: beta)) }
}

extension OptimizerNaming {
    /// Heavy-ball momentum (``Optimizer/Momentum``).
    public static var momentum: Self { Self(registered: Optimizer.Momentum.name) }
}
