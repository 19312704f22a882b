/// What batch descent needs of a data set, gathered one point at a time: the count, the means, the centred
/// sums Σ(x − x̄)², Σ(x − x̄)(y − ȳ), Σ(y − ȳ)², and the extremes, in constant memory however many points.
///
/// Points are added with Welford's update, and summaries of separate pieces join with Chan, Golub and
/// LeVeque's pairwise formula (δ = x̄_b − x̄_a; M₂ = M₂a + M₂b + δ²·n_a·n_b/n), both as exact as the two-pass
/// sums for data far from zero, where the textbook Σx² − n·x̄² loses every digit.
public struct DataSummary: Sendable, Equatable {
    /// Points added.
    public private(set) var count = 0
    internal(set) public var meanX = 0.0, meanY = 0.0
    /// Σ(x − x̄)², Σ(x − x̄)(y − ȳ), Σ(y − ȳ)².
    internal(set) public var sxx = 0.0, sxy = 0.0, syy = 0.0
    internal(set) public var minX = Double.infinity, maxX = -Double.infinity
    public private(set) var minY = Double.infinity, maxY = -Double.infinity

    /// An empty summary.
    public init() {}

    /// Adds the point (x, y) (Welford).
    @inline(__always)
    public mutating func add(_ x: Double, _ y: Double) {
        count += 1
        let n = Double(count)
        let dx = x - meanX, dy = y - meanY
        meanX += dx / n
        meanY += dy / n
        let dx2 = x - meanX
        sxx += dx * dx2
        sxy += dx * (y - meanY)
        syy += dy * (y - meanY)
        minX = min(minX, x); maxX = max(maxX, x)
        minY = min(minY, y); maxY = max(maxY, y)
    }

    /// The summary of this summary's points and `other`'s together (Chan et al.).
    public func merged(with other: DataSummary) -> DataSummary {
        guard other.count > 0 else { return self }
        guard count > 0 else { return other }
        var s = DataSummary()
        let na = Double(count), nb = Double(other.count), n = na + nb
        let dx = other.meanX - meanX, dy = other.meanY - meanY
        s.count = count + other.count
        s.meanX = meanX + dx * nb / n
        s.meanY = meanY + dy * nb / n
        s.sxx = sxx + other.sxx + dx * dx * na * nb / n
        s.sxy = sxy + other.sxy + dx * dy * na * nb / n
        s.syy = syy + other.syy + dy * dy * na * nb / n
        s.minX = min(minX, other.minX); s.maxX = max(maxX, other.maxX)
        s.minY = min(minY, other.minY); s.maxY = max(maxY, other.maxY)
        return s
    }

    /// The summary of `xs` and `ys`, paired by index.
    public init(xs: [Double], ys: [Double]) {
        self.init()
        for (x, y) in zip(xs, ys) { add(x, y) }
    }
}
