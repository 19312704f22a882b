/// The points held out of training for validation (`--validation`): never fitted, only measured. Their
/// features are made and scaled exactly as the training points' were (the training set's x̄ and σ), so
/// the model's θ applies to them as it is.
public struct HeldOut: Sendable, Equatable {
    /// Each point's input x as given (for a curve's picture; the first feature for several).
    public let inputs: [Double]
    /// The features, one array per feature, as the model sees them.
    public let columns: [[Double]]
    /// The targets.
    public let ys: [Double]

    /// The validation points of `validation`, whose features are already the model's; `inputs` their x as given.
    public init(_ validation: Dataset, inputs: [Double]) {
        self.inputs = inputs
        columns = validation.featureColumns
        ys = validation.ys
    }

    /// The number of points held out.
    public var count: Int { ys.count }

    /// The mean squared error of ŷ = wᵀx + b at θ over the held-out points: the validation loss.
    public func meanSquaredError(_ theta: [Double]) -> Double { points.meanSquaredError(theta) }

    /// The held-out points as a data set of their own (features as the model sees them).
    public var points: Dataset { Dataset(columns: columns, ys: ys, names: columns.indices.map { "x\($0 + 1)" }, source: "validation") }
}
