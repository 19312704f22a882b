/// A penalty on a linear model's weights w (never on its intercept b): ridge (L2), lasso (L1) or the elastic
/// net between them, added to the mean squared error as
///
///     J(θ) = MSE(θ) + λ·[(1 − r)·‖w‖₂² + r·‖w‖₁],      λ ≥ 0, r ∈ [0, 1],
///
/// with r = 0 for ridge, r = 1 for lasso and r given for the elastic net (``l1Ratio``). The squared part is
/// smooth and goes into the gradient (``addSmoothGradient(_:into:)``); the absolute part is not
/// differentiable at 0 and is taken by a proximal step after each gradient step (``proximal(_:rate:)``,
/// soft-thresholding: ISTA), which is what sets a weight to exactly 0 and keeps it there.
///
/// ## scikit-learn's scalings
///
/// scikit-learn scales each estimator's objective its own way (n points, intercept fitted and not penalised
/// in all three):
///
/// - `Ridge(alpha)` minimises ‖y − Xw‖² + α‖w‖². Divided by n: MSE + (α/n)‖w‖², so **λ = α/n**, r = 0.
/// - `Lasso(alpha)` minimises (1/2n)‖y − Xw‖² + α‖w‖₁. Times 2: MSE + 2α‖w‖₁, so **λ = 2α**, r = 1.
/// - `ElasticNet(alpha, l1_ratio=ρ)` minimises (1/2n)‖y − Xw‖² + αρ‖w‖₁ + (α(1 − ρ)/2)‖w‖². Times 2:
///   MSE + 2αρ‖w‖₁ + α(1 − ρ)‖w‖², so λr = 2αρ and λ(1 − r) = α(1 − ρ):
///   **λ = α(1 + ρ), r = 2ρ/(1 + ρ)**; back again, **α = λ(1 − r/2), ρ = r/(2 − r)**.
///   Note that our r is not scikit-learn's `l1_ratio` except at 0 and 1 (its 0.5 is our 2/3).
///
/// ``init(scikitLearn:count:)`` and ``scikitLearn(count:)`` convert both ways.
public struct Penalty: Sendable, Equatable, CustomStringConvertible {
    /// Which norm of the weights is penalised.
    public enum Kind: String, CaseIterable, Sendable {
        /// Ridge: λ‖w‖₂², r = 0.
        case l2
        /// Lasso: λ‖w‖₁, r = 1.
        case l1
        /// Elastic net: λ[(1 − r)‖w‖₂² + r‖w‖₁], r given.
        case elastic
    }

    /// Why a penalty cannot be made, in the library's words (the command line names its own flags).
    public enum Invalid: Error, Equatable, CustomStringConvertible {
        /// λ is negative or not a finite number.
        case lambda(Double)
        /// The elastic net's r is outside [0, 1] or not finite.
        case l1Ratio(Double)
        /// An l1Ratio was given to ridge or lasso, whose r is fixed (0 or 1).
        case l1RatioWithout(Kind)

        public var description: String {
            switch self {
            case .lambda(let v): return "the penalty's strength lambda is \(v); it must be a finite number ≥ 0"
            case .l1Ratio(let v): return "the elastic net's l1Ratio is \(v); it must lie between 0 (ridge) and 1 (lasso)"
            case .l1RatioWithout(let k): return "an l1Ratio belongs to the elastic net; \(k == .l1 ? "lasso's is 1" : "ridge's is 0") (use the elastic kind to mix them)"
            }
        }
    }

    /// An estimator of scikit-learn's `sklearn.linear_model` with its own scaling of the same objective.
    public enum ScikitLearn: Sendable, Equatable {
        /// `Ridge(alpha=α)`.
        case ridge(alpha: Double)
        /// `Lasso(alpha=α)`.
        case lasso(alpha: Double)
        /// `ElasticNet(alpha=α, l1_ratio=ρ)`.
        case elasticNet(alpha: Double, l1Ratio: Double)
    }

    /// The norm penalised.
    public let kind: Kind
    /// λ ≥ 0, the penalty's strength.
    public let lambda: Double
    /// r ∈ [0, 1], the L1 share: 0 for ridge, 1 for lasso.
    public let l1Ratio: Double

