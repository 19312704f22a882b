import Rasterizer

extension SceneKind {
    /// One update of batch gradient descent at a time, in four beats: the data with residuals and their
    /// squares, the formulas with the epoch's numbers, and the step on a contour inset.
    public static let steps = SceneKind(.steps)
}

extension SceneDefinition {
    /// `steps`: plain batch descent, one update in four beats with the formulas; it draws the points'
    /// residuals, times its own frames and draws the step arrow whatever `--arrows` says.
    static let steps = SceneDefinition(
        .steps, summary: "one update in four beats, with the formulas", data: .points,
        arrowsAnyway: "draws the step −α∇J on its contour in every update's gradient beat anyway",
        check: { v throws(VisualError) in
            if v.optimizer != .batch { throw .stepsNeedsBatch(optimizer: v.optimizer) }
        },
        prepare: { setup in setup.panels = 2 },
        ownFrames: OwnFrames(
            count: { snapshots, limit in StepsSchedule.frameCount(snapshots: snapshots, limit: limit) },
            snapshots: { frames, count, limit in
                let epochs = StepsSchedule.epochs(snapshots: count, limit: limit)
                return frames.map { epochs[min($0 / StepsSchedule.Beat.allCases.count, epochs.count - 1)] }
            },
            chapter: { frame, snapshot in
                let beats = StepsSchedule.Beat.allCases
                return "Update \(snapshot + 1): \(beats[frame % beats.count].title)"
            })
    ) { scene in
        let r = scene.input.result
        let shown = StepsSchedule.epochs(snapshots: r.snapshots.count, limit: scene.frameLimit).map { String(r.snapshots[$0].epoch) }
        return "One update at a time: \(PlannedScene.run(r).lowercasedFirstWord) on \(PlannedScene.points(scene.input.data)), each shown epoch in four beats "
            + "(the predictions ŷ = m·x + b, the residuals and their squares whose mean is the loss J, the gradient ∂J/∂m and ∂J/∂b, "
            + "the update of m and b), with the formulas and the epoch's numbers and the step −α∇J on a contour inset, "
            + "for epochs \(SceneText.list(shown)). " + RunStory(r).told()
    }
}
