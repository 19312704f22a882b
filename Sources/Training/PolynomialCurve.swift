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
