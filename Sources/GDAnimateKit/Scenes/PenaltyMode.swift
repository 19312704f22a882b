import Rasterizer
import Training

extension SceneKind {
    /// The penalty's level set (disc, diamond) on the MSE contours of two weights, with the penalised path.
    public static let penalty = SceneKind(.penalty)
}

extension SceneDefinition {
    /// `penalty`: why ridge shrinks and lasso zeroes. Over two weights, the MSE contours, the penalised
    /// descent, and the penalty's level set through the current weights; the penalised optimum is where a
    /// contour first touches the shape. It needs a penalty and exactly two weights.
    static let penalty = SceneDefinition(
        .penalty, summary: "penalty's shape on the MSE contours", drawsSeveralFeatures: true, drawsPenalty: true,
        check: { visual throws(VisualError) in
            guard visual.penalty != nil else { throw .penaltySceneNeedsPenalty }
            guard visual.featureCount == 2 else { throw .penaltySceneNeedsTwoWeights(parameters: visual.parameterNames) }
        },
        drawsSlowest: true,
        example: { visual in
            if visual.penalty == nil { visual.penalty = try? Penalty(.l1, lambda: Visual.defaultLambda) }
            if visual.featureCount == 1 { visual.degree = 2 }
        }
    ) { scene in
        let input = scene.input, r = input.result, story = RunStory(r)
        guard let model = r.model as? PenalizedRegression else { return "" }
        let names = model.parameterNames, p = model.penalty
        let shape = p.kind == .l1 ? "diamond |\(names[0])| + |\(names[1])| = c" : p.kind == .l2 ? "disc \(names[0])² + \(names[1])² = c" : "rounded diamond of the elastic net"
        var text = "\(PlannedScene.run(r)) on \(PlannedScene.points(input.data)), over the weights (\(names[0]), \(names[1])): "
            + "filled contours of the mean squared error with b at its best, the least-squares weights as a star, the penalised path from the start to the current \(story.unit), "
            + "and the penalty's level set through the current weights, a \(shape), growing as the path leaves 0"
        if let o = model.optimum {
            let zeros = model.zeroWeights(o.theta).map { names[$0] }
            text += "; the \(model.optimumName) (\(RunStory.n(o.theta[0])), \(RunStory.n(o.theta[1]))) is where an MSE contour, drawn bold, first touches the shape, drawn dashed there"
            if !zeros.isEmpty { text += ", on the corner where \(SceneText.list(zeros)) \(zeros.count == 1 ? "is" : "are") exactly 0" }
        }
        return text + ". " + story.told()
    }
}
