#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum AxisScale: Equatable { case linear, log }

/// A data range mapped onto a pixel range, with its ticks.
struct Axis: Equatable {
    var lo: Double
    var hi: Double
    var scale: AxisScale
    /// Pixel coordinates of `lo` and `hi` (for a vertical axis lo is the bottom, the larger y).
    var pixelLo: Double = 0
    var pixelHi: Double = 1
    var title: String

    init(_ lo: Double, _ hi: Double, scale: AxisScale = .linear, title: String) {
        self.lo = lo
        self.hi = hi
        self.scale = scale
        self.title = title
    }

    /// The value the tick labels are relative to, when the range is tiny beside its distance from zero:
    /// y from 999 997 to 1 000 007 gets ticks −2 … 6 and the title "y − 1e6", so the labels show the
    /// digits that change (matplotlib's `ScalarFormatter` offset, with its threshold of 4 shared digits).
    /// From 10⁵ on, where labels are no longer plain digits, 2 shared digits are enough: 999 200 … 1 000 800
    /// reads −800 … 800 (as exponents it read `9.998e5`, `1e6`, `1.0004e6`).
    /// The offset is the middle of the range rounded to a power of ten above its width.
    var offset: Double? {
        guard scale == .linear, hi > lo, lo.isFinite, hi.isFinite, lo > 0 || hi < 0 else { return nil }
        let range = hi - lo, magnitude = max(abs(lo), abs(hi))
        guard magnitude / range >= (magnitude >= 1e5 ? 1e2 : 1e4) else { return nil }
        let p = pow(10, (log10(range)).rounded(.up) + 1)
        let offset = ((lo + hi) / 2 / p).rounded() * p
        return offset == 0 ? nil : offset
    }

    /// The title as drawn: with the offset the ticks are relative to (`b (intercept) − 1e6`).
    var shownTitle: String {
        guard let offset else { return title }
        return title + (offset > 0 ? " − " : " + ") + NumberFormat.shortest(abs(offset))
    }

    @inline(__always)
    func map(_ v: Double) -> Double {
        switch scale {
        case .linear: return pixelLo + (v - lo) / (hi - lo) * (pixelHi - pixelLo)
        case .log:
            let lv = v > 0 ? log10(v) : -400
            return pixelLo + (lv - log10(lo)) / (log10(hi) - log10(lo)) * (pixelHi - pixelLo)
        }
    }

    /// The data value at pixel coordinate p.
    func value(at p: Double) -> Double {
        let t = (p - pixelLo) / (pixelHi - pixelLo)
        switch scale {
        case .linear: return lo + t * (hi - lo)
        case .log: return pow(10, log10(lo) + t * (log10(hi) - log10(lo)))
        }
    }

    /// Tick positions and labels for an axis `length` pixels long.
    func ticks(length: Double, spacing: Double) -> [(value: Double, label: String)] {
        switch scale {
        case .linear:
            let target = max(4, min(8, Int((length / spacing).rounded())))
            let (values, step) = NiceTicks.linear(lo, hi, target: target)
            let shift = offset ?? 0
            let magnitude = max(abs(lo - shift), abs(hi - shift))
            return values.map { ($0, NumberFormat.tick($0 - shift, step: step, scaleOf: magnitude)) }
        case .log:
            return NiceTicks.logarithmic(lo, hi, maxCount: max(3, min(8, Int(length / spacing))))
        }
    }
}
