#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Optimizer {
    /// Adam as PyTorch's `Adam(betas=(β₁, β₂), eps=1e-8)` makes it, with full-batch gradients: moving
    /// means of the gradient and of its square, each corrected for its start at zero, at update t
    ///
    ///     m₁ ← β₁·m₁ + (1 − β₁)·g,    m₂ ← β₂·m₂ + (1 − β₂)·g²
    ///     θ ← θ − α/(1 − β₁ᵗ) · m₁ / (√m₂ / √(1 − β₂ᵗ) + ε),    ε = 10⁻⁸
    ///
    /// in torch's order of operations. Each coordinate steps about α at first, whatever the gradient's
    /// size. The contour draws −α·g, what the gradient alone asks for.
    public struct Adam: OptimizerRule {
        public static let name = "adam"
        public static let summary = "PyTorch's Adam"
        public static let properName: String? = "Adam"
        /// ε, added to the root of the second moment (torch's default).
        public static let epsilon = 1e-8

        /// β₁ and β₂, each 0 ≤ β < 1.
        public var beta1: Double, beta2: Double
        /// The first and second moments m₁ and m₂.
        public private(set) var moments: (first: [Double], second: [Double]) = ([], [])

        /// Adam with β₁ and β₂, no moments yet.
        public init(beta1: Double, beta2: Double) { (self.beta1, self.beta2) = (beta1, beta2) }
        /// β₁ and β₂ from the settings' ``OptimizerSettings/beta1`` and ``OptimizerSettings/beta2``.
        public init(_ settings: OptimizerSettings) { self.init(beta1: settings.beta1, beta2: settings.beta2) }

        public var label: String { "Adam" }
        public func heading(_ number: (Double) -> String) -> String { "Adam (β₁ = \(number(beta1)), β₂ = \(number(beta2)))" }

        @inline(__always)
        public mutating func step(_ g: [Double], into change: inout [Double], _ c: StepContext) {
            let alpha = c.rate, eps = Self.epsilon
            if moments.first.count != g.count { moments = ([Double](repeating: 0, count: g.count), [Double](repeating: 0, count: g.count)) }
            // torch.optim.Adam's order of operations: step = α / (1 − β1ᵗ), denominator √v / √(1 − β2ᵗ) + ε.
            let stepSize = alpha / (1 - pow(beta1, Double(c.update)))
            let root2 = (1 - pow(beta2, Double(c.update))).squareRoot()
            for i in g.indices {
                moments.first[i] = beta1 * moments.first[i] + (1 - beta1) * g[i]
                moments.second[i] = beta2 * moments.second[i] + (1 - beta2) * g[i] * g[i]
                change[i] = -(stepSize * (moments.first[i] / (moments.second[i].squareRoot() / root2 + eps)))
            }
        }

        /// The step, drawn as −α·g: what the gradient alone asks for.
        public mutating func stepWithArrows(_ g: [Double], into change: inout [Double], _ c: StepContext) -> Arrows {
            step(g, into: &change, c)
            return Arrows(step: g.map { -c.rate * $0 }, velocity: nil)
        }

        public static func == (a: Self, b: Self) -> Bool {
            a.beta1 == b.beta1 && a.beta2 == b.beta2 && a.moments.first == b.moments.first && a.moments.second == b.moments.second
        }
    }

    /// Adam with β₁ and β₂.
    public static func adam(beta1: Double, beta2: Double) -> Optimizer { Optimizer(Adam(beta1: beta1, beta2: beta2)) }
}

extension OptimizerNaming {
    /// Adam (``Optimizer/Adam``).
    public static var adam: Self { Self(registered: Optimizer.Adam.name) }
}
