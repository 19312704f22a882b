/// Linear regression by least squares: ŷ = w₁·x₁ + … + w_p·x_p + b, θ = (w₁…w_p, b), and the mean squared
/// error
///
///     J(θ) = 1/n Σ (yᵢ − (wᵀxᵢ + b))²,
///
/// held as centred sufficient statistics, so that J, ∇J and a batch epoch cost O(p²) whatever n. With one
/// feature it is the line ŷ = m·x + b, θ = (m, b), computed by ``LossSurface`` (``line``); with several, by
/// ``FeatureLeastSquares`` (``features``): the same formulas with the slope's variance become a matrix.
/// A stochastic update visits its batch's points (O(batch·p)).
public struct LinearRegression: Model, Equatable {
    /// The points the loss averages over (their statistics alone when they were not kept).
    public let data: Dataset
    /// The line's loss surface, for one feature.
    public let line: LossSurface?
    /// The least-squares statistics of several features.
    public let features: FeatureLeastSquares?

    /// The model of `data`: one feature's line or several features' plane. Throws when the data has nothing
    /// to fit (fewer than two points, a non-finite value, a feature without spread or one that is a
    /// combination of the others, values whose squares overflow).
    public init(_ data: Dataset) throws(LossSurface.SetupError) {
        self.data = data
        if data.featureCount == 1 {
            line = try LossSurface(data)
            features = nil
        } else {
            line = nil
            features = try FeatureLeastSquares(data)
        }
    }

    public var parameterNames: [String] {
        line != nil ? ["m", "b"] : (1...data.featureCount).map { "w\($0)" } + ["b"]
    }

    public var count: Int { data.count }

    @inline(__always)
    public func loss(_ theta: [Double]) -> Double {
        if let line { return line.loss(m: theta[0], b: theta[1]) }
        return features!.loss(theta)
    }

    @inline(__always)
    public func gradient(_ theta: [Double], into g: inout [Double]) {
        if let line {
            let d = line.gradient(m: theta[0], b: theta[1])
            g[0] = d.dm
            g[1] = d.db
        } else {
            features!.gradient(theta, into: &g)
        }
    }

    @inline(__always)
    public func gradient(ofBatch range: Range<Int>, _ order: EpochOrder, _ ahead: inout EpochOrder.Ahead, at theta: [Double], into g: inout [Double]) {
        let scale = -2 / Double(range.count)
        if line != nil {
            let m = theta[0], b = theta[1]
            var sx = 0.0, s1 = 0.0
            for k in range {
                let (x, y) = ahead.point(k, order, data)
                let r = y - (m * x + b)
                sx += x * r
                s1 += r
            }
            g[0] = scale * sx
            g[1] = scale * s1
            return
        }
        let p = data.featureCount
        for j in 0...p { g[j] = 0 }
        for k in range {
            let i = order.index(k)
            var yHat = theta[p]
            yHat += theta[0] * data.xs[i]
            for j in 1..<p { yHat += theta[j] * data.extraFeatures[j - 1][i] }
            let r = data.ys[i] - yHat
            g[0] += data.xs[i] * r
            for j in 1..<p { g[j] += data.extraFeatures[j - 1][i] * r }
            g[p] += r
        }
        for j in 0...p { g[j] *= scale }
    }

    public var hessian: Hessian? { line?.hessian ?? features!.hessian }

    public var optimum: Optimum? {
        if let ls = line?.leastSquares { return Optimum(theta: [ls.m, ls.b], loss: ls.loss) }
        return features!.optimum
    }

    public var stabilityLimit: Double? { line?.stabilityLimit ?? features!.stabilityLimit }

    /// The variance of y, mean (y − ȳ)²: the loss of the best constant, the scale a loss is read against.
    public var varianceY: Double {
        if let line { return line.varianceY }
        let f = features!
        return max(0, f.optimum.loss + zip(f.optimum.theta, f.crossCovariance).reduce(0) { $0 + $1.0 * $1.1 })
    }

    public var lossScale: Double { varianceY }

    /// The variance of the first feature (x for the line).
    public var varianceX: Double { line?.varianceX ?? features!.covariance[0, 0] }

    public var epochCost: Int { let k = data.featureCount + 1; return k * k }
}
