/// Linear regression with a penalty on its weights (ridge, lasso or the elastic net, ``Penalty``): the same
/// predictions ŷ = wᵀx + b and parameters θ = (w₁…w_p, b) (θ = (m, b) for the line) as ``LinearRegression``,
/// and the loss
///
///     J(θ) = MSE(θ) + λ·[(1 − r)·‖w‖₂² + r·‖w‖₁],
///
/// the intercept b never penalised. Descent takes the gradient of the smooth part (the MSE's plus
/// 2λ(1 − r)·w) and, after every update, the L1 part's proximal step (``proximal(_:rate:)``): with plain
/// descent that is ISTA, the proximal gradient method, whose fixed points are exactly the penalised optima,
/// so a lasso weight reaches 0 exactly and stays there.
///
/// The optimum is closed for ridge (the normal equations with λ on the diagonal) and found by coordinate
/// descent, polished to the exact solution of its optimality conditions, for lasso and the elastic net
/// (``PenalizedSolver``).
public struct PenalizedRegression: Model, Equatable {
    /// The unpenalised model: its data, statistics and mean squared error.
    public let base: LinearRegression
    /// The penalty on the weights.
    public let penalty: Penalty
    /// θ* and J(θ*), computed once.
    public let optimum: Optimum?
    let solver: PenalizedSolver

    /// `base` with `penalty` on its weights.
    public init(_ base: LinearRegression, penalty: Penalty) {
        self.base = base
        self.penalty = penalty
        solver = PenalizedSolver(base)
        let theta = solver.theta(solver.weights(penalty))
        optimum = Optimum(theta: theta, loss: base.loss(theta) + penalty.value(theta))
    }

    /// The model of `data` with `penalty`. Throws as ``LinearRegression/init(_:)`` does.
    public init(_ data: Dataset, penalty: Penalty) throws(LossSurface.SetupError) {
        self.init(try LinearRegression(data), penalty: penalty)
    }

    public var parameterNames: [String] { base.parameterNames }
    public var count: Int { base.count }

    /// J(θ) = MSE(θ) + the penalty.
    @inline(__always)
    public func loss(_ theta: [Double]) -> Double { base.loss(theta) + penalty.value(theta) }

    /// The mean squared error alone at θ.
    public func mse(_ theta: [Double]) -> Double { base.loss(theta) }

    /// The penalty's part of J at θ.
    public func penaltyValue(_ theta: [Double]) -> Double { penalty.value(theta) }

    /// The positions in θ of the weights that are exactly 0 (never b's).
    public func zeroWeights(_ theta: [Double]) -> [Int] { (0..<(theta.count - 1)).filter { theta[$0] == 0 } }

    /// The gradient of the smooth part: the MSE's plus 2λ(1 − r)·w.
    @inline(__always)
    public func gradient(_ theta: [Double], into g: inout [Double]) {
        base.gradient(theta, into: &g)
        penalty.addSmoothGradient(theta, into: &g)
    }

    /// A batch's MSE gradient plus 2λ(1 − r)·w (the penalty is the same for every point).
    @inline(__always)
    public func gradient(ofBatch range: Range<Int>, _ order: EpochOrder, _ ahead: inout EpochOrder.Ahead, at theta: [Double], into g: inout [Double]) {
        base.gradient(ofBatch: range, order, &ahead, at: theta, into: &g)
        penalty.addSmoothGradient(theta, into: &g)
    }

    /// The L1 part's proximal step: soft-thresholding of every weight by rate·λ·r (nothing for ridge).
    @inline(__always)
    public func proximal(_ theta: inout [Double], rate: Double) { penalty.proximal(&theta, rate: rate) }

    /// Whether there is an L1 part to threshold (lasso, elastic net with r > 0).
    public var takesProximalSteps: Bool { penalty.l1Weight > 0 }

    /// The Hessian of the smooth part, constant: the MSE's plus 2λ(1 − r) on the weights' diagonal. For ridge
    /// it is J's own Hessian, and Newton's method at rate 1 lands on the ridge optimum in one step. With an L1
    /// part (lasso, elastic net) J has no Hessian at a zero weight; Newton's method then steps on the smooth
    /// part and takes the proximal step at its rate in the plain Euclidean metric, not in H's, and a fixed point
    /// of that is not the penalised optimum unless H is a multiple of the identity on the weights. The same
    /// holds for every rule that rescales or accumulates its steps (momentum, Nesterov, Adam, RMSprop,
    /// Adagrad): only plain descent (batch, sgd, mini-batch) is the proximal gradient method.
    public var hessian: Hessian? {
        let twice = 2 * penalty.l2Weight
        if let line = base.line {
            let h = line.hessian
            // det = (mm + 2a)·bb − mb² = 4·(Var x + a), kept in its stable form.
            return Hessian(mm: h.mm + twice, mb: h.mb, bb: h.bb, determinant: 4 * (line.varianceX + penalty.l2Weight))
        }
        guard let h = base.hessian else { return nil }
        var m = h.matrix
        for j in 0..<(m.size - 1) { m[j, j] += twice }
        return Hessian(m)
    }

    /// 2/λmax of the smooth part's Hessian: batch descent (and ISTA) with a constant rate below it converges.
    public var stabilityLimit: Double? {
        if let line = base.line {
            let a = line.meanXSquared + penalty.l2Weight, half = (a - 1) / 2
            return 2 / (2 * ((a + 1) / 2 + (half * half + line.meanX * line.meanX).squareRoot()))
        }
        guard let h = hessian, let top = h.matrix.eigenvalues.first else { return nil }
        return 2 / top
    }

    /// The least-squares optimum without the penalty (λ = 0), found and refined as the penalised one is: the
    /// star the penalised descent is pulled away from.
    public var unpenalizedOptimum: Optimum {
        let theta = solver.theta(solver.weights(try! Penalty(.l2, lambda: 0)))
        return Optimum(theta: theta, loss: base.loss(theta))
    }

    /// The variance of y: the loss of the best constant, whose weights are 0 and cost no penalty.
    public var lossScale: Double { base.lossScale }

    public var epochCost: Int { base.epochCost }

    /// `MSE + λ‖w‖₁` (lasso), `MSE + λ‖w‖²` (ridge) or `MSE + λ·(…‖w‖² + …‖w‖₁)` (the elastic net), λ written out.
    public var lossName: String {
        let lambda = penalty.lambda.roundTripText
        switch penalty.kind {
        case .l2: return "MSE + \(lambda)‖w‖²"
        case .l1: return "MSE + \(lambda)‖w‖₁"
        case .elastic: return "MSE + \(lambda)·(\((1 - penalty.l1Ratio).roundTripText)‖w‖² + \(penalty.l1Ratio.roundTripText)‖w‖₁)"
        }
    }

    /// `ridge minimum`, `lasso minimum` or `elastic-net minimum`.
    public var optimumName: String {
        switch penalty.kind {
        case .l2: return "ridge minimum"
        case .l1: return "lasso minimum"
        case .elastic: return "elastic-net minimum"
        }
    }
}
