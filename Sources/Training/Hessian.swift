/// The Hessian of a model's loss, the matrix of its second derivatives ∇²J, the same at every θ for a
/// quadratic loss. For the line's mean squared error J(m, b) = 1/n Σ (yᵢ − (m·xᵢ + b))²,
///
///     H = [[∂²J/∂m², ∂²J/∂m∂b], [∂²J/∂m∂b, ∂²J/∂b²]] = 2·[[mean x², x̄], [x̄, 1]],
///
/// whose determinant 4·(mean x² − x̄²) = 4·Var(x) is taken from the loss surface's centred variance, not
/// from the difference, so data far from zero (x̄² ≫ Var x) keep its digits (``init(mm:mb:bb:determinant:)``).
/// With p features, H = 2·[[XᵀX/n, x̄], [x̄ᵀ, 1]] (``LinearRegression``). H is positive definite unless a
/// feature is constant or a combination of the others, when it is singular. With m held fixed (the b-only
/// descent) the Hessian of J(b) is the 1×1 matrix ∂²J/∂b² = 2 (``bOnly``).
///
/// See also ``LossSurface/stabilityLimit``: 2/λmax of the same matrix.
public struct Hessian: Sendable, Equatable {
    /// The matrix, k×k in θ's order.
    public let matrix: SymmetricMatrix
    /// The parameters held fixed, whose rows and columns a solve leaves out (the b-only run holds m, θ₀).
    public let held: Set<Int>
    /// det H as its maker computed it stably (the line's 4·Var x), used by the 2×2 solve.
    private let determinant2: Double?

    /// The line's symmetric matrix [[mm, mb], [mb, bb]] with its determinant, computed by the caller as
    /// stably as it can.
    public init(mm: Double, mb: Double, bb: Double, determinant: Double) {
        var a = SymmetricMatrix(size: 2)
        a[0, 0] = mm; a[0, 1] = mb; a[1, 1] = bb
        (matrix, held, determinant2) = (a, [], determinant)
    }

    /// The Hessian `matrix`, with the parameters `held` fixed.
    public init(_ matrix: SymmetricMatrix, held: Set<Int> = []) {
        (self.matrix, self.held, determinant2) = (matrix, held, nil)
    }

    /// The Hessian of J(b) with m held fixed: ∂²J/∂b² = 2.
    public static let bOnly: Hessian = {
        var a = SymmetricMatrix(size: 2)
        a[1, 1] = 2
        return Hessian(a, held: [0])
    }()

    /// ∂²J/∂m² (the line's; 0 with m held fixed).
    public var mm: Double { matrix[0, 0] }
    /// ∂²J/∂m∂b (the line's).
    public var mb: Double { matrix[0, 1] }
    /// ∂²J/∂b² (the line's).
    public var bb: Double { matrix[1, 1] }
    /// Whether m is held fixed, so that H is the 1×1 matrix ``bb``.
    public var holdsM: Bool { held.contains(0) }

    /// Whether H (without its held rows) can be inverted: positive definite, as a mean squared error's
    /// Hessian is whenever it is invertible.
    public var isInvertible: Bool {
        if let det = determinant2, held.isEmpty { return det.isFinite && det > 0 && bb > 0 }
        return solve([Double](repeating: 1, count: matrix.size)) != nil
    }

    /// d = H⁻¹·v, the solution of H·d = v over the parameters not held (0 for those held), nil when H is
    /// singular. The line's 2×2 is solved in closed form with its stable determinant,
    ///
    ///     d = 1/det · (bb·v_m − mb·v_b,  mm·v_b − mb·v_m),
    ///
    /// and d = (0, v_b/bb) with m held fixed; larger matrices by Cholesky's factorisation.
    @inline(__always)
    public func solve(_ v: [Double]) -> [Double]? {
        let k = matrix.size
        if k == 2, let det = determinant2, held.isEmpty {
            guard det.isFinite && det > 0 && bb > 0 else { return nil }
            return [(bb * v[0] - mb * v[1]) / det, (mm * v[1] - mb * v[0]) / det]
        }
        let free = (0..<k).filter { !held.contains($0) }
        if free.count == 1 {
            let i = free[0], a = matrix[i, i]
            guard a > 0, a.isFinite else { return nil }
            var d = [Double](repeating: 0, count: k)
            d[i] = v[i] / a
            return d
        }
        var sub = SymmetricMatrix(size: free.count)
        for (r, i) in free.enumerated() { for (c, j) in free.enumerated() where c >= r { sub[r, c] = matrix[i, j] } }
        guard let x = sub.solvePositiveDefinite(free.map { v[$0] }) else { return nil }
        var d = [Double](repeating: 0, count: k)
        for (r, i) in free.enumerated() { d[i] = x[r] }
        return d
    }
}

extension LossSurface {
    /// The Hessian of J: 2·[[mean x², x̄], [x̄, 1]], with determinant 4·Var(x).
    public var hessian: Hessian {
        Hessian(mm: 2 * meanXSquared, mb: 2 * meanX, bb: 2, determinant: 4 * varianceX)
    }
}
