import Rasterizer

extension SceneKind {
    /// Filled contours of J(m, b) with the optimizer's path.
    public static let contour = SceneKind(.contour)
}

extension SceneDefinition {
    /// `contour`: the path on the filled contours of J(m, b); the slowest of one run's scenes to draw.
    static let contour = SceneDefinition(.contour, summary: "path on J(m,b)", isSingleRun: true, options: { _ in .arrows },
                                         drawsSlowest: true) { scene in
        let r = scene.input.result, story = RunStory(r)
        return "The path of \(PlannedScene.run(r).lowercasedFirstWord) on the loss surface J(m, b), the mean squared error of ŷ = m·x + b on \(PlannedScene.points(scene.input.data)): "
            + "filled contours on log-spaced levels, the path from the start to the current \(story.unit), and the least-squares minimum as a star. " + story.told()
    }
}
