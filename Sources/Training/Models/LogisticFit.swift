/// How logistic regression's minimiser came out (``LogisticRegression/fitted(tolerance:maxIterations:)``).
public enum LogisticFit: Sendable, Equatable {
    /// The minimiser θ* and J(θ*), reached after `iterations` Newton steps.
    case optimum(Optimum, iterations: Int)
    /// The classes are linearly separable: `separator` puts every point strictly on its own side, so
    /// c·separator lowers the loss toward 0 as c grows, and no finite θ minimises it (the weights of
    /// gradient descent grow without bound while the loss creeps to 0). Never with an l2 penalty.
    case separable(separator: [Double], iterations: Int)
    /// Newton's method did not settle within the iterations allowed (or its Hessian became singular):
    /// where it stopped. Data on the edge of separability (classes that touch along a line) end here.
    case notConverged(theta: [Double], iterations: Int)

    /// θ* and J(θ*) when the fit converged, else nil.
    public var optimum: Optimum? {
        if case .optimum(let o, _) = self { return o }
        return nil
    }

    /// Whether the classes are separable (no finite optimum).
    public var isSeparable: Bool {
        if case .separable = self { return true }
        return false
    }
}

extension LogisticRegression {
    /// The minimiser of J by Newton's method (iteratively reweighted least squares) from θ = 0, each step
    /// θ ← θ − t·H⁻¹∇J with t halved until the loss falls (Armijo's condition; t = 1 near the optimum,
    /// where the convergence is quadratic). It stops when every coordinate of a full step is within
    /// `tolerance`·(1 + |θᵢ|).
    ///
    /// Separability is told exactly rather than from a loss threshold: without a penalty, as soon as an
    /// iterate puts every point strictly on its own side (margin (2y − 1)·z > 0 for all points) the data are
    /// separable, since scaling that θ up sends the loss to 0, which no θ reaches. Newton's iterates on
    /// separable data find such a θ within a few steps, as their weights grow.
    public func fitted(tolerance: Double = 1e-12, maxIterations: Int = 200) -> LogisticFit {
        let k = parameterCount
        var theta = [Double](repeating: 0, count: k)
        var g = [Double](repeating: 0, count: k)
        for iteration in 0..<maxIterations {
            let current = pass(theta)
            if l2 == 0 && current.notStrict == 0 { return .separable(separator: theta, iterations: iteration) }
            let loss = self.loss(theta)
            gradient(theta, into: &g)
            guard let h = hessian(at: theta), let d = h.matrix.solvePositiveDefinite(g), d.allSatisfy(\.isFinite) else {
                return .notConverged(theta: theta, iterations: iteration)
            }
            let slope = zip(g, d).reduce(0) { $0 + $1.0 * $1.1 }
            let done = zip(d, theta).allSatisfy { abs($0.0) <= tolerance * (1 + abs($0.1)) }
            var t = 1.0, next = theta
            for _ in 0..<60 {
                for i in 0..<k { next[i] = theta[i] - t * d[i] }
                // Near the optimum (Newton's decrement gᵀH⁻¹g below 1e-8 of the loss: where the convergence is
                // quadratic) a full step changes the loss by less than its rounding, and is taken all the same.
                if t == 1 && slope <= 1e-8 * loss { break }
                if self.loss(next) <= loss - 1e-4 * t * slope { break }
                t /= 2
            }
            if done {
                let final = self.loss(next) <= loss ? next : theta
                return .optimum(Optimum(theta: final, loss: self.loss(final)), iterations: iteration + 1)
            }
            theta = next
        }
        return .notConverged(theta: theta, iterations: maxIterations)
    }
}
