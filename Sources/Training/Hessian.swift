/// The Hessian of the mean squared error J(m, b) = 1/n Σ (yᵢ − (m·xᵢ + b))², the matrix of its second
/// derivatives,
///
///     H = ∇²J = [[∂²J/∂m², ∂²J/∂m∂b], [∂²J/∂m∂b, ∂²J/∂b²]] = 2·[[mean x², x̄], [x̄, 1]],
///
/// the same at every (m, b) because J is quadratic. Its determinant 4·(mean x² − x̄²) = 4·Var(x) is taken
/// from the loss surface's centred variance, not from the difference, so data far from zero
/// (x̄² ≫ Var x) keep its digits. H is positive definite unless x is constant (Var x = 0), when it is
/// singular; ``LossSurface`` refuses such data. With m held fixed (the b-only descent) the Hessian of
/// J(b) is the 1×1 matrix ∂²J/∂b² = 2 (``bOnly``).
///
/// See also ``LossSurface/stabilityLimit``: 2/λmax of the same matrix.
public struct Hessian: Sendable, Equatable {
    /// ∂²J/∂m² = 2·mean x² (unused with m held fixed).
    public let mm: Double
    /// ∂²J/∂m∂b = 2·x̄ (0 with m held fixed).
    public let mb: Double
    /// ∂²J/∂b² = 2.
    public let bb: Double
    /// det H = mm·bb − mb², computed as 4·Var(x); ∂²J/∂b² = 2 with m held fixed.
    public let determinant: Double
    /// Whether m is held fixed, so that H is the 1×1 matrix ``bb``.
    public let holdsM: Bool

    /// The symmetric matrix [[mm, mb], [mb, bb]] with its determinant, computed by the caller as stably
    /// as it can.
    public init(mm: Double, mb: Double, bb: Double, determinant: Double) {
        (self.mm, self.mb, self.bb, self.determinant, holdsM) = (mm, mb, bb, determinant, false)
    }

    private init(bOnly bb: Double) { (mm, mb, self.bb, determinant, holdsM) = (0, 0, bb, bb, true) }

    /// The Hessian of J(b) with m held fixed: ∂²J/∂b² = 2.
    public static let bOnly = Hessian(bOnly: 2)

    /// Whether H can be inverted: a finite, positive determinant (positive definite, as a mean squared
    /// error's Hessian is whenever it is invertible).
    public var isInvertible: Bool { determinant.isFinite && determinant > 0 && bb > 0 }

    /// d = H⁻¹·v, the solution of H·d = v:
    ///
    ///     d = 1/det · (bb·v_m − mb·v_b,  mm·v_b − mb·v_m)
    ///
    /// and d = (0, v_b/bb) with m held fixed; nil when H is singular.
    @inline(__always)
    public func solve(_ v: (dm: Double, db: Double)) -> (m: Double, b: Double)? {
        guard isInvertible else { return nil }
        if holdsM { return (0, v.db / bb) }
        return ((bb * v.dm - mb * v.db) / determinant, (mm * v.db - mb * v.dm) / determinant)
    }
}

extension LossSurface {
    /// The Hessian of J: 2·[[mean x², x̄], [x̄, 1]], with determinant 4·Var(x).
    public var hessian: Hessian {
        Hessian(mm: 2 * meanXSquared, mb: 2 * meanX, bb: 2, determinant: 4 * varianceX)
    }
}
