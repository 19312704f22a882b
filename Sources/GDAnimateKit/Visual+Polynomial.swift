import Training

extension Visual {
    /// `raw` made ready for training when ``degree`` or ``validation`` asks: the validation points held out
    /// first (seeded by ``seed``), then the training points' polynomial features (z = x standardized by
    /// the training points, its powers, each standardized again), and the held-out points given the same
    /// features and scaling, so that one θ applies to both. Without a degree the features are standardized
    /// only when ``standardize`` says so.
    ///
    /// - Throws: ``VisualError`` naming ``validation`` or ``degree`` when the split or the powers cannot be
    ///   made (fewer than two points on a side, statistics without points, no spread in x).
    func prepared(_ raw: Dataset) throws(VisualError) -> Dataset {
        var training = raw, validation: Dataset?
        if let fraction = self.validation {
            do { (training, validation) = try raw.split(validationFraction: fraction, seed: seed) } catch {
                throw .invalid(property: .validation, value: fraction.roundTripText, requirement: "a fraction that leaves at least 2 points on each side", reason: "\(error)")
            }
        }
        let inputs = training.xs, heldInputs = validation?.xs ?? []
        var polynomial: PolynomialFeatures?
        if let degree {
            do {
                let features = try PolynomialFeatures(degree: degree, of: training)
                polynomial = features
                training = try features.transform(training)
                validation = try validation.map { v throws(PolynomialFeatures.Invalid) in try features.transform(v) }
            } catch {
                throw .unfittable(source: raw.source, problem: "a polynomial of degree \(degree): \(error)")
            }
        }
        if standardize || degree != nil {
            guard let scaled = training.standardizingFeatures(), let scaling = scaled.scaling else { throw .constantFeature(source: raw.source) }
            training = scaled
            validation = validation?.scaled(by: scaling)
        }
        if let polynomial { training.curve = PolynomialCurve(features: polynomial, scaling: training.scaling, inputs: inputs) }
        if let validation { training.heldOut = HeldOut(validation, inputs: heldInputs) }
        return training
    }
}
