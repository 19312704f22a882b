#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum AxisScale { case linear, log }

/// A data range mapped onto a pixel range, with its ticks.
struct Axis {
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
            let magnitude = max(abs(lo), abs(hi))
            return values.map { ($0, NumberFormat.tick($0, step: step, scaleOf: magnitude)) }
        case .log:
            return NiceTicks.logarithmic(lo, hi, maxCount: max(3, min(8, Int(length / spacing))))
        }
    }
}
