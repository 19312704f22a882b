/// Okabe & Ito's eight colours, chosen to stay distinct for the common colour-vision deficiencies.
public enum OkabeIto {
    /// Blue (#0072B2).
    public static let blue = RGB(0x0072B2)
    /// Vermillion (#D55E00).
    public static let vermillion = RGB(0xD55E00)
    /// Orange (#E69F00).
    public static let orange = RGB(0xE69F00)
    /// Sky blue (#56B4E9).
    public static let skyBlue = RGB(0x56B4E9)
    /// Bluish green (#009E73).
    public static let green = RGB(0x009E73)
    /// Reddish purple (#CC79A7).
    public static let purple = RGB(0xCC79A7)
    /// Yellow (#F0E442).
    public static let yellow = RGB(0xF0E442)
    /// Black (#000000).
    public static let black = RGB(0x000000)
}

/// The colours and sizes of a look: every scene draws its page, furniture, text and series with the
/// theme's roles, never with literal colours, so one visual renders alike in any theme.
///
/// - ``light``: dark text on white, the look of print and of the committed visuals.
/// - ``dark``: light text on a near-black page, for dark-mode notes and dark slide decks.
/// - ``slide``: ``light``'s colours, sized for a projector: 1920×1080 by default, tick labels at least
///   22 px, lines at least 3 px.
///
/// Every text colour meets WCAG AA (4.5:1) against what it is drawn on, in every theme (tested from
/// rendered frames). Series use Okabe–Ito colours, surfaces viridis, in every theme.
public struct Theme: Sendable, Hashable, CustomStringConvertible {
    /// The theme's name on the command line: `light`, `dark`, `slide`.
    public let name: String
    /// The page behind everything (transparent with a transparent background).
    public let page: RGB
    /// The plot areas' fill.
    public let plot: RGB
    /// Titles, labels and readouts.
    public let text: RGB
    /// Axis spines and ticks.
    public let axis: RGB
    /// Grid lines.
    public let grid: RGB
    /// References: the dashed least-squares line, the loss minimum J*.
    public let neutral: RGB
    /// The data points and a single loss curve.
    public let data: RGB
    /// The current fit and the current-parameter markers.
    public let fit: RGB
    /// The least-squares and lowest-loss stars, the tangent.
    public let highlight: RGB
    /// The runs of a comparison, in legend order.
    public let runs: [RGB]
    /// The ring around a current-parameter marker.
    public let markerEdge: RGB
    /// The edge of the start square and the stars.
    public let outline: RGB
    /// A single path on a surface: light, with a dark ``pathCasing``.
    public let path: RGB
    /// The dark edge around a light path on a surface.
    public let pathCasing: RGB
    /// The step −α∇J on a surface (cased like the path).
    public var gradientArrow: RGB { OkabeIto.vermillion }
    /// The momentum's share of the next step on a surface.
    public var velocityArrow: RGB { OkabeIto.skyBlue }
    /// Multiplies every text size and line width (1 for light and dark).
    let sizeFactor: Double
    /// The smallest tick label, in pixels.
    let minimumTick: Double
    /// The smallest line width of a series, in pixels.
    let minimumLine: Double
    /// The frame size when none is given; nil: the scene's own default.
    public let defaultSize: (width: Int, height: Int)?

    /// A surface colour at t in [0, 1] (viridis in every theme: its dark end never meets the page,
    /// since the surface fills its plot).
    public func surface(_ t: Double) -> RGB { Viridis.color(t) }

    /// Dark text on white.
    public static let light = Theme(
        name: "light", page: RGB(0xFFFFFF), plot: RGB(0xFFFFFF), text: RGB(0x1A1A1A), axis: RGB(0x333333), grid: RGB(0xE3E3E3),
        neutral: RGB(0x6E6E6E), data: OkabeIto.blue, fit: OkabeIto.vermillion, highlight: OkabeIto.orange,
        runs: [OkabeIto.orange, OkabeIto.skyBlue, OkabeIto.purple, OkabeIto.vermillion, OkabeIto.green, OkabeIto.blue],
        markerEdge: RGB(0xFFFFFF), outline: OkabeIto.black, path: RGB(0xFFFFFF), pathCasing: RGB(0x1A1A1A),
        sizeFactor: 1, minimumTick: 9, minimumLine: 1.5, defaultSize: nil)

    /// Light text on a near-black page; the plots a shade lighter than the page so their edges read.
    /// Okabe–Ito's blue is too dark to read on it, so data take sky blue and the sixth run yellow.
    public static let dark = Theme(
        name: "dark", page: RGB(0x16181C), plot: RGB(0x202329), text: RGB(0xECECEC), axis: RGB(0xA8A8A8), grid: RGB(0x363A42),
        neutral: RGB(0xA3A3A3), data: OkabeIto.skyBlue, fit: RGB(0xF07A2A), highlight: OkabeIto.orange,
        runs: [OkabeIto.orange, OkabeIto.skyBlue, OkabeIto.purple, RGB(0xF07A2A), OkabeIto.green, OkabeIto.yellow],
        markerEdge: RGB(0xF2F2F2), outline: OkabeIto.black, path: RGB(0xFFFFFF), pathCasing: RGB(0x1A1A1A),
        sizeFactor: 1, minimumTick: 9, minimumLine: 1.5, defaultSize: nil)

    /// ``light``'s colours at projector sizes.
    public static let slide = Theme(
        name: "slide", page: light.page, plot: light.plot, text: RGB(0x111111), axis: light.axis, grid: RGB(0xDADADA),
        neutral: RGB(0x5E5E5E), data: light.data, fit: light.fit, highlight: light.highlight, runs: light.runs,
        markerEdge: light.markerEdge, outline: light.outline, path: light.path, pathCasing: light.pathCasing,
        sizeFactor: 1.2, minimumTick: 22, minimumLine: 3, defaultSize: (1920, 1080))

    /// The colours of marks that may cover few pixels (markers, arrows, thin series, text): an encoder's
    /// palette keeps them exact.
    public var keyColors: [RGB] {
        [fit, data, highlight, gradientArrow, velocityArrow, markerEdge, path, pathCasing, text] + runs
    }

    /// Every theme, in the order help texts list them.
    public static let all: [Theme] = [.light, .dark, .slide]

    /// The theme called `name`, if any.
    public static func named(_ name: String) -> Theme? { all.first { $0.name == name } }

    /// The theme's name.
    public var description: String { name }
    /// Themes are equal when their names are.
    public static func == (a: Theme, b: Theme) -> Bool { a.name == b.name }
    /// Hashes the name only, as `==` compares it.
    public func hash(into h: inout Hasher) { h.combine(name) }
}
