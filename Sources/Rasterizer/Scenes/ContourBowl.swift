import Training

/// A loss over two parameters (u, v) that a contour can fill: J and ∇J at any point, cheap enough for
/// every pixel.
protocol Bowl {
    func loss(_ u: Double, _ v: Double) -> Double
    func gradient(_ u: Double, _ v: Double) -> (du: Double, dv: Double)
}

extension LossSurface: Bowl {
    @inline(__always) func loss(_ u: Double, _ v: Double) -> Double { loss(m: u, b: v) }
    @inline(__always) func gradient(_ u: Double, _ v: Double) -> (du: Double, dv: Double) {
        let g = gradient(m: u, b: v)
        return (g.dm, g.db)
    }
}

/// The loss of several features over two of their weights (wᵢ, wⱼ), the intercept and the other weights at
/// their optimum: J = J* + Δᵀ·A·Δ with Δ = (wᵢ − wᵢ*, wⱼ − wⱼ*) and A the (i, j) block of S + x̄x̄ᵀ. With
/// standardized features (x̄ = 0) the intercept separates from the weights, J(w, b) = J* + ΔwᵀSΔw + (ȳ − b)²,
/// so for two features the contours are exactly those of J over (w₁, w₂) whatever b; with more they are a
/// slice, which the scene says.
struct WeightSlice: Bowl {
    /// The weights' indices i and j in θ.
    let axes: (Int, Int)
    let optimum: (u: Double, v: Double, loss: Double)
    let a11: Double, a12: Double, a22: Double
    /// Whether the slice is the whole loss of the weights (two standardized features).
    let isExact: Bool

    init(_ model: LinearRegression, axes: (Int, Int) = (0, 1)) {
        let f = model.features!, (i, j) = axes
        self.axes = axes
        let best = f.optimum.theta
        optimum = (best[i], best[j], f.optimum.loss)
        a11 = f.covariance[i, i] + f.means[i] * f.means[i]
        a12 = f.covariance[i, j] + f.means[i] * f.means[j]
        a22 = f.covariance[j, j] + f.means[j] * f.means[j]
        isExact = f.featureCount == 2 && f.means.allSatisfy { abs($0) <= 1e-12 * max(1, f.covariance[0, 0].squareRoot()) }
    }

    /// The mean squared error of two features over their weights with b at its best for them, the profile
    /// J*(w) = J* + ΔwᵀSΔw (S the features' covariance): exact for any data, centred or not, and the loss
    /// a penalty on the weights alone trades against, since b is never penalised (the penalty scene).
    init(profile model: LinearRegression) {
        let f = model.features!
        axes = (0, 1)
        let best = f.optimum.theta
        optimum = (best[0], best[1], f.optimum.loss)
        (a11, a12, a22) = (f.covariance[0, 0], f.covariance[0, 1], f.covariance[1, 1])
        isExact = true
    }

    @inline(__always) func loss(_ u: Double, _ v: Double) -> Double {
        let du = u - optimum.u, dv = v - optimum.v
        return optimum.loss + a11 * du * du + 2 * a12 * du * dv + a22 * dv * dv
    }

    @inline(__always) func gradient(_ u: Double, _ v: Double) -> (du: Double, dv: Double) {
        let du = u - optimum.u, dv = v - optimum.v
        return (2 * (a11 * du + a12 * dv), 2 * (a12 * du + a22 * dv))
    }
}

/// What a contour scene fills: the line's J(m, b), or a slice of several features' J over two weights.
enum ContourBowl {
    case line(LossSurface)
    case slice(WeightSlice)

    /// The bowl of `result`'s model: over (m, b) for one feature, over the weights `axes` (indices in θ)
    /// for several.
    init(_ result: TrainingResult, axes: [Int] = [0, 1]) {
        if let model = result.model as? LinearRegression, model.line == nil {
            self = .slice(WeightSlice(model, axes: (axes[0], axes[1])))
        } else {
            self = .line(result.surface)
        }
    }

    func loss(_ u: Double, _ v: Double) -> Double {
        switch self {
        case .line(let s): return s.loss(m: u, b: v)
        case .slice(let q): return q.loss(u, v)
        }
    }

    /// The least loss and where: the least-squares (m*, b*) or (wᵢ*, wⱼ*).
    var optimum: (u: Double, v: Double, loss: Double) {
        switch self {
        case .line(let s): return (s.leastSquares.m, s.leastSquares.b, s.leastSquares.loss)
        case .slice(let q): return q.optimum
        }
    }

    /// The coefficients of Δu² and Δv² in J (the line's mean x² and 1): how fast J rises along each axis.
    var curvature: (u: Double, v: Double) {
        switch self {
        case .line(let s): return (s.meanXSquared, 1)
        case .slice(let q): return (q.a11, q.a22)
        }
    }

    /// The parameters' names on the axes, e.g. ("m", "b") or ("w1", "w2").
    var names: (u: String, v: String) {
        switch self {
        case .line: return ("m", "b")
        case .slice(let q): return ("w\(q.axes.0 + 1)", "w\(q.axes.1 + 1)")
        }
    }

    /// (θᵢ, θⱼ) of `s` as a snapshot of two parameters, so the path reads them as `m` and `b`.
    func project(_ s: Snapshot) -> Snapshot {
        guard case .slice(let q) = self else { return s }
        return Snapshot(epoch: s.epoch, step: s.step, theta: [s.theta[q.axes.0], s.theta[q.axes.1]], loss: s.loss)
    }
}
