import Rasterizer
import Training

/// One scene of a plan: what it draws, the base name of its files and its frame size.
public struct PlannedScene: Sendable {
    /// The scene drawn.
    public var kind: SceneKind
    /// The data and the runs the scene draws.
    public var input: SceneInput
    /// Base name of the files: NAME.gif, NAME/frame-0000.png, NAME.png.
    public var name: String
    /// Frame width in pixels.
    public var width: Int
    /// Frame height in pixels.
    public var height: Int
    /// The frame limit of the visual (nil: the default schedule).
    public var frameLimit: Int?

    /// The scene of `kind` with the runs it needs, trained here for the multi-run scenes
    /// (``SceneDefinition``'s `prepare`).
    init(_ kind: SceneKind, visual: Visual, data: Dataset, main: TrainingResult?, bOnly: TrainingResult?, trainer: inout Trainer) throws(VisualError) {
        var input = SceneInput(data: data, result: main ?? bOnly!, lossScale: visual.lossScale, markBest: visual.markBest, readout: visual.readout,
                               theme: visual.theme, transparentPage: visual.background == .transparent)
        input.arrows = visual.arrows
        input.axes = visual.axisIndices
        input.camera = visual.camera
        input.dashboardSurface = visual.surfacePanel
        var setup = SceneSetup(visual: visual, data: data, main: main, bOnly: bOnly, trainer: trainer, input: input)
        try kind.definition.prepare(&setup)
        (trainer, input) = (setup.trainer, setup.input)
        let panels = setup.panels
        var size = visual.theme.defaultSize ?? kind.defaultSize(panels: panels)
        // A theme's size with one side given: the other keeps its shape (a slide stays 16:9).
        if visual.theme.defaultSize != nil, let w = visual.width, visual.height == nil { size.height = max(1, (w * size.height + size.width / 2) / size.width) }
        if visual.theme.defaultSize != nil, let h = visual.height, visual.width == nil { size.width = max(1, (h * size.width + size.height / 2) / size.height) }
        let (width, height) = (visual.width ?? size.width, visual.height ?? size.height)
        let least = kind.minimumSize(panels: panels)
        if width < least.width || height < least.height {
            throw VisualError.frameTooSmall(scene: kind, panels: panels, least: .init(width: least.width, height: least.height),
                                            given: .init(width: width, height: height))
        }
        self.kind = kind
        self.input = input
        name = kind == visual.scene ? visual.baseName : kind.rawValue
        self.width = width
        self.height = height
        frameLimit = visual.frames
    }

    /// The frames its animation will have.
    public var frameCount: Int {
        if let own = kind.definition.ownFrames { return own.count(input.result.snapshots.count, frameLimit) }
        let runs = [input.result, input.bOnly].compactMap { $0 } + input.runs.map(\.result)
        return FrameSchedule.frameCount(snapshots: runs.map(\.snapshots.count).max()!, limit: frameLimit)
    }
}
