#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sizes that scale with the frame: the reference is 640×480, and every length grows or shrinks with
/// the smaller of the two ratios, with floors that keep text readable at 320×240.
struct Style: Sendable {
    let scale: Double
    let tickSize: Double
    let labelSize: Double
    let titleSize: Double
    let pad: Double
    let tickLength: Double
    let lineWidth: Double
    let thinWidth: Double
    let markerRadius: Double

    init(width: Int, height: Int) {
        self.init(scale: min(Double(width) / 640, Double(height) / 480))
    }

    /// Sizes for `s` times the reference (text keeps its floors).
    init(scale s: Double) {
        scale = s
        tickSize = max(9, 12.5 * s)
        labelSize = max(9.5, 13.5 * s)
        titleSize = max(10, 14.5 * s)
        pad = max(3, 7 * s)
        tickLength = max(2.5, 4.5 * s)
        lineWidth = max(1.5, 2.2 * s)
        thinWidth = max(0.8, 1.1 * s)
        markerRadius = max(2.5, 4.5 * s)
    }
}
