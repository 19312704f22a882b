#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sizes that scale with the frame: the reference is 640×480, and every length grows or shrinks with
/// the smaller of the two ratios, with floors that keep text readable at 320×240; and the theme whose
/// colours the scene draws with (a theme may enlarge the sizes and raise their floors).
struct Style: Sendable {
    let theme: Theme
    let scale: Double
    let tickSize: Double
    let labelSize: Double
    let titleSize: Double
    let pad: Double
    let tickLength: Double
    let lineWidth: Double
    let thinWidth: Double
    let markerRadius: Double

    init(width: Int, height: Int, theme: Theme) {
        self.init(scale: min(Double(width) / 640, Double(height) / 480), theme: theme)
    }

    /// Sizes for `s` times the reference, times the theme's factor (text and lines keep their floors).
    init(scale: Double, theme: Theme) {
        self.theme = theme
        let s = scale * theme.sizeFactor
        self.scale = s
        let tick = theme.minimumTick
        tickSize = max(tick, 12.5 * s)
        labelSize = max(tick + 0.5, 13.5 * s)
        titleSize = max(tick + 1, 14.5 * s)
        pad = max(3, 7 * s)
        tickLength = max(2.5, 4.5 * s)
        lineWidth = max(theme.minimumLine, 2.2 * s)
        thinWidth = max(theme.minimumLine / 2 + 0.05, 1.1 * s)
        markerRadius = max(2.5, 4.5 * s)
    }
}
