#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

/// How the readouts write one parameter of a run (m or b): `digits` significant digits at `size`, the
/// largest value the run's axes frame. Past the usual four digits every value gets the same decimals, so
/// an early `b = 0.000` sits beside a late `b = 1000000.040` (not `0.000000000`); values far beyond `size`
/// (a diverging run's) and tiny sizes keep significant digits.
public struct ReadoutPrecision: Sendable, Equatable {
    /// Significant digits at `size`: from 4 to 12.
    public let digits: Int
    /// The largest |value| of the run's tame snapshots.
    public let size: Double

    public init(digits: Int, size: Double) {
        self.digits = digits
        self.size = size
    }

    /// The decimals every value near `size` gets, or nil where `v` is written with significant digits.
    private func fixedDecimals(_ v: Double) -> Int? {
        let magnitude = size > 0 && size.isFinite ? Int(log10(size).rounded(.down)) : 0
        let decimals = digits - 1 - magnitude
        guard digits > 4, size >= 1, size < 1e15, decimals >= 0, v.isFinite, abs(v) < pow(10, Double(magnitude + 1)) else { return nil }
        return decimals
    }

    /// The place of the last digit `text(v)` shows: 0.001 for `2.954`, 1 for `4193`.
    public func resolution(_ v: Double) -> Double {
        if let decimals = fixedDecimals(v) { return pow(10, -Double(decimals)) }
        let magnitude = v != 0 && v.isFinite ? Int(log10(abs(v)).rounded(.down)) : 0
        return pow(10, Double(magnitude - digits + 1))
    }

    /// `v` as the readouts show it; `keepZeros: false` drops trailing zeros (prose, the terminal).
    public func text(_ v: Double, keepZeros: Bool = true) -> String {
        guard let decimals = fixedDecimals(v) else {
            return NumberFormat.significant(v, digits: digits, keepZeros: keepZeros)
        }
        var text = NumberFormat.printf("%.*f", Int32(decimals), v)
        if !keepZeros, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        // A negative value that rounds to zero reads as zero ("0.000", not "−0.000").
        if text.hasPrefix("-") && !text.contains(where: { $0 >= "1" && $0 <= "9" }) { text.removeFirst() }
        return NumberFormat.minus(text)
    }
}

extension TrainingResult {
    /// How readouts write m and b: four significant digits, more where four would hide what changes, up
    /// to 12. Two things ask for more:
    /// - the run moves a parameter by little beside its size (b from 1 000 000 to 1 000 004: three digits
    ///   of the motion, so `1000003.51`, not `1.000e6` every frame);
    /// - the parameter lies more than 100 of the data's spreads from 0 (σ_y for b, σ_y/σ_x for m): b ≈ 10⁶
    ///   for y that spreads over ±3 settles in digits far below its size, even when the run came from
    ///   b = 0. Its readout then resolves a thousandth of the spread, so shifting the data by a constant
    ///   shifts b without hiding the digits that matter. Nearer 0 four digits show them already (and
    ///   readouts of ordinary data stay as they always were).
    public var readoutPrecision: (m: ReadoutPrecision, b: ReadoutPrecision) {
        let tame = rangeSnapshots
        let sdY = model.lossScale.squareRoot()
        let sdX = ((model as? LinearRegression ?? (model as? PenalizedRegression)?.base)?.varianceX ?? 1).squareRoot()
        func precision(_ values: [Double], scale: Double) -> ReadoutPrecision {
            let spread = values.max()! - values.min()!, size = values.map(abs).max()!
            guard size > 0, size.isFinite else { return ReadoutPrecision(digits: 4, size: size) }
            var digits = 4
            if spread > 0, spread.isFinite { digits = max(digits, 3 + Int(log10(size / spread).rounded(.up))) }
            if scale > 0, scale.isFinite, size > 100 * scale {
                digits = max(digits, Int(log10(size).rounded(.down)) - Int(log10(scale / 1000).rounded(.down)) + 1)
            }
            return ReadoutPrecision(digits: min(12, digits), size: size)
        }
        // The least-squares fit is shown beside the run (the terminal prints it): its digits count too.
        return (precision(tame.map(\.m) + [leastSquares.m], scale: sdY / sdX), precision(tame.map(\.b) + [leastSquares.b], scale: sdY))
    }
}
