import Rasterizer

extension Visual {
    /// The optimizer of every run `kinds` train, one entry a run: each compared optimizer (or the visual's
    /// once per compared schedule), the visual's own, and the visual's once per rate of a learning-rate sweep.
    public func runs(for kinds: [SceneKind]) -> [OptimizerKind] {
        var runs: [OptimizerKind] = []
        if kinds.contains(.compare) { runs += comparedSchedules.map { Array(repeating: optimizer, count: $0.count) } ?? compared }
        runs.append(optimizer)
        if kinds.contains(.lrSweep) { runs += Array(repeating: optimizer, count: sweepRates?.count ?? LearningRateSweep.defaultFactors.count) }
        return runs
    }

    /// The names of `runs`' optimizers, each once, in order: "batch, sgd and minibatch" for a message.
    public static func names(_ runs: [OptimizerKind]) -> [String] {
        runs.reduce(into: [String]()) { if !$0.contains($1.rawValue) { $0.append($1.rawValue) } }
    }
}
