/// Polynomial features of one input x: the features z, z², …, z^d of a linear model whose fitted
/// ŷ = w₁z + … + w_d·z^d + b is a polynomial of degree d in x (scikit-learn's `PolynomialFeatures` with
/// `include_bias=False`).
///
/// z is x standardized first, z = (x − x̄)/σ with the training points' mean and population standard deviation
/// (``center``, ``scale``), unless asked for raw powers. Powers of a centred input are far better conditioned
/// than raw ones: for 30 points on [0, 1), the condition number of the (standardized) degree-15 feature matrix
/// is 2·10⁶ for powers of z against 4·10¹¹ for powers of x, whose normal equations carry no correct digit;
/// degree 9 is 3·10³ against 5·10⁶. The fitted curve is the same polynomial either way (1, z, …, z^d span the
/// same functions as 1, x, …, x^d); only the weights' meaning differs. The features are usually standardized
/// again afterwards (``Dataset/standardizingFeatures()``): a raw z^15 spans thousands and makes gradient
/// descent crawl.
///
/// The features are named by the input's name with Unicode superscripts, `x`, `x²`, `x³`, … `x¹⁵`, which any
/// chart label prints as it is.
public struct PolynomialFeatures: Sendable, Equatable {
    /// The degrees a course asks for.
    public static let degrees = 1...20

    /// Why polynomial features cannot be made.
    public enum Invalid: Error, Equatable, CustomStringConvertible {
        /// The degree is outside ``PolynomialFeatures/degrees``.
        case degree(Int)
        /// The data has several features already; powers are of one input.
        case severalFeatures(Int)
        /// The data kept only its statistics: the powers need the points themselves.
        case needsPoints
        /// Fewer than two points, or every x the same: no spread to standardize by.
        case noSpread

        public var description: String {
            switch self {
            case .degree(let d): return "the polynomial degree is \(d); it must be from \(degrees.lowerBound) to \(degrees.upperBound)"
            case .severalFeatures(let p): return "polynomial features are powers of one input, and the data has \(p) features"
            case .needsPoints: return "polynomial features need the points themselves, and only their statistics were kept"
            case .noSpread: return "the input has no spread (fewer than two points, or one x value throughout), so it has no polynomial to fit"
            }
        }
    }

    /// d, the highest power.
    public let degree: Int
    /// x̄ subtracted before the powers (0 for raw powers).
    public let center: Double
    /// σ divided by before the powers (1 for raw powers).
    public let scale: Double

    /// The features of degree `degree` for the points of `data` (one feature), z standardized by their mean
    /// and standard deviation, or the raw powers of x when `standardizingInput` is false.
    public init(degree: Int, of data: Dataset, standardizingInput: Bool = true) throws(Invalid) {
        guard Self.degrees.contains(degree) else { throw .degree(degree) }
        guard data.featureCount == 1 else { throw .severalFeatures(data.featureCount) }
        guard data.hasPoints else { throw .needsPoints }
        let xs = data.xs, n = Double(xs.count)
        guard xs.count > 1, xs.contains(where: { $0 != xs[0] }) else { throw .noSpread }
        self.degree = degree
        guard standardizingInput else { (center, scale) = (0, 1); return }
        let mean = xs.reduce(0, +) / n
        let sd = (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        guard sd > 0, sd.isFinite else { throw .noSpread }
        (center, scale) = (mean, sd)
    }

    /// z, z², …, z^d at x, each power the previous one times z (as the reference scripts compute them).
    public func powers(_ x: Double) -> [Double] {
        let z = (x - center) / scale
        var out = [Double](repeating: 0, count: degree), power = 1.0
        for k in 0..<degree {
            power *= z
            out[k] = power
        }
        return out
    }

    /// The features' names from the input's: `x`, `x²`, …, `x^d` with superscript digits.
    public func names(_ input: String = "x") -> [String] {
        (1...degree).map { $0 == 1 ? input : input + Self.superscript($0) }
    }

    /// `k` in superscript digits: 2 → `²`, 15 → `¹⁵`.
    public static func superscript(_ k: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(k).map { digits[Int(String($0))!] })
    }

    /// `data`'s points with their one feature x replaced by the d features (y unchanged), named from x's
    /// name: the training set and, with the same instance, a validation set, whose powers must use the
    /// training set's x̄ and σ.
    public func transform(_ data: Dataset) throws(Invalid) -> Dataset {
        guard data.featureCount == 1 else { throw .severalFeatures(data.featureCount) }
        guard data.hasPoints else { throw .needsPoints }
        var columns = [[Double]](repeating: [], count: degree)
        for k in 0..<degree { columns[k].reserveCapacity(data.xs.count) }
        for x in data.xs {
            let row = powers(x)
            for k in 0..<degree { columns[k].append(row[k]) }
        }
        let base = data.featureNames.first ?? "x"
        return Dataset(columns: columns, ys: data.ys, names: names(base), source: data.source + ", degree \(degree)")
    }
}

extension Dataset {
    /// This one-feature data set's points with x turned into the polynomial features z, z², …, z^d of
    /// ``PolynomialFeatures`` (z = x standardized by these points). Throws for a degree outside 1…20, data
    /// of several features, or data whose points were not kept (statistics alone cannot make powers).
    public func polynomial(degree: Int) throws(PolynomialFeatures.Invalid) -> Dataset {
        try PolynomialFeatures(degree: degree, of: self).transform(self)
    }
}
