/// A small symmetric k×k matrix (k ≤ a few dozen: a model's parameters), row-major, with the two things
/// the models need of it: solving A·x = v and the largest eigenvalue.
///
/// Written by hand rather than through LAPACK: k is at most about 20 here, the two algorithms are short
/// and well understood (Cholesky's factorisation; Jacobi's rotations, accurate to a few ulps in every
/// eigenvalue of a symmetric matrix), and the package then needs no Fortran runtime on any platform.
public struct SymmetricMatrix: Sendable, Equatable {
    /// k.
    public let size: Int
    /// The entries, row by row (aᵢⱼ at i·k + j, aᵢⱼ = aⱼᵢ).
    public private(set) var entries: [Double]

    /// The k×k zero matrix.
    public init(size: Int) {
        self.size = size
        entries = [Double](repeating: 0, count: size * size)
    }

    /// aᵢⱼ; setting it sets aⱼᵢ too.
    public subscript(i: Int, j: Int) -> Double {
        get { entries[i * size + j] }
        set { entries[i * size + j] = newValue; entries[j * size + i] = newValue }
    }

    /// x with A·x = v by Cholesky's A = L·Lᵀ, or nil when A is not positive definite to working precision
    /// (a pivot ≤ k·ε times the largest diagonal entry: a feature that is constant or a combination of others).
    public func solvePositiveDefinite(_ v: [Double]) -> [Double]? {
        let k = size
        guard k > 0 else { return [] }
        let largest = (0..<k).map { self[$0, $0] }.max() ?? 0
        guard largest > 0, largest.isFinite else { return nil }
        var l = [Double](repeating: 0, count: k * k)
        for j in 0..<k {
            var d = self[j, j]
            for p in 0..<j { d -= l[j * k + p] * l[j * k + p] }
            guard d > Double(k) * Double.ulpOfOne * largest, d.isFinite else { return nil }
            let root = d.squareRoot()
            l[j * k + j] = root
            for i in (j + 1)..<max(j + 1, k) {
                var s = self[i, j]
                for p in 0..<j { s -= l[i * k + p] * l[j * k + p] }
                l[i * k + j] = s / root
            }
        }
        var y = v
        for i in 0..<k {
            var s = y[i]
            for p in 0..<i { s -= l[i * k + p] * y[p] }
            y[i] = s / l[i * k + i]
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = y[i]
            for p in (i + 1)..<max(i + 1, k) { s -= l[p * k + i] * y[p] }
            y[i] = s / l[i * k + i]
        }
        return y
    }

    /// The eigenvalues, largest first, by cyclic Jacobi rotations until the off-diagonal part is below
    /// ε times the matrix's norm (or 50 sweeps, far more than a k ≤ 30 matrix needs).
    public var eigenvalues: [Double] {
        let k = size
        var a = entries
        let norm = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for _ in 0..<50 {
            var off = 0.0
            for i in 0..<k { for j in 0..<k where i != j { off += a[i * k + j] * a[i * k + j] } }
            if off.squareRoot() <= Double.ulpOfOne * norm { break }
            for p in 0..<k {
                for q in (p + 1)..<max(p + 1, k) where a[p * k + q] != 0 {
                    // The rotation that zeroes a_pq (Golub & Van Loan, Algorithm 8.5.1).
                    let tau = (a[q * k + q] - a[p * k + p]) / (2 * a[p * k + q])
                    let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = t * c
                    for r in 0..<k {
                        let arp = a[r * k + p], arq = a[r * k + q]
                        a[r * k + p] = c * arp - s * arq
                        a[r * k + q] = s * arp + c * arq
                    }
                    for r in 0..<k {
                        let apr = a[p * k + r], aqr = a[q * k + r]
                        a[p * k + r] = c * apr - s * aqr
                        a[q * k + r] = s * apr + c * aqr
                    }
                }
            }
        }
        return (0..<k).map { a[$0 * k + $0] }.sorted(by: >)
    }
}
