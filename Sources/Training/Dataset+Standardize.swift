/// How features were standardized: x′ⱼ = (xⱼ − x̄ⱼ)/σⱼ with σⱼ the population standard deviation.
public struct FeatureScaling: Sendable, Equatable {
    /// x̄ⱼ, one per feature.
    public var means: [Double]
    /// σⱼ, one per feature.
    public var deviations: [Double]

    /// θ fitted on the standardized features (w′₁…w′_p, b′) in the data's own units: the same predictions
    /// ŷ = Σ w′ⱼ·(xⱼ − x̄ⱼ)/σⱼ + b′ = Σ wⱼ·xⱼ + b with wⱼ = w′ⱼ/σⱼ and b = b′ − Σ w′ⱼ·x̄ⱼ/σⱼ.
    public func unscaled(_ theta: [Double]) -> [Double] {
        let p = means.count
        var out = theta
        var shift = 0.0
        for j in 0..<p {
            out[j] = theta[j] / deviations[j]
            shift += theta[j] * means[j] / deviations[j]
        }
        out[p] = theta[p] - shift
        return out
    }
}

extension Dataset {
    /// Every feature standardized to zero mean and unit (population) standard deviation, y unchanged, with
    /// the scaling kept in ``scaling``: from the points, or from their statistics alone (the summary's
    /// moments scaled, nothing read again). Nil when a feature does not vary (or the data is empty).
    ///
    /// With standardized features the intercept separates from the weights (x̄′ = 0, so b* = ȳ whatever w)
    /// and the bowl's axes are the features' correlations alone: the feature-scaling lesson.
    public func standardizingFeatures() -> Dataset? {
        guard count > 1 else { return nil }
        let n = Double(count)
        if let s = summary {
            let sd = (s.sxx / n).squareRoot()
            guard sd > 0, sd.isFinite else { return nil }
            var out = Dataset(summary: s.scaled(mean: s.meanX, deviation: sd), source: source + ", standardized")
            out.scaling = FeatureScaling(means: [s.meanX], deviations: [sd])
            return out
        }
        if let s = featureSummary {
            let sds = (0..<s.features).map { (s.sxx[$0, $0] / n).squareRoot() }
            guard sds.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
            var out = Dataset(featureSummary: s.scaled(deviations: sds), names: featureNames, source: source + ", standardized")
            out.scaling = FeatureScaling(means: s.means, deviations: sds)
            return out
        }
        var means: [Double] = [], sds: [Double] = [], columns: [[Double]] = []
        for column in featureColumns {
            let mean = column.reduce(0, +) / n
            let sd = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
            guard sd > 0 && sd.isFinite else { return nil }
            means.append(mean)
            sds.append(sd)
            columns.append(column.map { ($0 - mean) / sd })
        }
        var out = Dataset(columns: columns, ys: ys, names: featureNames, source: source + ", standardized")
        out.scaling = FeatureScaling(means: means, deviations: sds)
        return out
    }
}

extension DataSummary {
    /// The summary of the same points with x′ = (x − mean)/deviation.
    func scaled(mean: Double, deviation sd: Double) -> DataSummary {
        var s = self
        s.meanX = (meanX - mean) / sd
        s.sxx = sxx / (sd * sd)
        s.sxy = sxy / sd
        s.minX = (minX - mean) / sd
        s.maxX = (maxX - mean) / sd
        return s
    }
}

extension FeatureSummary {
    /// The summary of the same points with each feature centred and divided by `deviations[j]`.
    func scaled(deviations sd: [Double]) -> FeatureSummary {
        var s = self
        for i in 0..<features {
            for j in i..<features { s.sxx[i, j] = sxx[i, j] / (sd[i] * sd[j]) }
            s.sxy[i] = sxy[i] / sd[i]
            s.minimums[i] = (minimums[i] - means[i]) / sd[i]
            s.maximums[i] = (maximums[i] - means[i]) / sd[i]
            s.means[i] = 0
        }
        return s
    }
}
