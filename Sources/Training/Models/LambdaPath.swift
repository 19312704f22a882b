/// The penalised optimum θ*(λ) of a linear regression for each λ of a list: the coefficient paths of
/// Hastie, Tibshirani & Friedman's figures 3.8 and 3.10 and of scikit-learn's `lasso_path` / `enet_path`,
/// where lasso's weights reach 0 one by one as λ grows and ridge's only shrink.
///
/// λ runs in the list's order, each optimum warm-starting coordinate descent at the next λ (``PenalizedSolver``:
/// O(p²) a sweep from the centred statistics, whatever n; then polished to the exact optimum), so a list
/// from large λ down to small takes few sweeps per λ: 100 values for the wave's 15 standardized powers
/// take about 35 ms of CPU for lasso, 2 ms for ridge (each λ closed).
public struct LambdaPath: Sendable, Equatable {
    /// The penalty's kind.
    public let kind: Penalty.Kind
    /// r, the L1 share (0 ridge, 1 lasso).
    public let l1Ratio: Double
    /// The λ values, in the order given.
    public let lambdas: [Double]
    /// θ*(λ) = (w₁…w_p, b) for each λ, in the same order.
    public let thetas: [[Double]]

    /// The optima of `model` with the penalty `kind` (r = `l1Ratio` for the elastic net) at each of `lambdas`
    /// (each finite and ≥ 0; descending makes the warm starts work best).
    public init(_ model: LinearRegression, kind: Penalty.Kind, l1Ratio: Double? = nil, lambdas: [Double]) throws(Penalty.Invalid) {
        let solver = PenalizedSolver(model)
        var thetas: [[Double]] = [], start: [Double]? = nil
        var r = kind == .l1 ? 1.0 : 0.0
        thetas.reserveCapacity(lambdas.count)
        for lambda in lambdas {
            let penalty = try Penalty(kind, lambda: lambda, l1Ratio: l1Ratio)
            r = penalty.l1Ratio
            let w = solver.weights(penalty, start: start)
            start = w
            thetas.append(solver.theta(w))
        }
        if lambdas.isEmpty { r = try Penalty(kind, lambda: 0, l1Ratio: l1Ratio).l1Ratio }
        (self.kind, self.l1Ratio, self.lambdas, self.thetas) = (kind, r, lambdas, thetas)
    }

    /// The path at `count` values of λ log-spaced from ``lambdaMax(_:kind:l1Ratio:)`` down to 10⁻⁴ of it.
    public init(_ model: LinearRegression, kind: Penalty.Kind, l1Ratio: Double? = nil, count: Int = 100) throws(Penalty.Invalid) {
        let top = try Self.lambdaMax(model, kind: kind, l1Ratio: l1Ratio)
        try self.init(model, kind: kind, l1Ratio: l1Ratio, lambdas: Self.logSpaced(from: top, count: count))
    }

    /// Where a path starts.
    ///
    /// - Lasso and the elastic net (r > 0): the least λ at which every weight is 0. At w = 0 the optimality
    ///   conditions are |sⱼ| ≤ λr/2 with s = mean x̃ỹ, so λmax = 2·maxⱼ |sⱼ| / r (scikit-learn's `alpha_max`
    ///   = max |Xᵀy|/(n·l1_ratio), converted).
    /// - Ridge (r = 0) zeroes no weight at any finite λ. Its path starts at 100 times the largest eigenvalue
    ///   of S = mean x̃x̃ᵀ: ridge shrinks the least-squares weights along each eigenvector of S by dᵢ/(dᵢ + λ),
    ///   so there every weight vector is under 1/101 of the least-squares one, and at 10⁻⁴ of it (the end of
    ///   ``logSpaced(from:count:ratio:)``) the strongest direction is within 1 % of least squares.
    public static func lambdaMax(_ model: LinearRegression, kind: Penalty.Kind, l1Ratio: Double? = nil) throws(Penalty.Invalid) -> Double {
        let r = try Penalty(kind, lambda: 0, l1Ratio: l1Ratio).l1Ratio
        let solver = PenalizedSolver(model)
        if r > 0 { return 2 * solver.cross.reduce(0) { max($0, abs($1)) } / r }
        return 100 * (solver.covariance.eigenvalues.first ?? 1)
    }

    /// `count` values of λ from `top` down to `top`·`ratio`, evenly spaced in log λ (numpy's `geomspace`).
    public static func logSpaced(from top: Double, count: Int, ratio: Double = 1e-4) -> [Double] {
        guard count > 1 else { return count == 1 ? [top] : [] }
        let step = log(ratio) / Double(count - 1)
        return (0..<count).map { $0 == 0 ? top : $0 == count - 1 ? top * ratio : top * exp(step * Double($0)) }
    }

    /// The mean squared error of each θ*(λ) on `data`'s points (a validation set with the same features,
    /// scaled as the training set was: ``Dataset/scaled(by:)``).
    public func meanSquaredErrors(on data: Dataset) -> [Double] { thetas.map { data.meanSquaredError($0) } }

    /// The positions of the weights that are exactly 0 at each λ.
    public var zeroWeights: [[Int]] { thetas.map { t in (0..<(t.count - 1)).filter { t[$0] == 0 } } }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
