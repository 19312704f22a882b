import Rasterizer
import Training

/// What a visual takes to draw: its points, the runs it trains, and each scene with its input and frame
/// size. Made before anything is drawn or written, so every problem that needs the data (a batch larger
/// than the points, a frame too small for the panels, data with no slope) surfaces here.
///
/// ```swift
/// let plan = try Plan(visual, data: try visual.loadData())
/// plan.main?.final        // the fitted m, b and MSE
/// plan.scenes[0].input    // what the scene draws
/// ```
public struct Plan: Sendable {
    /// The visual planned (validated).
    public let visual: Visual
    /// The points every run trains on (the scaling scene also trains on them standardized).
    public let data: Dataset
    /// The run of m and b (nil for a b-only visual, ``SceneKind/bsweep``).
    public let main: TrainingResult?
    /// The b-only descent with m held (bsweep, and the dashboard's fourth panel).
    public let bOnly: TrainingResult?
    /// The scenes to draw, in order; empty when the visual writes no format.
    public let scenes: [PlannedScene]
    /// The scenes asked for, in order, drawn or not.
    public let kinds: [SceneKind]
    /// What is worth saying and stops nothing: divergences met while training, settings that change
    /// nothing in these scenes, snapshots thinned for the frames.
    public let warnings: [PlanWarning]

    /// The run a history export shows: the main run, else the b-only run.
    public var history: TrainingResult { main ?? bOnly! }

    /// Trains what `visual` needs on `data` and lays out its scenes: `visual.scene`, or each of `scenes`
    /// (`SceneKind.single` for all four scenes of one run), sharing the runs.
    ///
    /// - Parameters:
    ///   - visual: What to draw; validated first.
    ///   - data: The points (``Visual/loadData()`` reads the visual's own).
    ///   - kinds: The scenes to lay out (nil: the visual's scene).
    ///   - each: Hears every snapshot of the history's run (``history``) as training makes it: one per epoch,
    ///     or per update, including those a long per-update run does not keep (the command line's `--history` writes
    ///     them to a file as they come).
    ///   - threads: Threads reading the file a second time when a line scene draws the density of data
    ///     whose statistics alone were kept (nil: one per processor; the counts are the same for any).
    /// - Throws: ``VisualError`` when the visual is invalid, needs more of the data than there is, or
    ///   the data cannot be fitted (no spread in x, values that overflow); the reader's own error
    ///   (`CSVData.ParseError`, ``FileError``) when that second reading fails.
    public init(_ visual: Visual, data: Dataset, scenes kinds: [SceneKind]? = nil, threads: Int? = nil,
                history each: ((Snapshot) -> Void)? = nil) throws {
        // The copy of a stream read for this plan's density goes with the plan, whatever happens here.
        defer { if case .file(let path, _, _) = visual.data { Files.dropSpool(path) } }
        try visual.validate()
        guard data.isPaired else {
            throw VisualError.unfittable(source: data.source, problem: "\(LossSurface.SetupError.unpaired(x: data.xs.count, y: data.ys.count))")
        }
        self.visual = visual
        self.data = data
        let kinds = kinds ?? [visual.scene]
        self.kinds = kinds
        // A poster alone is something to draw too.
        let drawing = !visual.formats.isEmpty || visual.poster
        // Every scene drawn is checked, not only the visual's own.
        for kind in kinds { try kind.definition.check(visual) }
        try visual.checkFeatures(for: kinds)
        try visual.checkPenalty(for: kinds)
        // Only the runs trained count: a comparison of schedules trains none of `compared`.
        if visual.runs(for: kinds).contains(.minibatch) && visual.batchSize > data.count {
            throw VisualError.batchLargerThanData(batchSize: visual.batchSize, points: data.count)
        }
        var trainer = Trainer(visual: visual, data: data)
        // The runs the visual's own scene draws, and those of every scene drawn.
        let own = visual.scene.definition.baseRuns(visual)
        let drawn = drawing ? kinds.reduce(into: SceneDefinition.BaseRuns()) { $0.formUnion($1.definition.baseRuns(visual)) } : []
        let needsBOnly = own.contains(.bOnly) || drawn.contains(.bOnly)
        let needsMain = own.contains(.main) || kinds.contains { $0.definition.baseRuns(visual).contains(.main) }
        main = needsMain ? try trainer.run(visual.optimizer, lr: visual.learningRate, each: each) : nil
        bOnly = needsBOnly ? try trainer.run(visual.optimizer, lr: visual.learningRate, bOnly: true, each: needsMain ? nil : each) : nil
        var scenes: [PlannedScene] = []
        if drawing {
            for kind in kinds {
                scenes.append(try PlannedScene(kind, visual: visual, data: data, main: main, bOnly: bOnly, trainer: &trainer))
            }
        }
        try Self.countDensities(&scenes, visual: visual, data: data, threads: threads)
        if let twice = scenes.first(where: { s in scenes.filter { $0.name == s.name }.count > 1 }) {
            throw VisualError.sameFileName(twice.name)
        }
        self.scenes = scenes
        var notes = trainer.warnings + Self.idleOptions(visual, kinds: kinds)
        // A long per-update run keeps every s-th update for its frames: said, so a --history file's fuller story is no surprise.
        if let main, main.isPerUpdate, main.snapshots.count > 2 {
            let every = main.snapshots[1].step
            if every > 1 {
                notes.append(.snapshotsThinned(updates: main.final.step, every: every, limit: GradientDescent.snapshotLimit))
            }
        }
        if let scaling = data.scaling, data.curve == nil, let main { notes.append(Self.unitsNote(main, scaling: scaling, names: visual.parameterNames)) }
        warnings = notes
    }

