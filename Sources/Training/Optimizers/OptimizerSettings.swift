/// The settings the optimizers read, each by the optimizers that have it, as torch.optim's constructors
/// take them (`momentum`, `betas`, `alpha`). Their defaults are PyTorch's, except the batch size.
public struct OptimizerSettings: Sendable, Equatable {
    /// Points per update of `minibatch`, at least 1.
    public var batchSize = 20
    /// β of `momentum` and `nesterov`, 0 ≤ β < 1 (torch's `momentum`).
    public var momentum = 0.9
    /// Adam's β₁, the decay of the first moment, 0 ≤ β₁ < 1.
    public var beta1 = 0.9
    /// Adam's β₂, the decay of the second moment, 0 ≤ β₂ < 1.
    public var beta2 = 0.999
    /// RMSprop's smoothing constant ρ of the mean square, 0 ≤ ρ < 1 (torch's `alpha`).
    public var rmsDecay = 0.99

    /// The default settings; set the properties to change them.
    public init() {}
}
