import Rasterizer

extension SceneKind {
    /// Line, loss and contour (and bsweep) as synchronized panels.
    public static let dashboard = SceneKind(.dashboard)
}

extension SceneDefinition {
    /// `dashboard`: line, loss and contour (or, with ``Visual/surfacePanel``, the 3-D surface) panels of
    /// one run, and descent on b alone in a fourth when ``Visual/fixedM`` is given.
    static let dashboard = SceneDefinition(
        .dashboard, summary: "line, loss and contour panels; bsweep too with --fixed-m", data: .pointsOrDensity,
        baseRuns: { v in v.fixedM == nil ? .main : [.main, .bOnly] },
        options: { v in v.surfacePanel ? [.arrows, .markBest, .surfacePanel, .camera] : [.arrows, .markBest, .surfacePanel] },
        prepare: { setup in
            setup.input.bOnly = setup.bOnly
            setup.panels = setup.bOnly == nil ? 3 : 4
        }
    ) { scene in
        let input = scene.input, r = input.result, story = RunStory(r)
        var text = "Dashboard of \(PlannedScene.run(r).lowercasedFirstWord) on \(PlannedScene.points(input.data)): the fitted line, the loss per \(story.unit) and the path on the loss surface side by side"
        if let bOnly = input.bOnly {
            text += ", with descent on b alone, m held at \(RunStory.n(bOnly.snapshots[0].m)), in a fourth panel"
        }
        text += ". " + story.told()
        if let bOnly = input.bOnly {
            let b = RunStory(bOnly)
            text += " With m held, b " + (bOnly.divergedAtEpoch.map { "diverged at epoch \($0)." } ?? "went from \(RunStory.n(b.start.b)) to \(RunStory.n(b.end.b)), the best b at that m being \(RunStory.n(b.best.b)).")
        }
        return text
    }
}