    /// The penalty `kind` of strength `lambda`; `l1Ratio` (r) only for the elastic net, 0.5 when not given.
    public init(_ kind: Kind, lambda: Double, l1Ratio: Double? = nil) throws(Invalid) {
        guard lambda.isFinite, lambda >= 0 else { throw .lambda(lambda) }
        switch kind {
        case .l2, .l1:
            if l1Ratio != nil { throw .l1RatioWithout(kind) }
            self.l1Ratio = kind == .l1 ? 1 : 0
        case .elastic:
            let r = l1Ratio ?? 0.5
            guard r.isFinite, (0...1).contains(r) else { throw .l1Ratio(r) }
            self.l1Ratio = r
        }
        self.kind = kind
        self.lambda = lambda
    }

    /// The same objective as scikit-learn's `estimator` fitted on `n` points (see the conversions above).
    public init(scikitLearn estimator: ScikitLearn, count n: Int) throws(Invalid) {
        switch estimator {
        case .ridge(let alpha): try self.init(.l2, lambda: alpha / Double(n))
        case .lasso(let alpha): try self.init(.l1, lambda: 2 * alpha)
        case .elasticNet(let alpha, let rho):
            guard rho.isFinite, (0...1).contains(rho) else { throw .l1Ratio(rho) }
            try self.init(.elastic, lambda: alpha * (1 + rho), l1Ratio: 2 * rho / (1 + rho))
        }
    }

    /// The scikit-learn estimator minimising the same objective on `n` points: `Ridge` for ridge, `Lasso`
    /// for lasso, `ElasticNet` for the elastic net.
    public func scikitLearn(count n: Int) -> ScikitLearn {
        switch kind {
        case .l2: return .ridge(alpha: lambda * Double(n))
        case .l1: return .lasso(alpha: lambda / 2)
        case .elastic: return .elasticNet(alpha: lambda * (1 - l1Ratio / 2), l1Ratio: l1Ratio / (2 - l1Ratio))
        }
    }

    /// λ(1 − r), the weight of ‖w‖₂².
    public var l2Weight: Double { lambda * (1 - l1Ratio) }
    /// λr, the weight of ‖w‖₁.
    public var l1Weight: Double { lambda * l1Ratio }

    /// The penalty's part of J at θ = (w₁…w_p, b): λ[(1 − r)‖w‖₂² + r‖w‖₁].
    public func value(_ theta: [Double]) -> Double {
        var squares = 0.0, absolutes = 0.0
        for j in 0..<(theta.count - 1) {
            squares += theta[j] * theta[j]
            absolutes += abs(theta[j])
        }
        return l2Weight * squares + l1Weight * absolutes
    }

    /// Adds the gradient of the smooth part, 2λ(1 − r)·w, into `g` (nothing into ∂J/∂b).
    @inline(__always)
    public func addSmoothGradient(_ theta: [Double], into g: inout [Double]) {
        let twice = 2 * l2Weight
        guard twice != 0 else { return }
        for j in 0..<(theta.count - 1) { g[j] += twice * theta[j] }
    }

    /// The proximal step of the L1 part after a gradient step at rate α: every weight (not b) soft-thresholded
    /// by t = α·λ·r, w ← sign(w)·max(|w| − t, 0), the minimiser of ½‖v − w‖² + t‖v‖₁. A weight within t of 0
    /// becomes exactly 0. Nothing for ridge (r = 0).
    @inline(__always)
    public func proximal(_ theta: inout [Double], rate: Double) {
        let t = rate * l1Weight
        guard t > 0 else { return }
        for j in 0..<(theta.count - 1) { theta[j] = Self.softThreshold(theta[j], t) }
    }

    /// sign(v)·max(|v| − t, 0), exactly 0 when |v| ≤ t.
    @inline(__always)
    public static func softThreshold(_ v: Double, _ t: Double) -> Double {
        v > t ? v - t : v < -t ? v + t : 0
    }

    /// `ridge λ = 0.1`, `lasso λ = 0.1`, `elastic net λ = 0.1, r = 0.5`.
    public var description: String {
        switch kind {
        case .l2: return "ridge λ = \(lambda)"
        case .l1: return "lasso λ = \(lambda)"
        case .elastic: return "elastic net λ = \(lambda), r = \(l1Ratio)"
        }
    }
}