    /// The fit on standardized features and the same fit in the data's units (``Visual/standardize``).
    static func unitsNote(_ run: TrainingResult, scaling: FeatureScaling, names: [String]) -> PlanWarning {
        let fitted = run.final.theta
        return .standardizedFit(parameters: names, standardized: fitted, dataUnits: scaling.unscaled(fitted))
    }

    /// Settings that change nothing in what these scenes and formats draw, said rather than ignored.
    /// (Its runs are ``Visual/runs(for:)``, as the command line's note before long training counts them.)
    static func idleOptions(_ visual: Visual, kinds: [SceneKind]) -> [PlanWarning] {
        var notes: [PlanWarning] = []
        let read = kinds.reduce(into: SceneDefinition.Options()) { $0.formUnion($1.definition.options(visual)) }
        let runs = visual.runs(for: kinds)
        func unused(_ p: Visual.Property) -> PlanWarning { .unused(p, scenes: kinds, runs: runs) }
        if visual.arrows, kinds.count == 1, let anyway = kinds[0].definition.arrowsAnyway {
            notes.append(.drawnAnyway(.arrows, scene: kinds[0], drawing: anyway))
        } else if visual.arrows && !read.contains(.arrows) {
            notes.append(unused(.arrows))
        }
        let d = SurfaceCamera()
        if !read.contains(.camera) && (visual.camera.elevation != d.elevation || visual.camera.azimuth != nil || visual.camera.orbit != d.orbit) {
            notes.append(unused(.camera))
        }
        if visual.surfacePanel && !read.contains(.surfacePanel) {
            notes.append(unused(.surfacePanel))
        }
        if visual.batchSize != Visual().batchSize && !runs.contains(.minibatch) {
            notes.append(unused(.batchSize))
        }
        if visual.validation != nil && !kinds.contains(.line) && !kinds.contains(.loss) {
            notes.append(unused(.validation))
        }
        if visual.axes != nil && !kinds.contains(.contour) {
            notes.append(unused(.axes))
        }
        if visual.markBest && !read.contains(.markBest) {
            notes.append(unused(.markBest))
        }
        if visual.background == .transparent && !visual.formats.isEmpty && !visual.poster && visual.formats.allSatisfy({ $0.name == "mp4" }) {
            notes.append(.noTransparencyInMP4)
        }
        return notes
    }
}
