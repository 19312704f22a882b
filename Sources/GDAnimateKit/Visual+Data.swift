import Rasterizer
import Training

extension Visual {
    /// The points of ``data``: the preset drawn from ``seed``, the CSV file read and parsed (errors name
    /// the file, line, column and text; `-` reads standard input, once), or the points given.
    public func loadData() throws -> Dataset { try loadData(for: SceneKind.allCases) }

    /// The data `scenes` need: a CSV file is read as it streams in, any size. When no scene draws the points
    /// one by one and the optimizer uses the whole batch, only their statistics are kept (constant memory:
    /// ten million rows take what a hundred do); a line scene of more than `DensityCounts.threshold` points
    /// draws their density, which ``Plan`` counts by reading the file a second time, so such a file keeps
    /// only statistics too (a smaller one is read again for its points).
    public func loadData(for scenes: [SceneKind], threads: Int? = nil) throws -> Dataset {
        switch data {
        case .preset(let preset): return preset.generate(seed: seed)
        case .points(let points): return points
        case .file(let path, let x, let y):
            let threads = threads ?? FrameFarm.processors
            let keeps = needsPoints(scenes)
            let densityOnly = !keeps && Files.isRegularFile(path) && !Set<SceneKind>([.line, .dashboard]).isDisjoint(with: scenes)
            let data = try read(path, x, y, keepsPoints: keeps, threads: threads)
            if densityOnly && data.count <= DensityCounts.threshold {
                return try read(path, x, y, keepsPoints: true, threads: threads)
            }
            return data
        }
    }

    private func read(_ path: String, _ x: CSVData.Column?, _ y: CSVData.Column?, keepsPoints: Bool, threads: Int) throws -> Dataset {
        var reader = CSVReader(file: path == "-" ? "standard input" : path, xColumn: x, yColumn: y, keepsPoints: keepsPoints, threads: threads)
        return try Self.stream(path, into: &reader)
    }

    /// The text of `path` (standard input for `-`) through `reader`, piece by piece as it is read.
    private static func stream(_ path: String, into reader: inout CSVReader) throws -> Dataset {
        try Files.stream(path) { piece in try reader.read(piece) }
        return try reader.finish()
    }

    /// Whether `scenes` need the points themselves: drawn one by one (steps, scaling, compare, or the line
    /// scene when they come from standard input, a pipe or anything else that cannot be read twice), or
    /// trained on one by one (stochastic optimizers); the rest need only the loss surface's statistics, and a
    /// line scene reading a regular file counts its points per pixel on a second pass.
    func needsPoints(_ scenes: [SceneKind]) -> Bool {
        var drawsPoints: Set<SceneKind> = [.steps, .scaling, .compare]
        if case .file(let path, _, _) = data, !Files.isRegularFile(path) { drawsPoints.formUnion([.line, .dashboard]) }
        return !drawsPoints.isDisjoint(with: scenes) || optimizer == .sgd || optimizer == .minibatch
    }

    /// The points of ``data`` read once more, handed to `each` a piece at a time, and how many there were
    /// (a second pass over a file whose statistics alone were kept).
    func streamPoints(threads: Int, _ each: @escaping ([Double], [Double]) -> Void) throws -> Int {
        guard case .file(let path, let x, let y) = data, Files.isRegularFile(path) else { return 0 }
        var reader = CSVReader(file: path, xColumn: x, yColumn: y, threads: threads, each: each)
        _ = try Self.stream(path, into: &reader)
        return reader.pointsRead
    }
}
