/// The penalised least-squares optimum from a linear regression's centred statistics. With the intercept
/// eliminated (b = ȳ − wᵀx̄ makes the offset c(θ) zero), the penalised MSE is, up to a constant,
///
///     F(w) = wᵀSw − 2sᵀw + a‖w‖₂² + c‖w‖₁,      a = λ(1 − r), c = λr,
///
/// with S = mean x̃x̃ᵀ and s = mean x̃ỹ (``FeatureLeastSquares``'s statistics; the line's variance and
/// covariance). Three stages:
///
/// 1. **Coordinate descent** (Friedman, Hastie & Tibshirani 2010, as scikit-learn's `Lasso` and glmnet):
///    wⱼ ← soft(sⱼ − Σₖ≠ⱼ Sⱼₖwₖ, c/2) / (Sⱼⱼ + a), keeping q = s − Sw up to date, so a sweep costs O(p²)
///    whatever n. Ridge (c = 0) skips it: (S + aI)w = s by Cholesky's factorisation.
/// 2. **Polishing**: once the nonzero weights A and their signs σ settle, the optimum solves the linear
///    system (S_AA + aI)·w_A = s_A − (c/2)σ_A exactly. The solution is accepted only when it satisfies every
///    optimality (KKT) condition: the signs are σ and |sⱼ − (Sw)ⱼ| ≤ c/2 for every weight outside A. Then
///    the answer is exact to rounding, not to coordinate descent's tolerance (which on ill-conditioned
///    features, such as the powers of a polynomial, converges slowly).
/// 3. **Refinement from the points**, when they are kept and few (``refinementLimit``): S carries rounding
///    of relative size ε·κ(S), and κ(S) reaches 10¹² for degree-15 powers. Up to three steps
///    w_A += (S_AA + aI)⁻¹·[X̃_Aᵀ(ỹ − X̃_A w_A)/n − a·w_A − (c/2)σ_A], the residual summed from the points,
///    recover the digits (Björck's corrected semi-normal equations), as a QR factorisation of the points would.
struct PenalizedSolver: Sendable, Equatable {
    /// S = mean x̃x̃ᵀ.
    let covariance: SymmetricMatrix
    /// s = mean x̃ỹ.
    let cross: [Double]
    /// x̄.
    let means: [Double]
    /// ȳ.
    let meanY: Double
    /// The points, when kept and few enough to refine from (``refinementLimit``).
    let points: Dataset?

    /// Refinement reads the points when n·p is at most this: a few milliseconds a step.
    static let refinementLimit = 200_000
    /// Coordinate descent stops after this many sweeps if it has not converged (it has, far sooner, on any
    /// data whose features are not combinations of one another).
    static let sweepLimit = 100_000

    /// The statistics of `model`.
    init(_ model: LinearRegression) {
        if let line = model.line {
            var s = SymmetricMatrix(size: 1)
            s[0, 0] = line.varianceX
            (covariance, cross, means, meanY) = (s, [line.covarianceXY], [line.meanX], line.meanY)
        } else {
            let f = model.features!
            (covariance, cross, means, meanY) = (f.covariance, f.crossCovariance, f.means, f.meanY)
        }
        let data = model.data
        points = data.hasPoints && data.count * data.featureCount <= Self.refinementLimit ? data : nil
    }

    /// p.
    var featureCount: Int { means.count }

    /// θ = (w, b) with b = ȳ − wᵀx̄.
    func theta(_ w: [Double]) -> [Double] {
        var fit = 0.0
        for j in w.indices { fit += w[j] * means[j] }
        return w + [meanY - fit]
    }

