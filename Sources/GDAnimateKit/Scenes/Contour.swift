import Rasterizer

extension SceneKind {
    /// Filled contours of J(m, b) with the optimizer's path.
    public static let contour = SceneKind(.contour)
}

extension SceneDefinition {
    /// `contour`: the path on the filled contours of J(m, b); the slowest of one run's scenes to draw.
    static let contour = SceneDefinition(.contour, summary: "path on J(m,b)", isSingleRun: true, drawsSeveralFeatures: true,
                                         options: { _ in .arrows },
                                         drawsSlowest: true) { scene in
        let r = scene.input.result, story = RunStory(r)
        let p = scene.input.data.featureCount
        if p > 1 {
            let exact = p == 2 && scene.input.data.scaling != nil
            let what = exact ? "exactly the loss over the two weights: with standardized features the intercept separates from them"
                : "a slice of the loss, with b\(p > 2 ? " and the other weights" : "") held at the least-squares optimum\(scene.input.data.scaling == nil ? " (with --standardize and two features the intercept separates and the slice is exact)" : "")"
            let (u, v) = (r.model.parameterNames[scene.input.axes[0]], r.model.parameterNames[scene.input.axes[1]])
            return "The path of \(PlannedScene.run(r).lowercasedFirstWord) over the weights (\(u), \(v)) of ŷ = wᵀx + b on \(PlannedScene.points(scene.input.data)): "
                + "filled contours of the mean squared error, \(what), the path's (\(u), \(v)) from the start to the current \(story.unit), and the least-squares weights as a star. " + story.told()
        }
        return "The path of \(PlannedScene.run(r).lowercasedFirstWord) on the loss surface J(m, b), the mean squared error of ŷ = m·x + b on \(PlannedScene.points(scene.input.data)): "
            + "filled contours on log-spaced levels, the path from the start to the current \(story.unit), and the least-squares minimum as a star. " + story.told()
    }
}
