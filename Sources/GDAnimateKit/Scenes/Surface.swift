import Rasterizer

extension SceneKind {
    /// J(m, b) as a lit 3-D bowl with the path rolling down it.
    public static let surface = SceneKind(.surface)
}

extension SceneDefinition {
    /// `surface`: the loss bowl in 3-D, seen by the visual's camera.
    static let surface = SceneDefinition(.surface, summary: "the loss bowl J(m,b) in 3-D with the path", options: { _ in .camera }) { scene in
        let input = scene.input, r = input.result, story = RunStory(r)
        return "The loss surface J(m, b) in three dimensions: the mean squared error of ŷ = m·x + b on \(PlannedScene.points(input.data)) as a lit bowl "
            + "\(input.camera.orbit == 0 ? "" : "turning \(RunStory.n(abs(input.camera.orbit)))° ")seen from \(RunStory.n(input.camera.elevation))° above, "
            + "with its contours on it and on the floor, and \(PlannedScene.run(r).lowercasedFirstWord) rolling down it from the start to the current \(story.unit); "
            + "the least-squares minimum is a star. " + story.told()
    }
}
