import Rasterizer

extension Visual {
    /// The optimizer of every run `kinds` train, one entry a run: those each scene trains besides the
    /// visual's (each compared optimizer or the visual's once per compared schedule, the visual's once per
    /// rate of a learning-rate sweep, once more on standardized x), then the visual's own.
    public func runs(for kinds: [SceneKind]) -> [OptimizerKind] {
        kinds.flatMap { $0.definition.extraRuns(self) } + [optimizer]
    }

    /// The names of `runs`' optimizers, each once, in order: "batch, sgd and minibatch" for a message.
    public static func names(_ runs: [OptimizerKind]) -> [String] {
        runs.reduce(into: [String]()) { if !$0.contains($1.rawValue) { $0.append($1.rawValue) } }
    }
}
