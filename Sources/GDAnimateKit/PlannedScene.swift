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

    /// The scene of `kind` with the runs it needs, trained here for the multi-run scenes.
    init(_ kind: SceneKind, visual: Visual, data: Dataset, main: TrainingResult?, bOnly: TrainingResult?, trainer: inout Trainer) throws(VisualError) {
        var input = SceneInput(data: data, result: main ?? bOnly!, lossScale: visual.lossScale, markBest: visual.markBest, readout: visual.readout,
                               theme: visual.theme, transparentPage: visual.background == .transparent)
        input.arrows = visual.arrows
        input.camera = visual.camera
        input.dashboardSurface = visual.surfacePanel
        var panels = 1
        switch kind {
        case .line, .loss, .contour, .surface: break
        case .steps: panels = 2
        case .bsweep: input.result = bOnly!
        case .compare:
            var runs: [LabelledRun] = []
            if let schedules = visual.comparedSchedules {
                input.comparesSchedules = true
                for s in schedules {
                    let r = s == visual.schedule ? main! : try trainer.run(visual.optimizer, lr: visual.learningRate, schedule: s)
                    runs.append(LabelledRun(label: s.description, data: data, result: r))
                }
            } else {
                for name in visual.compared {
                    let r = name == visual.optimizer ? main! : try trainer.run(name, lr: visual.learningRate)
                    runs.append(LabelledRun(label: r.config.optimizer.label, data: data, result: r))
                }
            }
            input.runs = runs
            input.result = runs[0].result
            panels = 2
        case .dashboard:
            input.bOnly = bOnly
            panels = bOnly == nil ? 3 : 4
        case .lrSweep:
            let limit: Double
            do { limit = try LossSurface(data).stabilityLimit } catch { throw VisualError.unfittable(source: data.source, problem: "\(error)") }
            let rates = visual.sweepRates ?? LearningRateSweep.defaultFactors.map { $0 * limit }
            var runs: [LabelledRun] = []
            for (i, lr) in rates.enumerated() {
                let r = try trainer.run(visual.optimizer, lr: lr, warn: false)
                var label = "α = \(NumberFormat.significant(lr, digits: 3))"
                if visual.sweepRates == nil { label += " (\(NumberFormat.significant(LearningRateSweep.defaultFactors[i])) × 2/λmax)" }
                runs.append(LabelledRun(label: label, data: data, result: r))
            }
            input.runs = runs
            input.result = runs[0].result
            panels = rates.count
        case .scaling:
            guard let scaled = data.standardizingX() else {
                throw VisualError.unfittable(source: data.source, problem: "x does not vary, so it cannot be standardized")
            }
            let r = try trainer.run(visual.optimizer, lr: visual.learningRate, on: scaled)
            input.runs = [LabelledRun(label: "raw x", data: data, result: main!),
                          LabelledRun(label: "standardized x′ = (x − x̄)/σ", data: scaled, result: r)]
            panels = 2
        }
        var size = visual.theme.defaultSize ?? kind.defaultSize(panels: panels)
        // A theme's size with one side given: the other keeps its shape (a slide stays 16:9).
        if visual.theme.defaultSize != nil, let w = visual.width, visual.height == nil { size.height = max(1, (w * size.height + size.width / 2) / size.width) }
        if visual.theme.defaultSize != nil, let h = visual.height, visual.width == nil { size.width = max(1, (h * size.width + size.height / 2) / size.height) }
        let (width, height) = (visual.width ?? size.width, visual.height ?? size.height)
        let least = Scenes.minimumSize(kind, panels: panels)
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
        if kind == .steps { return StepsSchedule.frameCount(snapshots: input.result.snapshots.count, limit: frameLimit) }
        let runs = [input.result, input.bOnly].compactMap { $0 } + input.runs.map(\.result)
        return FrameSchedule.frameCount(snapshots: runs.map(\.snapshots.count).max()!, limit: frameLimit)
    }
}

/// The learning-rate sweep's default rates: fractions of the data's stability limit 2/λmax that creep,
/// converge, oscillate and diverge.
public enum LearningRateSweep {
    /// 0.1, 0.5, 0.9 and 1.05 × 2/λmax: creeps, converges, oscillates, diverges.
    public static let defaultFactors = [0.1, 0.5, 0.9, 1.05]
}