    /// The weights minimising F with `penalty`'s a and c, coordinate descent starting from `start` (a warm
    /// start: the optimum at a nearby λ), zero when nil.
    func weights(_ penalty: Penalty, start: [Double]? = nil) -> [Double] {
        let a = penalty.l2Weight, half = penalty.l1Weight / 2
        let p = featureCount
        if half == 0, let w = solve(active: Array(0..<p), a: a, half: 0, signs: []) {
            return refined(w, active: Array(0..<p), a: a, half: 0)
        }
        var w = start ?? [Double](repeating: 0, count: p)
        var q = residualGradient(w)
        var lastActive: [Int] = []
        for sweep in 1...Self.sweepLimit {
            var largest = 0.0, change = 0.0
            for j in 0..<p {
                let old = w[j], sjj = covariance[j, j]
                let new = Penalty.softThreshold(q[j] + sjj * old, half) / (sjj + a)
                let delta = new - old
                if delta != 0 {
                    w[j] = new
                    for k in 0..<p { q[k] -= delta * covariance[k, j] }
                    change = max(change, abs(delta))
                }
                largest = max(largest, abs(new))
            }
            if sweep % 100 == 0 { q = residualGradient(w) }   // no drift from the running updates
            let active = (0..<p).filter { w[$0] != 0 }
            let settled = change <= 1e-15 * largest
            // Polish once the active set holds still: every sweep at first, then every 16th (each try is a solve).
            if settled || active == lastActive && (sweep < 20 || sweep % 16 == 0) {
                let signs = active.map { w[$0] > 0 ? 1.0 : -1.0 }
                if let exact = solve(active: active, a: a, half: half, signs: signs),
                   satisfiesOptimality(exact, active: active, half: half, signs: signs) {
                    return refined(exact, active: active, a: a, half: half)
                }
            }
            if settled { break }
            lastActive = active
        }
        return w
    }

    /// q = s − S·w.
    private func residualGradient(_ w: [Double]) -> [Double] {
        let p = featureCount
        return (0..<p).map { i in
            var sw = 0.0
            for j in 0..<p { sw += covariance[i, j] * w[j] }
            return cross[i] - sw
        }
    }

    /// The weights with only `active` nonzero solving (S_AA + aI)·w_A = s_A − (c/2)·σ_A, nil when singular.
    private func solve(active: [Int], a: Double, half: Double, signs: [Double]) -> [Double]? {
        var w = [Double](repeating: 0, count: featureCount)
        guard !active.isEmpty else { return w }
        guard let x = system(active, a).solvePositiveDefinite(active.indices.map { cross[active[$0]] - half * (signs.isEmpty ? 0 : signs[$0]) })
        else { return nil }
        for (r, j) in active.enumerated() { w[j] = x[r] }
        return w
    }

    /// S_AA + aI.
    private func system(_ active: [Int], _ a: Double) -> SymmetricMatrix {
        var m = SymmetricMatrix(size: active.count)
        for (r, i) in active.enumerated() {
            for (c, j) in active.enumerated() where c >= r { m[r, c] = covariance[i, j] + (r == c ? a : 0) }
        }
        return m
    }

    /// The KKT conditions of F at w: every active weight has its sign, and every other |sⱼ − (Sw)ⱼ| ≤ c/2
    /// (with room for the rounding of the sum).
    private func satisfiesOptimality(_ w: [Double], active: [Int], half: Double, signs: [Double]) -> Bool {
        for (r, j) in active.enumerated() where !(w[j] * signs[r] > 0) { return false }
        let p = featureCount
        for i in 0..<p where w[i] == 0 {
            var sw = 0.0, size = abs(cross[i])
            for j in 0..<p { sw += covariance[i, j] * w[j]; size += abs(covariance[i, j] * w[j]) }
            if abs(cross[i] - sw) > half + 64 * Double.ulpOfOne * size { return false }
        }
        return true
    }

    /// Up to three steps of refinement from the points (when kept), each kept only while it shrinks.
    private func refined(_ w: [Double], active: [Int], a: Double, half: Double) -> [Double] {
        guard let data = points, !active.isEmpty else { return w }
        let m = system(active, a)
        let columns = data.featureColumns, n = Double(data.count)
        let signs = active.map { w[$0] > 0 ? 1.0 : w[$0] < 0 ? -1.0 : 0.0 }
        var w = w, previous = Double.infinity
        for _ in 0..<3 {
            var g = [Double](repeating: 0, count: active.count)
            for i in data.ys.indices {
                var r = data.ys[i] - meanY
                for j in active { r -= w[j] * (columns[j][i] - means[j]) }
                for (k, j) in active.enumerated() { g[k] += (columns[j][i] - means[j]) * r }
            }
            for (k, j) in active.enumerated() { g[k] = g[k] / n - a * w[j] - half * signs[k] }
            guard let d = m.solvePositiveDefinite(g) else { break }
            let size = d.reduce(0) { max($0, abs($1)) }
            guard size < previous else { break }
            var next = w
            for (k, j) in active.enumerated() { next[j] += d[k] }
            // A sign flip would leave the active set: the exact solution above stands.
            guard half == 0 || active.enumerated().allSatisfy({ next[$0.element] * signs[$0.offset] > 0 }) else { break }
            w = next
            previous = size
            if size <= Double.ulpOfOne * w.reduce(0, { max($0, abs($1)) }) { break }
        }
        return w
    }
}
