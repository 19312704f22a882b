import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Logistic regression: the probability that a point with features x is of class 1 is σ(z) = 1/(1 + e⁻ᶻ),
/// z = wᵀx + b, θ = (w₁…w_p, b), fitted to labels y ∈ {0, 1} (``Dataset/ys``) by the mean cross-entropy
///
///     J(θ) = −1/n Σ [yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))] + l2·‖w‖²
///          =  1/n Σ [max(zᵢ, 0) + log1p(exp(−|zᵢ|)) − yᵢ·zᵢ] + l2·‖w‖²,
///     ∇J   =  1/n Σ (σ(zᵢ) − yᵢ)·(xᵢ, 1) + 2·l2·(w, 0),
///     ∇²J  =  1/n Σ σ(zᵢ)(1 − σ(zᵢ))·(xᵢ, 1)(xᵢ, 1)ᵀ + 2·l2·diag(1…1, 0),
///
/// the second form finite for every finite z (``sums(_:)``). The same gradient descent as linear
/// regression, with σ(z) in place of ŷ; but there is no sufficient statistic, so every epoch visits every
/// point (n·k multiply-adds), on ``threads`` threads with the same bits for any number of them
/// (``FixedChunks``). The Hessian depends on θ (``hessian(at:)``), so ``hessian`` is nil and Newton's method
/// asks for it at each update. There is no closed-form optimum (``optimum`` is nil): ``fitted(tolerance:maxIterations:)``
/// finds it by Newton's method, or finds that the classes are separable, when the weights grow without bound.
///
/// `l2` is the ridge penalty on the weights (not the intercept); scikit-learn's `C` is `l2 = 1/(2nC)`. It is
/// kept minimal here so that a general penalty can later take its place.
public struct LogisticRegression: Model {
    /// The points: their features and their labels, 0 or 1.
    public let data: Dataset
    /// The ridge penalty l2·‖w‖² added to the mean cross-entropy (0: none).
    public let l2: Double
    /// Threads an epoch's pass over the points runs on (the result is the same for any number).
    public let threads: Int
    /// The last pass, so that the loss the run records at θ and the gradient of the next update at the
    /// same θ cost one pass, not two.
    private let memo = Memo()

    /// Why a data set cannot be fitted by logistic regression.
    public enum SetupError: Error, Equatable, Sendable {
        /// Fewer than two points (or only their statistics).
        case tooFewPoints(Int)
        /// Point `index` has a feature value that is not finite.
        case nonFinite(index: Int)
        /// Point `index`'s label is neither 0 nor 1.
        case notALabel(index: Int, value: Double)
        /// Every label is `label`: there is nothing to tell apart.
        case oneClass(label: Double)
    }

