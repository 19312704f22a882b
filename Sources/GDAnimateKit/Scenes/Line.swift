import Rasterizer

extension SceneKind {
    /// Data points and the current regression line.
    public static let line = SceneKind(.line)
}

extension SceneDefinition {
    /// `line`: the data and the current fit; past the density threshold the points are counted per pixel.
    static let line = SceneDefinition(.line, summary: "data and fit", isSingleRun: true, data: .pointsOrDensity) { scene in
        let r = scene.input.result
        let drawn = scene.input.data.count > DensityCounts.threshold
            ? "drawn as points per pixel (a density on a log scale, with its colour bar)" : "drawn as dots"
        return "The fitted line: \(PlannedScene.run(r)) fits ŷ = m·x + b to \(PlannedScene.points(scene.input.data)), \(drawn) with the current line, "
            + "faint earlier fits at epochs 0, 1, 2, 4, 8, … and the least-squares line dashed. " + RunStory(r).told()
    }
}
