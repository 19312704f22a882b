/// A model of polynomial features drawn as what it is, a curve over its one input x: the features' recipe
/// (``PolynomialFeatures``), the standardization applied to them after (``FeatureScaling``), and each
/// training point's x, which its columns no longer hold.
public struct PolynomialCurve: Sendable, Equatable {
    /// How x became z, z², …, z^d.
    public let features: PolynomialFeatures
    /// How those features were standardized for training, when they were.
    public let scaling: FeatureScaling?
    /// Each point's x, in the data's order.
    public let inputs: [Double]

    public init(features: PolynomialFeatures, scaling: FeatureScaling?, inputs: [Double]) {
        self.features = features
        self.scaling = scaling
        self.inputs = inputs
    }

    /// The features the model sees at x: the powers, standardized as in training.
    public func row(at x: Double) -> [Double] {
        let powers = features.powers(x)
        return scaling.map { $0.scaled(powers) } ?? powers
    }

    /// ŷ(x) = wᵀf(x) + b at θ = (w₁…w_d, b).
    public func prediction(_ theta: [Double], at x: Double) -> Double {
        let f = row(at: x)
        var y = theta[f.count]
        for j in f.indices { y += theta[j] * f[j] }
        return y
    }
}

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
    public func meanSquaredError(_ theta: [Double]) -> Double {
        Dataset(columns: columns, ys: ys, names: columns.indices.map { "x\($0 + 1)" }, source: "validation").meanSquaredError(theta)
    }
}
