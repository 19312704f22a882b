import Rasterizer

extension SceneKind {
    /// Loss against epoch.
    public static let loss = SceneKind(.loss)
}

extension SceneDefinition {
    /// `loss`: the loss per epoch (or update), on a log axis when it spans decades, J* dashed.
    static let loss = SceneDefinition(.loss, summary: "loss per epoch", isSingleRun: true, drawsSeveralFeatures: true, drawsPenalty: true, options: { _ in .markBest }) { scene in
        let input = scene.input, r = input.result, story = RunStory(r)
        let loss = r.model.lossName == "MSE" ? "the mean squared error" : "the penalised loss \(r.model.lossName)"
        var text = "Loss per \(story.unit): \(loss) of \(PlannedScene.run(r).lowercasedFirstWord) on \(PlannedScene.points(input.data)), "
            + "on a \(scene.lossAxisIsLog ? "logarithmic" : "linear") axis with the \(r.model.optimumName) J* dashed"
        if let held = input.data.heldOut {
            text += "; beside it the mean squared error of the \(held.count) validation points held out of training, whose gap above the training curve is overfitting"
        }
        if input.markBest, let best = r.snapshots.min(by: { $0.loss < $1.loss }) {
            text += "; a star marks the lowest loss, \(RunStory.n(best.loss)) at \(story.unit) \(story.time(best))"
        }
        return text + ". " + story.told()
    }
}
