import Rasterizer
import Training

extension SceneKind {
    /// Several optimizers' paths on one contour, with their losses beside it.
    public static let compare = SceneKind(.compare)
}

extension SceneDefinition {
    /// `compare`: several optimizers (``Visual/compared``), or one optimizer under several learning-rate
    /// schedules (``Visual/comparedSchedules``), at one rate. It keeps the points: its runs are stochastic
    /// by default (sgd, minibatch).
    static let compare = SceneDefinition(
        .compare, summary: "several optimizers on one contour", data: .points,
        extraRuns: { v in v.comparedSchedules.map { Array(repeating: v.optimizer, count: $0.count) } ?? v.compared },
        options: { _ in [.arrows, .markBest, .comparedSchedules] },
        check: { v throws(VisualError) in
            // It advances every optimizer epoch by epoch, so it cannot take per-update snapshots.
            if v.snapshot == .step { throw .perUpdateSnapshotsInCompare }
        },
        prepare: { setup throws(VisualError) in
            let (visual, data) = (setup.visual, setup.data)
            var runs: [LabelledRun] = []
            if let schedules = visual.comparedSchedules {
                setup.input.comparesSchedules = true
                for s in schedules {
                    let r = s == visual.schedule ? setup.main! : try setup.trainer.run(visual.optimizer, lr: visual.learningRate, schedule: s)
                    runs.append(LabelledRun(label: s.description, data: data, result: r))
                }
            } else {
                for name in visual.compared {
                    let r = name == visual.optimizer ? setup.main! : try setup.trainer.run(name, lr: visual.learningRate)
                    runs.append(LabelledRun(label: r.config.optimizer.label, data: data, result: r))
                }
            }
            setup.input.runs = runs
            setup.input.result = runs[0].result
            setup.panels = 2
        },
        namesRunsInWarnings: true
    ) { scene in
        let input = scene.input, r = input.result
        let names = SceneText.list(input.runs.map(\.label))
        let what = input.comparesSchedules
            ? "\(SceneText.optimizer(r.config)) under the learning-rate schedules \(names), each from α = \(RunStory.n(r.config.learningRate)),"
            : "\(names.capitalizedFirstLetter) compared at α = \(RunStory.n(r.config.learningRate))"
        return "\(what) on \(PlannedScene.points(input.data)): "
            + "their paths on the contours of J(m, b), and beside them each one's distance to the best fit, J − J*, per epoch on a log axis. "
            + PlannedScene.runs(input.runs)
    }
}
