/// What batch descent needs of points with p features x = (x₁…x_p) and a target y, gathered one point at
/// a time in constant memory: the count, the means, the centred cross-product sums Σ(x − x̄)(x − x̄)ᵀ,
/// Σ(x − x̄)(y − ȳ) and Σ(y − ȳ)², and each feature's extremes: O(p²) numbers however many points.
///
/// Points are added with Welford's update in co-moment form, and summaries of separate pieces join
/// with Chan, Golub and LeVeque's pairwise formula (δ = x̄_b − x̄_a; C = C_a + C_b + δδᵀ·n_a·n_b/n), as
/// ``DataSummary`` does for one feature, and for the same reason: data far from zero keep their digits.
public struct FeatureSummary: Sendable, Equatable {
    /// p, the number of features.
    public let features: Int
    /// Points added.
    public private(set) var count = 0
    /// x̄, one mean per feature.
    internal(set) public var means: [Double]
    /// ȳ.
    public private(set) var meanY = 0.0
    /// Σ(x − x̄)(x − x̄)ᵀ, p×p.
    internal(set) public var sxx: SymmetricMatrix
    /// Σ(x − x̄)(y − ȳ), one per feature.
    internal(set) public var sxy: [Double]
    /// Σ(y − ȳ)².
    public private(set) var syy = 0.0
    /// Each feature's least and greatest value.
    internal(set) public var minimums: [Double], maximums: [Double]

    /// An empty summary of points with `features` features.
    public init(features: Int) {
        self.features = features
        means = [Double](repeating: 0, count: features)
        sxx = SymmetricMatrix(size: features)
        sxy = [Double](repeating: 0, count: features)
        minimums = [Double](repeating: .infinity, count: features)
        maximums = [Double](repeating: -.infinity, count: features)
    }

    /// Adds the point (x, y), x holding one value per feature.
    public mutating func add(_ x: [Double], _ y: Double) {
        add(count: features) { x[$0] } y: { y }
    }

    /// Adds the point whose features are `row`'s first p values and whose y is its last (no copy made).
    public mutating func add(row: [Double]) {
        let p = features
        add(count: p) { row[$0] } y: { row[p] }
    }

    /// Welford's update in its co-moment form: with d = x − x̄ and e = y − ȳ before the point,
    /// C += (n−1)/n·d·dᵀ, Σ(x − x̄)(y − ȳ) += (n−1)/n·d·e, Σ(y − ȳ)² += (n−1)/n·e², then x̄ += d/n, ȳ += e/n.
    @inline(__always)
    private mutating func add(count p: Int, _ x: (Int) -> Double, y: () -> Double) {
        count += 1
        let n = Double(count), shrink = (n - 1) / n
        let yv = y(), e = yv - meanY
        for i in 0..<p {
            let xi = x(i), di = xi - means[i]
            for j in i..<p { sxx[i, j] += shrink * di * (x(j) - means[j]) }
            sxy[i] += shrink * di * e
            minimums[i] = min(minimums[i], xi); maximums[i] = max(maximums[i], xi)
        }
        syy += shrink * e * e
        for i in 0..<p { means[i] += (x(i) - means[i]) / n }
        meanY += e / n
    }

    /// The summary of this summary's points and `other`'s together (Chan et al.).
    public func merged(with other: FeatureSummary) -> FeatureSummary {
        guard other.count > 0 else { return self }
        guard count > 0 else { return other }
        var s = FeatureSummary(features: features)
        let na = Double(count), nb = Double(other.count), n = na + nb, w = na * nb / n
        let dx = (0..<features).map { other.means[$0] - means[$0] }, dy = other.meanY - meanY
        s.count = count + other.count
        s.means = (0..<features).map { means[$0] + dx[$0] * nb / n }
        s.meanY = meanY + dy * nb / n
        for i in 0..<features {
            for j in i..<features { s.sxx[i, j] = sxx[i, j] + other.sxx[i, j] + dx[i] * dx[j] * w }
            s.sxy[i] = sxy[i] + other.sxy[i] + dx[i] * dy * w
            s.minimums[i] = min(minimums[i], other.minimums[i]); s.maximums[i] = max(maximums[i], other.maximums[i])
        }
        s.syy = syy + other.syy + dy * dy * w
        return s
    }

    /// The summary of the points of `columns` (one array per feature) and `ys`, paired by index.
    public init(columns: [[Double]], ys: [Double]) {
        self.init(features: columns.count)
        var x = [Double](repeating: 0, count: columns.count)
        for r in ys.indices {
            for i in columns.indices { x[i] = columns[i][r] }
            add(x, ys[r])
        }
    }
}
