import Rasterizer
import Training

extension SceneKind {
    /// The contour path on raw x beside the one on standardized x.
    public static let scaling = SceneKind(.scaling)
}

extension SceneDefinition {
    /// `scaling`: the visual's run on raw x beside the same descent on standardized x′ = (x − x̄)/σ,
    /// which it trains on the points standardized (so it keeps them).
    static let scaling = SceneDefinition(
        .scaling, summary: "raw x beside standardized x", data: .points,
        extraRuns: { v in [v.optimizer] },
        options: { _ in .arrows },
        prepare: { setup throws(VisualError) in
            let data = setup.data
            guard let scaled = data.standardizingX() else { throw .unfittable(source: data.source, problem: "x does not vary, so it cannot be standardized") }
            let r = try setup.trainer.run(setup.visual.optimizer, lr: setup.visual.learningRate, on: scaled)
            setup.input.runs = [LabelledRun(label: "raw x", data: data, result: setup.main!),
                                LabelledRun(label: "standardized x′ = (x − x̄)/σ", data: scaled, result: r)]
            setup.panels = 2
        }
    ) { scene in
        let input = scene.input, r = input.result
        let stories = input.runs.map { RunStory($0.result) }
        var text = "Feature scaling: \(PlannedScene.run(r).lowercasedFirstWord) on \(PlannedScene.points(input.data)), on raw x (left) and on standardized x′ = (x − x̄)/σ (right), "
            + "the same rate and epochs, with equal units on both axes so the narrow valley and the round bowl show."
        for (i, story) in stories.enumerated() {
            text += " On \(i == 0 ? "raw" : "standardized") x, it" + story.told(prime: i == 0 ? "" : "′").dropFirst("It".count)
        }
        return text + PlannedScene.fastest(input.runs)
    }
}
