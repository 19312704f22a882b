import Rasterizer
import Training

extension Visual {
    /// The points of ``data``: the preset drawn from ``seed``, the CSV file read and parsed (errors name
    /// the file, line, column and text; `-` reads standard input, once), or the points given.
    public func loadData() throws -> Dataset { try loadData(for: SceneKind.allCases) }

    /// The data `scenes` need: a CSV file is read as it streams in, any size, and when no scene draws the
    /// points and the optimizer uses the whole batch, only their statistics are kept (constant memory:
    /// ten million rows take what a hundred do).
    public func loadData(for scenes: [SceneKind], threads: Int? = nil) throws -> Dataset {
        switch data {
        case .preset(let preset): return preset.generate(seed: seed)
        case .points(let points): return points
        case .file(let path, let x, let y):
            var reader = CSVReader(file: path == "-" ? "standard input" : path, xColumn: x, yColumn: y, keepsPoints: needsPoints(scenes),
                                   threads: threads ?? FrameFarm.processors)
            try Files.stream(path) { piece in try reader.read(piece) }
            return try reader.finish()
        }
    }

    /// Whether `scenes` draw the points or train on them one by one (stochastic optimizers, the compared
    /// ones, standardizing x); the rest need only the loss surface's statistics.
    func needsPoints(_ scenes: [SceneKind]) -> Bool {
        let drawsPoints: Set<SceneKind> = [.line, .dashboard, .steps, .scaling, .compare]
        return !drawsPoints.isDisjoint(with: scenes) || optimizer == .sgd || optimizer == .minibatch
    }
}
