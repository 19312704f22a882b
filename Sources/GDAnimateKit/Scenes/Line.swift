import Rasterizer

extension SceneKind {
    /// Data points and the current regression line.
    public static let line = SceneKind(.line)
}

extension SceneDefinition {
    /// `line`: the data and the current fit; past the density threshold the points are counted per pixel.
    static let line = SceneDefinition(.line, summary: "data and fit", isSingleRun: true, data: .pointsOrDensity, drawsSeveralFeatures: true, drawsPenalty: true) { scene in
        let r = scene.input.result
        let best = r.model.optimumName == "least-squares minimum" ? "least-squares" : r.model.optimumName.replacing(" minimum", with: "")
        if let curve = scene.input.data.curve {
            let held = scene.input.data.heldOut.map { ", and \($0.count) validation points held out of training drawn hollow" } ?? ""
            return "A polynomial of degree \(curve.features.degree) in x: \(PlannedScene.run(r)) fits the weights of the powers of the standardized x "
                + "to \(PlannedScene.points(scene.input.data)) drawn as dots\(held); the current curve over x and the \(best) curve dashed. " + RunStory(r).told()
        }
        if scene.input.data.featureCount > 1 {
            let names = r.model.parameterNames.dropLast().joined(separator: ", ")
            return "Prediction against truth: \(PlannedScene.run(r)) fits ŷ = wᵀx + b (weights \(names) and intercept b) to \(PlannedScene.points(scene.input.data)); "
                + "each point is drawn at its true y across and its current prediction ŷ up, the diagonal ŷ = y dashed and the least-squares predictions as faint dots: "
                + "the points gather toward the diagonal as the fit improves. " + RunStory(r).told()
        }
        let drawn = scene.input.data.count > DensityCounts.threshold
            ? "drawn as points per pixel (a density on a log scale, with its colour bar)" : "drawn as dots"
        return "The fitted line: \(PlannedScene.run(r)) fits ŷ = m·x + b to \(PlannedScene.points(scene.input.data)), \(drawn) with the current line, "
            + "faint earlier fits at epochs 0, 1, 2, 4, 8, … and the \(best) line dashed. " + RunStory(r).told()
    }
}
