/// Holding out a validation set: the points a model is not fitted on, whose error against the training
/// error shows overfitting (scikit-learn's `train_test_split`, with the points' order kept).
extension Dataset {
    /// Why a data set cannot be split.
    public enum SplitError: Error, Equatable, CustomStringConvertible {
        /// The fraction is not strictly between 0 and 1.
        case fraction(Double)
        /// A side would get fewer than two points (a line needs two).
        case tooFewPoints(training: Int, validation: Int)
        /// Only the points' statistics were kept, and a split needs the points.
        case needsPoints

        public var description: String {
            switch self {
            case .fraction(let f): return "the validation fraction is \(f); it must lie strictly between 0 and 1"
            case .tooFewPoints(let t, let v):
                return "the split leaves \(t) training and \(v) validation points; each side needs at least 2 (change the fraction or use more points)"
            case .needsPoints: return "a validation split needs the points themselves, and only their statistics were kept"
            }
        }
    }

    /// Salt of the split's random stream ("VALIDATE"), so that a split and a preset drawn from the same seed
    /// are unrelated.
    static let splitSalt: UInt64 = 0x5641_4C49_4441_5445

    /// The points divided into a training set and a validation set of round(fraction·n) points, chosen by a
    /// partial Fisher–Yates shuffle of the indices from `SplitMix64(seed: seed ^ "VALIDATE")`: the same seed
    /// gives the same split on every machine. Each side keeps the points in their original order, every feature
    /// and the ``scaling`` they have.
    ///
    /// - Throws: ``SplitError`` for a fraction outside (0, 1), a side of fewer than 2 points, or no points.
    public func split(validationFraction fraction: Double, seed: UInt64) throws(SplitError) -> (training: Dataset, validation: Dataset) {
        guard fraction.isFinite, fraction > 0, fraction < 1 else { throw .fraction(fraction) }
        guard hasPoints else { throw .needsPoints }
        let n = ys.count
        let held = Int((fraction * Double(n)).rounded())
        guard held >= 2, n - held >= 2 else { throw .tooFewPoints(training: n - held, validation: held) }
        var rng = SplitMix64(seed: seed ^ Self.splitSalt)
        var indices = Array(0..<n)
        for k in 0..<held { indices.swapAt(k, k + rng.below(n - k)) }
        var isValidation = [Bool](repeating: false, count: n)
        for k in 0..<held { isValidation[indices[k]] = true }
        let training = (0..<n).filter { !isValidation[$0] }, validation = (0..<n).filter { isValidation[$0] }
        return (subset(training, source + ", training"), subset(validation, source + ", validation"))
    }

    /// The points at `indices`, in that order, with this data's names and scaling.
    func subset(_ indices: [Int], _ source: String) -> Dataset {
        var out = Dataset(columns: featureColumns.map { column in indices.map { column[$0] } }, ys: indices.map { ys[$0] },
                          names: featureNames, source: source)
        out.scaling = scaling
        return out
    }

    /// The mean squared error of ŷ = wᵀx + b at θ = (w₁…w_p, b) over these points, summed from the points
    /// themselves: a validation set's loss, which needs no model of its own (a few held-out points may not
    /// determine p weights, so ``LinearRegression`` would refuse them).
    public func meanSquaredError(_ theta: [Double]) -> Double {
        precondition(hasPoints, "the mean squared error on a data set needs its points")
        precondition(theta.count == featureCount + 1, "θ has \(theta.count) values for \(featureCount) features and b")
        let columns = featureColumns, p = featureCount
        var total = 0.0
        for i in ys.indices {
            var r = ys[i] - theta[p]
            for j in 0..<p { r -= theta[j] * columns[j][i] }
            total += r * r
        }
        return total / Double(ys.count)
    }

    /// These points' features standardized with another set's scaling, x′ⱼ = (xⱼ − x̄ⱼ)/σⱼ with `scaling`'s x̄
    /// and σ (y unchanged): a validation set scaled as its training set was, never by its own statistics,
    /// which would move its points relative to the model's.
    public func scaled(by scaling: FeatureScaling) -> Dataset {
        precondition(hasPoints, "scaling by another set's statistics needs the points themselves")
        precondition(scaling.means.count == featureCount, "the scaling has \(scaling.means.count) features, the data \(featureCount)")
        let columns = featureColumns.enumerated().map { j, column in column.map { scaling.scaled($0, feature: j) } }
        var out = Dataset(columns: columns, ys: ys, names: featureNames, source: source + ", standardized")
        out.scaling = scaling
        return out
    }
}

extension FeatureScaling {
    /// (x − x̄ⱼ)/σⱼ: feature j's value x as the model fitted on standardized features sees it.
    @inline(__always)
    public func scaled(_ x: Double, feature j: Int) -> Double { (x - means[j]) / deviations[j] }

    /// A point's features (x₁…x_p) as the model fitted on standardized features sees them.
    public func scaled(_ row: [Double]) -> [Double] { row.indices.map { scaled(row[$0], feature: $0) } }
}