    /// The model of `data`, whose `ys` are 0 or 1 and whose features are all finite, with the ridge penalty
    /// `l2` and passes on `threads` threads.
    public init(_ data: Dataset, l2: Double = 0, threads: Int = 1) throws(SetupError) {
        guard data.hasPoints, data.isPaired, data.count >= 2 else { throw .tooFewPoints(data.hasPoints ? min(data.xs.count, data.ys.count) : 0) }
        var ones = 0
        for (i, y) in data.ys.enumerated() {
            guard y == 0 || y == 1 else { throw .notALabel(index: i, value: y) }
            if y == 1 { ones += 1 }
        }
        for column in data.featureColumns {
            if let i = column.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: i) }
        }
        guard ones > 0 && ones < data.count else { throw .oneClass(label: ones > 0 ? 1 : 0) }
        self.data = data
        self.l2 = l2
        self.threads = max(1, threads)
    }

    public var parameterNames: [String] {
        data.featureCount == 1 ? ["w", "b"] : (1...data.featureCount).map { "w\($0)" } + ["b"]
    }

    public var count: Int { data.count }

    /// The pass at θ, from the memo when the last one was at the same θ.
    func pass(_ theta: [Double]) -> Sums {
        if let last = memo.get(), last.theta == theta { return last }
        let made = sums(theta)
        memo.set(made)
        return made
    }

    /// l2·‖w‖².
    func penalty(_ theta: [Double]) -> Double {
        guard l2 != 0 else { return 0 }
        var s = 0.0
        for j in 0..<data.featureCount { s += theta[j] * theta[j] }
        return l2 * s
    }

    public func loss(_ theta: [Double]) -> Double { pass(theta).loss / Double(count) + penalty(theta) }

    public func gradient(_ theta: [Double], into g: inout [Double]) {
        let s = pass(theta), n = Double(count), p = data.featureCount
        for j in 0...p { g[j] = s.gradient[j] / n }
        if l2 != 0 { for j in 0..<p { g[j] += 2 * l2 * theta[j] } }
    }

    public func gradient(ofBatch range: Range<Int>, _ order: EpochOrder, _ ahead: inout EpochOrder.Ahead, at theta: [Double], into g: inout [Double]) {
        let p = data.featureCount, scale = 1 / Double(range.count)
        if p == 1 {
            let w = theta[0], b = theta[1]
            var gw = 0.0, gb = 0.0
            for k in range {
                let (x, y) = ahead.point(k, order, data)
                let r = Self.sigma(w * x + b) - y
                gw += r * x
                gb += r
            }
            g[0] = gw * scale
            g[1] = gb * scale
        } else {
            for j in 0...p { g[j] = 0 }
            for k in range {
                let i = order.index(k)
                var z = theta[0] * data.xs[i]
                for j in 1..<p { z += theta[j] * data.extraFeatures[j - 1][i] }
                let r = Self.sigma(z + theta[p]) - data.ys[i]
                g[0] += r * data.xs[i]
                for j in 1..<p { g[j] += r * data.extraFeatures[j - 1][i] }
                g[p] += r
            }
            for j in 0...p { g[j] *= scale }
        }
        if l2 != 0 { for j in 0..<p { g[j] += 2 * l2 * theta[j] } }
    }

    /// Nil: the Hessian changes with θ (``hessian(at:)``).
    public var hessian: Hessian? { nil }

    /// ∇²J at θ: 1/n Σ σ(1 − σ)·x̃x̃ᵀ (+ 2·l2 on the weights' diagonal).
    public func hessian(at theta: [Double]) -> Hessian? {
        var h = curvatureSums(theta)
        let n = Double(count), k = h.size
        for r in 0..<k { for c in r..<k { h[r, c] = h[r, c] / n } }
        if l2 != 0 { for j in 0..<(k - 1) { h[j, j] = h[j, j] + 2 * l2 } }
        return Hessian(h)
    }

    /// Nil: no closed form (``fitted(tolerance:maxIterations:)`` finds it).
    public var optimum: Optimum? { nil }

    /// Nil: the curvature changes with θ. (Batch descent converges below 8/λmax(mean x̃x̃ᵀ), since
    /// σ(1 − σ) ≤ ¼; that bound is ``convergentRateBound``, safe but not a limit above which it diverges.)
    public var stabilityLimit: Double? { nil }

    /// 8/λmax(1/n Σ x̃x̃ᵀ + 8·l2·I on the weights): batch descent with a constant rate below it converges
    /// (the loss is L-smooth with L = λmax of ¼·mean x̃x̃ᵀ + 2·l2), though larger rates may converge too.
    public var convergentRateBound: Double {
        let k = data.featureCount + 1, columns = data.featureColumns, n = Double(count)
        var m = SymmetricMatrix(size: k)
        for r in 0..<k {
            for c in r..<k {
                var s = 0.0
                for i in 0..<count { s += (r < k - 1 ? columns[r][i] : 1) * (c < k - 1 ? columns[c][i] : 1) }
                m[r, c] = s / n + (r == c && r < k - 1 ? 8 * l2 : 0)
            }
        }
        return 8 / (m.eigenvalues.first ?? .infinity)
    }

    /// The cross-entropy of the best constant: the base rate q = mean y predicted everywhere,
    /// −[q log q + (1 − q) log(1 − q)] (log 2 for balanced classes).
    public var lossScale: Double {
        let q = data.ys.reduce(0, +) / Double(count)
        return -(q * log(q) + (1 - q) * log1p(-q))
    }

    /// n·k: every point, every parameter.
    public var epochCost: Int { count * (data.featureCount + 1) }

    /// The fraction of points on their own side of the boundary wᵀx + b = 0 (class 1 where z ≥ 0).
    public func accuracy(_ theta: [Double]) -> Double { 1 - Double(pass(theta).wrong) / Double(count) }

    /// The probability σ(wᵀx + b) of class 1 at the point `x` (p features).
    public func probability(_ theta: [Double], at x: [Double]) -> Double {
        var z = theta[0] * x[0]
        for j in 1..<x.count { z += theta[j] * x[j] }
        return Self.sigma(z + theta[x.count])
    }
}

extension LogisticRegression {
    /// The last pass of a model (shared by its copies; a lock keeps concurrent runs on one model apart).
    final class Memo: @unchecked Sendable {
        private var last: Sums?
        private let lock = DispatchQueue(label: "logistic.memo")
        func get() -> Sums? { lock.sync { last } }
        func set(_ s: Sums) { lock.sync { last = s } }
    }
}
