/// A model whose parameters θ ∈ ℝᵏ gradient descent fits: its named parameters, its loss J(θ), the
/// gradient ∇J(θ) and, where they are closed, the Hessian ∇²J, the optimum θ* and the stability limit of
/// batch descent, as scikit-learn keeps a loss apart from the estimator that uses it and torch.optim sees
/// only parameters and their gradients.
///
/// A model is one file conforming to this protocol. ``GradientDescent/run(model:_:each:)`` runs any
/// optimizer of ``Optimizer/registered`` on it: a full-batch optimizer asks ``gradient(_:into:)`` once an epoch, a
/// stochastic one ``gradient(ofBatch:_:_:at:into:)`` once an update.
public protocol Model: Sendable {
    /// The parameters' names in θ's order, as histories, readouts and descriptions write them: `m`, `b`
    /// for the line; `w1`…`wp`, `b` for p features.
    var parameterNames: [String] { get }
    /// The number of points the loss averages over, n.
    var count: Int { get }
    /// J(θ).
    func loss(_ theta: [Double]) -> Double
    /// Writes ∇J(θ) into `g` (of θ's count).
    func gradient(_ theta: [Double], into g: inout [Double])
    /// Writes the mean gradient of the squared errors of the points at positions `range` of `order` into `g`:
    /// the gradient of a stochastic update. `ahead` gathers the scattered points a run at a time.
    func gradient(ofBatch range: Range<Int>, _ order: EpochOrder, _ ahead: inout EpochOrder.Ahead, at theta: [Double], into g: inout [Double])
    /// ∇²J when it is the same at every θ (a quadratic loss), else nil.
    var hessian: Hessian? { get }
    /// ∇²J at θ: for a loss whose Hessian changes with θ (logistic regression's), which Newton's method
    /// then asks for at every update; nil when there is none. Default: the constant ``hessian``.
    func hessian(at theta: [Double]) -> Hessian?
    /// The minimiser θ* and its loss J(θ*) when they are closed (the normal equations), else nil.
    var optimum: Optimum? { get }
    /// 2/λmax of the Hessian: batch descent with a constant rate below it converges; nil when not closed.
    var stabilityLimit: Double? { get }
    /// The loss of the best constant prediction (for the mean squared error, the variance of y): the scale
    /// a loss is read against.
    var lossScale: Double { get }
    /// What one full-batch epoch costs, in multiply-adds: k² from sufficient statistics, n·k when every
    /// point must be visited.
    var epochCost: Int { get }
    /// The proximal step of a non-smooth part of J after each update at rate α (lasso's soft-thresholding,
    /// ``PenalizedRegression``): θ ← prox_{α·h}(θ). Default: nothing, for a smooth loss.
    func proximal(_ theta: inout [Double], rate: Double)
    /// Whether ``proximal(_:rate:)`` does anything, read once a run so that a smooth model's updates make no
    /// call for it. Default false.
    var takesProximalSteps: Bool { get }
    /// What the loss is called on an axis and in a readout. Default `MSE`, the mean squared error.
    var lossName: String { get }
    /// What the least loss J* is called in a legend. Default `least-squares minimum`.
    var optimumName: String { get }
}

extension Model {
    /// k, the number of parameters.
    public var parameterCount: Int { parameterNames.count }

    /// Nothing: a smooth loss has no proximal step.
    @inline(__always)
    public func proximal(_ theta: inout [Double], rate: Double) {}

    public var takesProximalSteps: Bool { false }

    public var lossName: String { "MSE" }
    public var optimumName: String { "least-squares minimum" }

    public func hessian(at theta: [Double]) -> Hessian? { hessian }
}

/// A model's closed-form optimum: θ* and the least loss J(θ*).
public struct Optimum: Sendable, Equatable {
    /// θ*, in the model's parameter order.
    public var theta: [Double]
    /// J(θ*).
    public var loss: Double

    /// The optimum θ* with loss J(θ*).
    public init(theta: [Double], loss: Double) {
        self.theta = theta
        self.loss = loss
    }
}
