#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tick positions at "nice" steps, 1, 2 or 5 × 10ᵏ, as a pure function of the axis range (the approach
/// of matplotlib's MaxNLocator, restricted to the steps a student reads easily).
public enum NiceTicks {
    /// A usable axis range for data spanning [lo, hi]: a single value (or a span below the resolution of
    /// a Double) is widened around it, and `margin` (a fraction of the span) is added on each side.
    public static func range(_ lo: Double, _ hi: Double, margin: Double = 0.05) -> (lo: Double, hi: Double) {
        var lo = lo, hi = hi
        if lo > hi { swap(&lo, &hi) }
        let scale = max(abs(lo), abs(hi))
        if hi - lo <= scale * 1e-12 || hi - lo < 1e-300 {
            let pad = scale > 0 ? scale * 0.1 : 1
            return (lo - pad, hi + pad)
        }
        let span = hi - lo
        return (lo - span * margin, hi + span * margin)
    }

    /// Ticks inside [lo, hi]: the nice step whose tick count lies in `count` and is nearest `target`.
    public static func linear(_ lo: Double, _ hi: Double, target: Int = 6, count: ClosedRange<Int> = 4...8) -> (values: [Double], step: Double) {
        guard hi > lo, lo.isFinite, hi.isFinite else { return ([lo], 1) }
        let rough = (hi - lo) / Double(target)
        let base = Int(log10(rough).rounded(.down))
        var best: (score: Double, step: Double, n: Int)?
        for exponent in (base - 1)...(base + 1) {
            for mantissa in [1.0, 2.0, 5.0] {
                let step = mantissa * pow(10, Double(exponent))
                let n = tickCount(lo, hi, step)
                let outside = n < count.lowerBound ? count.lowerBound - n : (n > count.upperBound ? n - count.upperBound : 0)
                let score = Double(outside) * 100 + abs(Double(n - target)) - step * 1e-300
                if best == nil || score < best!.score { best = (score, step, n) }
            }
        }
        let step = best!.step
        let first = (lo / step - 1e-9).rounded(.up)
        let values = (0..<best!.n).map { (first + Double($0)) * step }
        return (values, step)
    }

    static func tickCount(_ lo: Double, _ hi: Double, _ step: Double) -> Int {
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        return max(0, Int(last - first) + 1)
    }

    /// Ticks for a logarithmic axis over [lo, hi] (both > 0): powers of ten, every k-th one when there are
    /// many, and 2× and 5× in between when the range holds fewer than three decades.
    public static func logarithmic(_ lo: Double, _ hi: Double, maxCount: Int = 8) -> [(value: Double, label: String)] {
        let a = Int(log10(lo).rounded(.up)), b = Int(log10(hi).rounded(.down))
        if b - a >= 2 {
            let stride = max(1, Int((Double(b - a + 1) / Double(maxCount)).rounded(.up)))
            let start = Int((Double(a) / Double(stride)).rounded(.up)) * stride
            return Swift.stride(from: start, through: b, by: stride).map { (pow(10, Double($0)), NumberFormat.powerOfTen($0)) }
        }
        var out: [(Double, String)] = []
        for k in (a - 1)...(b + 1) {
            for m in [1.0, 2.0, 5.0] {
                let v = m * pow(10, Double(k))
                if v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) {
                    out.append((v, m == 1 && (k < -3 || k > 4) ? NumberFormat.powerOfTen(k) : NumberFormat.tick(v, step: v, scaleOf: v)))
                }
            }
        }
        return out
    }
}
