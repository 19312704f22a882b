/// The mean squared error of the line ŷ = m·x + b over a data set,
///
///     J(m, b) = 1/n Σ (yᵢ − (m·xᵢ + b))²,
///
/// held as centered sufficient statistics so that J, ∂J/∂m and ∂J/∂b cost O(1) each after one O(n)
/// set-up. With x̃ᵢ = xᵢ − x̄, ỹᵢ = yᵢ − ȳ, sxx = mean x̃², sxy = mean x̃ỹ, the least-squares slope
/// m* = sxy / sxx and the residual offset c(m, b) = ȳ − m·x̄ − b,
///
///     J(m, b)  = J* + sxx·(m − m*)² + c²          (three non-negative terms: no cancellation)
///     ∂J/∂m    = −2·[(sxy − m·sxx) + x̄·c]
///     ∂J/∂b    = −2·c
///
/// where J* = mean (ỹᵢ − m*·x̃ᵢ)² is summed directly, in a second pass. Raw sums (Σx², Σxy, Σy²)
/// subtract numbers of the size of y² when ȳ is large against the residuals: with y ≈ 10⁶ + noise they
/// keep only three or four significant digits of J (relative error about 6·10⁻⁴, measured); this form
/// keeps J as accurate as a two-pass evaluation at (m, b).
public struct LossSurface: Sendable, Equatable {
    /// The number of points, n.
    public let count: Int
    /// Mean of the x values, x̄.
    public let meanX: Double
    /// Mean of the y values, ȳ.
    public let meanY: Double
    /// mean (xᵢ − x̄)²
    public let varianceX: Double
    /// mean (xᵢ − x̄)(yᵢ − ȳ)
    public let covarianceXY: Double
    /// The closed-form optimum.
    public let leastSquares: LeastSquares

    /// Why a data set has no line to fit, or a run no finite starting loss.
    public enum SetupError: Error, Equatable, CustomStringConvertible {
        case empty
        /// The x and y values differ in number.
        case unpaired(x: Int, y: Int)
        case singlePoint
        case constantX(Double)
        case nonFinite(index: Int)
        /// Squares of the data overflow a Double (magnitudes beyond about 1e154).
        case overflow(largest: Double)
        /// The spread of x underflows a Double (magnitudes below about 1e-154).
        case underflow(largest: Double)
        /// The loss at the starting point is not a finite number.
        case startOverflow(m: Double, b: Double)
        /// The optimizer needs the Hessian and it cannot be inverted (x has no spread left in a Double).
        case singularHessian
        /// A feature of several has one value throughout.
        case constantFeature(name: String, value: Double)
        /// The features are combinations of one another (XᵀX singular), so their weights are not determined.
        case collinearFeatures([String])

        /// The problem in words, with what to do about it where the data can be fixed.
        public var description: String {
            switch self {
            case .empty: return "the data has no points"
            case .unpaired(let x, let y): return "\(x) x values but \(y) y values; give one y for each x"
            case .singlePoint: return "the data has one point; a line needs at least two points with different x"
            case .constantX(let x):
                return "every x is \(x): with no spread in x there is no slope to fit (add points with other x values)"
            case .nonFinite(let i): return "point \(i + 1) is not a finite number"
            case .overflow(let v):
                return "the data's values reach \(v), and their squares overflow a 64-bit float (limit about 1.8e308); rescale the data, e.g. divide by a power of ten"
            case .underflow(let v):
                return "the x values are at most \(v) in size, and the squares of their spread underflow a 64-bit float; rescale the data, e.g. multiply by a power of ten"
            case .startOverflow(let m, let b):
                return "the loss at the start (m = \(m), b = \(b)) overflows a 64-bit float; choose a starting point nearer the data"
            case .constantFeature(let name, let value):
                return "every value of feature '\(name)' is \(value): a feature with no spread has no weight to fit; leave it out"
            case .collinearFeatures(let names):
                return "the features \(names.map { "'\($0)'" }.joined(separator: ", ")) are linear combinations of one another (XᵀX is singular), so their weights are not determined; leave out a feature that the others make up"
            case .singularHessian:
                return "the loss's Hessian 2·[[mean x², mean x], [mean x, 1]] is singular (x has no spread), so Newton's step H⁻¹∇J does not exist; use another optimizer or data whose x values differ"
            }
        }
    }

    /// The statistics and least-squares line of `data`, in two O(n) passes. Throws for fewer than two points, a
    /// non-finite value, no spread in x, or values whose squares overflow or underflow a Double.
    public init(_ data: Dataset) throws(SetupError) {
        if let summary = data.summary { try self.init(summary: summary) } else { try self.init(points: data) }
    }

