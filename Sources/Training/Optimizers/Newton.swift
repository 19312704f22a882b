extension Optimizer {
    /// Newton's method, damped by the learning rate: the step that minimises the loss's quadratic model
    /// at θ, scaled by α,
    ///
    ///     θ ← θ − α·H⁻¹·∇J(θ),    H = ∇²J = 2·[[mean x², x̄], [x̄, 1]]
    ///
    /// (``Hessian``; with m held fixed, H = 2). The mean squared error is exactly quadratic, so its model is
    /// the loss itself: at α = 1 the first step lands on the least-squares optimum, whatever the start and
    /// however elongated the bowl. That is the lesson: gradient descent's zig-zag comes from ignoring the
    /// curvature that H supplies. With 0 < α < 2 each step shrinks the distance to the optimum by the factor
    /// |1 − α| along a straight line; α ≥ 2 never converges. H is singular only for constant x, which
    /// ``LossSurface`` refuses before any step.
    public struct Newton: OptimizerRule {
        public static let name = "newton"
        public static let summary = "θ ← θ − α·H⁻¹∇J with the loss's Hessian H"
        public static let properName: String? = "Newton"
        public static let usesHessian = true
        public static let arrowLegend: (step: String, velocity: String?) = ("step −αH⁻¹∇J", nil)

        /// Newton's method has no settings or state.
        public init(_ settings: OptimizerSettings = OptimizerSettings()) {}

        public var label: String { "Newton" }
        public func heading(_ number: (Double) -> String) -> String { "Newton's method" }

        /// Δθ = −α·H⁻¹g (NaN for a singular H, which ``GradientDescent/run(_:_:each:)`` refuses first).
        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            let d = c.hessian.solve(g) ?? [Double](repeating: .nan, count: g.count)
            for i in g.indices { change[i] = -(c.rate * d[i]) }
        }
    }

    /// Newton's method θ ← θ − α·H⁻¹∇J.
    public static let newton = Optimizer(Newton())
}

extension OptimizerNaming {
    /// Newton's method (``Optimizer/Newton``).
    public static var newton: Self { Self(registered: Optimizer.Newton.name) }
}
