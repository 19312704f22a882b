import Training

/// How one scene draws: its name, the grid of its panels, its frame sizes and the ``Scene`` it builds for
/// a frame. Each scene's file declares its own as a static member (`SceneDrawing.line` at the end of
/// `LineScene.swift`, `SceneDrawing.compare` in `CompareScene.swift`); the library's scene registry,
/// GDAnimateKit's `SceneDefinition.registered`, lists them with what else it knows of each scene.
///
/// Drawings are made only here: a new scene is a change to this package, not something a program adds.
public struct SceneDrawing: Sendable, Equatable, CustomStringConvertible {
    /// The scene's name: `--mode`'s value, manifests' `mode`, and the default base name of its files.
    public let name: String
    private let layout: @Sendable (_ panels: Int) -> (columns: Int, rows: Int)
    private let size: @Sendable (_ panels: Int) -> (width: Int, height: Int)
    private let least: (width: Int, height: Int)?
    private let build: @Sendable (SceneInput, SceneFrame) -> any Scene

    /// A drawing named `name` that `make`s its scene for a frame.
    ///
    /// - Parameters:
    ///   - grid: Columns and rows of the panels, given how many there are (default one chart, 1×1).
    ///   - defaultSize: The frame size when none is given, given the panels (default 640×480).
    ///   - minimumSize: The least frame it can be read at; nil: 200×150 a chart, and for panels that
    ///     times the grid plus the page heading and readout.
    init(name: String, grid: @escaping @Sendable (_ panels: Int) -> (columns: Int, rows: Int) = { _ in (1, 1) },
         defaultSize: @escaping @Sendable (_ panels: Int) -> (width: Int, height: Int) = { _ in (640, 480) },
         minimumSize: (width: Int, height: Int)? = nil, make: @escaping @Sendable (SceneInput, SceneFrame) -> any Scene) {
        self.name = name
        layout = grid
        size = defaultSize
        least = minimumSize
        build = make
    }

    /// Drawings are the same when their names are.
    public static func == (a: SceneDrawing, b: SceneDrawing) -> Bool { a.name == b.name }

    /// The name.
    public var description: String { name }

    /// Columns and rows of the panels when there are `panels` of them (1×1 for a single chart).
    public func grid(panels: Int) -> (columns: Int, rows: Int) { layout(panels) }

    /// Whether it puts several charts side by side (and so wants a wider frame and a row of its own in a gallery).
    public var isPanels: Bool { grid(panels: 2) != (1, 1) }

    /// Frame size when none is given: 640×480 for one chart, wider for panels.
    public func defaultSize(panels: Int) -> (width: Int, height: Int) { size(panels) }

    /// The smallest frame that leaves each panel room for its axes, labels, a plot and a readout that
    /// can still be read: 200×150 a chart (looked at: below it the readout and the y-axis title no longer
    /// fit even at 6 px), plus the page heading and readout for the panel scenes; or the scene's own.
    public func minimumSize(panels: Int) -> (width: Int, height: Int) {
        if let least { return least }
        let g = grid(panels: panels)
        return g.columns == 1 && g.rows == 1 ? (200, 150) : (200 * g.columns, 150 * g.rows + 60)
    }

    /// Where the scene counts its points per pixel (a line chart, alone or a panel, past
    /// `DensityGrid.threshold` points), or nil when it draws no density. A caller that kept only the points'
    /// statistics counts the points over this frame and hands the counts back in ``SceneInput/density``.
    public func densityFrame(input: SceneInput, width: Int, height: Int) throws(RenderError) -> DensityCounts.Frame? {
        guard input.data.count > DensityGrid.threshold else { return nil }
        let scene = make(input, width: width, height: height, font: try Font.make())
        let line = scene as? LineScene ?? (scene as? CompositeScene)?.panels.lazy.compactMap { $0 as? LineScene }.first
        return line?.densityFrame
    }

    /// The scene for a frame of `width`×`height`.
    func make(_ input: SceneInput, width: Int, height: Int, font: Font, frameLimit: Int? = nil) -> any Scene {
        build(input, SceneFrame(input: input, width: width, height: height, font: font, frameLimit: frameLimit))
    }
}

/// What a scene is built for: the frame's size, the font, the frame limit, and the whole frame as one
/// chart's panel.
struct SceneFrame {
    let width: Int
    let height: Int
    let font: Font
    /// The visual's frame limit (nil: the default schedule); the steps scene shows that many epochs.
    let frameLimit: Int?
    /// The whole frame as one chart, with a readout band when the input has readouts.
    let full: Panel

    init(input: SceneInput, width: Int, height: Int, font: Font, frameLimit: Int?) {
        (self.width, self.height, self.font, self.frameLimit) = (width, height, font, frameLimit)
        full = Panel.full(width: width, height: height, status: input.readout, theme: input.theme)
    }

    /// The page: the whole frame.
    var page: PixelRect { full.area }
}