    private init(points data: Dataset) throws(SetupError) {
        guard data.isPaired else { throw .unpaired(x: data.xs.count, y: data.ys.count) }
        let n = data.count
        guard n > 0 else { throw .empty }
        guard n > 1 else { throw .singlePoint }
        for i in 0..<n where !(data.xs[i].isFinite && data.ys[i].isFinite) { throw .nonFinite(index: i) }
        let x0 = data.xs[0]
        guard data.xs.contains(where: { $0 != x0 }) else { throw .constantX(x0) }

        let nd = Double(n)
        let mx = data.xs.reduce(0, +) / nd
        let my = data.ys.reduce(0, +) / nd
        var sxx = 0.0, sxy = 0.0
        for i in 0..<n {
            let dx = data.xs[i] - mx
            sxx += dx * dx
            sxy += dx * (data.ys[i] - my)
        }
        sxx /= nd
        sxy /= nd
        // Folded, not mapped: a mapped copy of ten million values would be 80 MB for one number.
        let largestX = data.xs.reduce(0) { max($0, abs($1)) }
        let largest = max(largestX, data.ys.reduce(0) { max($0, abs($1)) })
        let mStar = sxy / sxx
        var residual = 0.0
        for i in 0..<n {
            let r = (data.ys[i] - my) - mStar * (data.xs[i] - mx)
            residual += r * r
        }
        guard sxx.isFinite, sxy.isFinite, residual.isFinite, mStar.isFinite, my.isFinite, mx.isFinite else {
            if sxx == 0 || !mStar.isFinite && sxx.isFinite && sxx < 1e-300 {
                throw .underflow(largest: largestX)
            }
            throw .overflow(largest: largest)
        }
        guard sxx > 0 else { throw .underflow(largest: largestX) }
        count = n
        meanX = mx
        meanY = my
        varianceX = sxx
        covarianceXY = sxy
        leastSquares = LeastSquares(m: mStar, b: my - mStar * mx, loss: residual / nd)
    }

    /// The statistics and least-squares line from a summary of the points (the points themselves not kept):
    /// the same checks as from the points, J* as (Σ(y − ȳ)² − Σ(x − x̄)(y − ȳ)²/Σ(x − x̄)²)/n.
    public init(summary s: DataSummary) throws(SetupError) {
        guard s.count > 0 else { throw .empty }
        guard s.count > 1 else { throw .singlePoint }
        guard s.minX < s.maxX else { throw .constantX(s.minX) }
        let nd = Double(s.count)
        let largestX = max(abs(s.minX), abs(s.maxX)), largest = max(largestX, abs(s.minY), abs(s.maxY))
        let sxx = s.sxx / nd, sxy = s.sxy / nd
        let mStar = sxy / sxx
        let residual = max(0, s.syy - s.sxy * mStar)
        guard sxx.isFinite, sxy.isFinite, residual.isFinite, mStar.isFinite, s.meanX.isFinite, s.meanY.isFinite else {
            if sxx == 0 || !mStar.isFinite && sxx.isFinite && sxx < 1e-300 { throw .underflow(largest: largestX) }
            throw .overflow(largest: largest)
        }
        guard sxx > 0 else { throw .underflow(largest: largestX) }
        count = s.count
        meanX = s.meanX
        meanY = s.meanY
        varianceX = sxx
        covarianceXY = sxy
        leastSquares = LeastSquares(m: mStar, b: s.meanY - mStar * s.meanX, loss: residual / nd)
    }

    /// J(m, b), the mean squared error.
    @inline(__always)
    public func loss(m: Double, b: Double) -> Double {
        let dm = m - leastSquares.m
        let c = meanY - m * meanX - b
        return leastSquares.loss + varianceX * dm * dm + c * c
    }

    /// (∂J/∂m, ∂J/∂b) at (m, b).
    @inline(__always)
    public func gradient(m: Double, b: Double) -> (dm: Double, db: Double) {
        let c = meanY - m * meanX - b
        return (-2 * ((covarianceXY - m * varianceX) + meanX * c), -2 * c)
    }

    /// The variance of y: the least-squares residual's (J*) plus what the line explains (m*·Cov(x, y)).
    public var varianceY: Double { max(0, leastSquares.loss + leastSquares.m * covarianceXY) }

    /// mean xᵢ², the (1,1) entry of the Hessian divided by 2.
    public var meanXSquared: Double { varianceX + meanX * meanX }

    /// The batch gradient-descent stability limit on the learning rate: α < 2 / λmax, where λmax is the
    /// largest eigenvalue of the loss Hessian H = 2·[[mean x², mean x], [mean x, 1]]. Above it every
    /// batch run with a generic start diverges; at exactly half of it the stiffest direction converges in one step.
    public var stabilityLimit: Double {
        let a = meanXSquared, d = 1.0, off = meanX
        let half = (a - d) / 2
        let lambdaMax = 2 * ((a + d) / 2 + (half * half + off * off).squareRoot())
        return 2 / lambdaMax
    }

    /// The stability limit of b-only descent (m held fixed): ∂²J/∂b² = 2, so α < 1.
    public static let bOnlyStabilityLimit = 1.0
}

/// The closed-form least-squares line and its loss.
public struct LeastSquares: Sendable, Equatable {
    /// The least-squares slope m* = sxy / sxx.
    public var m: Double
    /// The least-squares intercept b* = ȳ − m*·x̄.
    public var b: Double
    /// The least loss J* = J(m*, b*), the mean squared residual of the best line.
    public var loss: Double
}
