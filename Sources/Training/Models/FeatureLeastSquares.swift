/// The mean squared error of ŷ = wᵀx + b over points with p features, as centred sufficient statistics.
/// With x̃ = x − x̄, the covariance S = mean x̃x̃ᵀ, s = mean x̃ỹ, the least-squares weights w* = S⁻¹s (the
/// normal equations, solved by Cholesky's factorisation) and the residual offset c(θ) = ȳ − wᵀx̄ − b,
///
///     J(θ)  = J* + (w − w*)ᵀ S (w − w*) + c²        (non-negative terms: no cancellation)
///     ∇_w J = −2·[(s − S·w) + x̄·c]
///     ∂J/∂b = −2·c
///     H     = 2·[[S + x̄x̄ᵀ, x̄], [x̄ᵀ, 1]]
///
/// which is ``LossSurface``'s form with the variance become a matrix. J* = mean (ỹ − w*ᵀx̃)² is summed
/// directly in a second pass over the points when they are kept, else Σỹ² − sᵀw* from the summary.
public struct FeatureLeastSquares: Sendable, Equatable {
    /// n.
    public let count: Int
    /// x̄, one mean per feature.
    public let means: [Double]
    /// ȳ.
    public let meanY: Double
    /// S = mean (x − x̄)(x − x̄)ᵀ.
    public let covariance: SymmetricMatrix
    /// s = mean (x − x̄)(y − ȳ).
    public let crossCovariance: [Double]
    /// θ* = (w*, b*) and J*.
    public let optimum: Optimum

    /// The statistics of `data`'s points (or of its summary). Throws for too few points, a non-finite
    /// value, a constant feature, features that are combinations of one another, or an overflow.
    public init(_ data: Dataset) throws(LossSurface.SetupError) {
        let p = data.featureCount, columns = data.featureColumns
        let summary: FeatureSummary
        if let kept = data.featureSummary {
            summary = kept
        } else {
            guard data.isPaired else { throw .unpaired(x: data.xs.count, y: data.ys.count) }
            for i in data.ys.indices where !(data.ys[i].isFinite && columns.allSatisfy({ $0[i].isFinite })) { throw .nonFinite(index: i) }
            summary = FeatureSummary(columns: columns, ys: data.ys)
        }
        let n = summary.count
        guard n > 0 else { throw .empty }
        guard n > 1 else { throw .singlePoint }
        for j in 0..<p where !(summary.minimums[j] < summary.maximums[j]) {
            throw .constantFeature(name: data.featureNames[j], value: summary.minimums[j])
        }
        let nd = Double(n)
        var s = SymmetricMatrix(size: p)
        for i in 0..<p { for j in i..<p { s[i, j] = summary.sxx[i, j] / nd } }
        let cross = summary.sxy.map { $0 / nd }
        guard s.entries.allSatisfy(\.isFinite), cross.allSatisfy(\.isFinite), summary.syy.isFinite else {
            throw .overflow(largest: (summary.minimums + summary.maximums).reduce(0) { max($0, abs($1)) })
        }
        guard let w = s.solvePositiveDefinite(cross) else { throw .collinearFeatures(data.featureNames) }
        let b = summary.meanY - zip(w, summary.means).reduce(0) { $0 + $1.0 * $1.1 }
        var residual = 0.0
        if data.featureSummary == nil {
            // Two passes: the residuals of the points themselves, as exact as the data allow.
            for i in data.ys.indices {
                var r = data.ys[i] - summary.meanY
                for j in 0..<p { r -= w[j] * (columns[j][i] - summary.means[j]) }
                residual += r * r
            }
        } else {
            residual = max(0, summary.syy - zip(summary.sxy, w).reduce(0) { $0 + $1.0 * $1.1 })
        }
        (count, means, meanY, covariance, crossCovariance) = (n, summary.means, summary.meanY, s, cross)
        optimum = Optimum(theta: w + [b], loss: residual / nd)
    }

    /// p.
    public var featureCount: Int { means.count }

    /// c(θ) = ȳ − wᵀx̄ − b.
    @inline(__always)
    func offset(_ theta: [Double]) -> Double {
        let p = featureCount
        var fit = 0.0
        for j in 0..<p { fit += theta[j] * means[j] }
        return meanY - fit - theta[p]
    }

    /// J(θ).
    public func loss(_ theta: [Double]) -> Double {
        let p = featureCount, w = optimum.theta
        var quadratic = 0.0
        for i in 0..<p {
            var row = 0.0
            for j in 0..<p { row += covariance[i, j] * (theta[j] - w[j]) }
            quadratic += (theta[i] - w[i]) * row
        }
        let c = offset(theta)
        return optimum.loss + quadratic + c * c
    }

    /// ∇J(θ) into g.
    public func gradient(_ theta: [Double], into g: inout [Double]) {
        let p = featureCount, c = offset(theta)
        for i in 0..<p {
            var sw = 0.0
            for j in 0..<p { sw += covariance[i, j] * theta[j] }
            g[i] = -2 * ((crossCovariance[i] - sw) + means[i] * c)
        }
        g[p] = -2 * c
    }

    /// H = 2·[[S + x̄x̄ᵀ, x̄], [x̄ᵀ, 1]].
    public var hessian: Hessian {
        let p = featureCount
        var h = SymmetricMatrix(size: p + 1)
        for i in 0..<p {
            for j in i..<p { h[i, j] = 2 * (covariance[i, j] + means[i] * means[j]) }
            h[i, p] = 2 * means[i]
        }
        h[p, p] = 2
        return Hessian(h)
    }

    /// 2/λmax(H): batch descent with a constant rate below it converges.
    public var stabilityLimit: Double { 2 / (hessian.matrix.eigenvalues.first ?? .infinity) }
}
