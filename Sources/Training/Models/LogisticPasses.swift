#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The passes over every point that logistic regression needs, each a sum over ``FixedChunks`` (the same
/// bits for any thread count). For a point x with label y and z = wᵀx + b, with e = exp(−|z|) (never
/// overflows, 0 < e ≤ 1) and i = 1/(1 + e):
///
///     σ(z)            = i         (z ≥ 0),   e·i   (z < 0)
///     −log-likelihood = max(z, 0) + log1p(e) − y·z          (softplus(z) − y·z: finite for every finite z)
///     σ(1 − σ)        = e·i·i
///
/// so no log(0), no exp overflow and no cancellation whatever |z| is. log1p(e) is taken through `log`
/// (glibc's `log1p` took over half an epoch): with u = 1 + e rounded, the rounding r = e − (u − 1) is exact,
/// and log1p(e) = log(u) + r/u to within (r/u)² ≈ 10⁻³², r/u = r·i; and a pass sums log(u) of 16 points at a
/// time as the log of their product (each u in [1, 2], so the product stays below 2¹⁶; 16 roundings of
/// the product add ~10⁻¹⁶ a point, as many as a log of each would), one `log` for 16 points.
extension LogisticRegression {
    /// What one pass at θ sums: the gradient's numerators and the loss's, and two counts.
    struct Sums: Sendable, Equatable {
        /// θ the pass was made at.
        var theta: [Double]
        /// Σ(σ(zᵢ) − yᵢ)·xᵢⱼ for each feature j, then Σ(σ(zᵢ) − yᵢ).
        var gradient: [Double]
        /// Σ [max(zᵢ, 0) + log1p(exp(−|zᵢ|)) − yᵢ·zᵢ].
        var loss: Double
        /// Points on the wrong side of the boundary (predicted 1 when z ≥ 0).
        var wrong: Int
        /// Points not strictly on their own side (z ≤ 0 with y = 1, or z ≥ 0 with y = 0): 0 means θ separates
        /// the classes, so scaling it up drives the loss to 0 and no finite optimum exists.
        var notStrict: Int
    }

    /// e = exp(−|z|) and i = 1/(1 + e), from which σ(z) and σ(1 − σ) are made.
    @inline(__always)
    static func parts(_ z: Double) -> (e: Double, inverse: Double) {
        let e = exp(-abs(z))
        return (e, 1 / (1 + e))
    }

    /// σ(z), stably.
    @inline(__always)
    static func sigma(_ z: Double) -> Double {
        let (e, inverse) = parts(z)
        return z >= 0 ? inverse : e * inverse
    }

    /// Points whose log(1 + e) a pass takes as the log of their product.
    static let logBlock = 16

    /// One pass at θ: the loss's and the gradient's sums and the counts.
    func sums(_ theta: [Double]) -> Sums {
        let p = data.featureCount, n = count
        let width = p + 4
        let totals = PointColumns.with(data) { columns in
            FixedChunks.sum(count: n, width: width, threads: threads) { range, out in
                Self.chunk(columns, theta, range, out)
            }
        }
        return Sums(theta: theta, gradient: Array(totals[0...p]), loss: totals[p + 1], wrong: Int(totals[p + 2]), notStrict: Int(totals[p + 3]))
    }

    /// The sums of the points in `range` (one chunk), in point order, into `out` (p + 4 slots).
    @inline(__always)
    static func chunk(_ columns: PointColumns, _ theta: [Double], _ range: Range<Int>, _ out: UnsafeMutableBufferPointer<Double>) {
        let p = columns.features.count, y = columns.y, b = theta[p]
        var loss = 0.0, wrong = 0.0, notStrict = 0.0
        /// The product of the u = 1 + e of the block's points so far, and how many there are.
        var product = 1.0, inBlock = 0
        /// Adds one point's terms (all but log u, which goes into the product); returns σ − y for the gradient.
        @inline(__always) func point(_ z: Double, _ yi: Double) -> Double {
            let e = exp(-abs(z))
            let u = 1 + e
            let inverse = 1 / u
            loss += (max(z, 0) + (e - (u - 1)) * inverse) - yi * z
            product *= u
            inBlock += 1
            if inBlock == logBlock {
                loss += log(product)
                product = 1
                inBlock = 0
            }
            // Selects, not branches: on overlapping classes the sign of z against y is a coin toss.
            let margin = yi == 1 ? z : -z
            wrong += (z >= 0 ? 1 : 0) == yi ? 0 : 1
            notStrict += margin <= 0 ? 1 : 0
            return (z >= 0 ? inverse : e * inverse) - yi
        }
        if p == 1 {
            let x = columns.features[0], w = theta[0]
            var g0 = 0.0, gb = 0.0
            for i in range {
                let r = point(w * x[i] + b, y[i])
                g0 += r * x[i]
                gb += r
            }
            out[0] = g0; out[1] = gb
        } else if p == 2 {
            let x1 = columns.features[0], x2 = columns.features[1], w1 = theta[0], w2 = theta[1]
            var g1 = 0.0, g2 = 0.0, gb = 0.0
            for i in range {
                let a = x1[i], c = x2[i]
                let r = point(w1 * a + w2 * c + b, y[i])
                g1 += r * a
                g2 += r * c
                gb += r
            }
            out[0] = g1; out[1] = g2; out[2] = gb
        } else {
            var g = [Double](repeating: 0, count: p + 1)
            for i in range {
                var z = theta[0] * columns.features[0][i]
                for j in 1..<p { z += theta[j] * columns.features[j][i] }
                let r = point(z + b, y[i])
                for j in 0..<p { g[j] += r * columns.features[j][i] }
                g[p] += r
            }
            for j in 0...p { out[j] = g[j] }
        }
        out[p + 1] = loss + log(product); out[p + 2] = wrong; out[p + 3] = notStrict
    }

    /// Σ σ(zᵢ)(1 − σ(zᵢ))·x̃ᵢx̃ᵢᵀ with x̃ = (x, 1): the unnormalised Hessian, its upper triangle row by row.
    func curvatureSums(_ theta: [Double]) -> SymmetricMatrix {
        let p = data.featureCount, k = p + 1
        let totals = PointColumns.with(data) { columns in
            FixedChunks.sum(count: count, width: k * (k + 1) / 2, threads: threads) { range, out in
                var x = [Double](repeating: 1, count: k)
                for i in range {
                    var z = theta[0] * columns.features[0][i]
                    for j in 1..<p { z += theta[j] * columns.features[j][i] }
                    for j in 0..<p { x[j] = columns.features[j][i] }
                    let t = Self.parts(z + theta[p])
                    let s = t.e * t.inverse * t.inverse
                    var slot = 0
                    for r in 0..<k { for c in r..<k { out[slot] += s * x[r] * x[c]; slot += 1 } }
                }
            }
        }
        var h = SymmetricMatrix(size: k)
        var slot = 0
        for r in 0..<k { for c in r..<k { h[r, c] = totals[slot]; slot += 1 } }
        return h
    }
}
