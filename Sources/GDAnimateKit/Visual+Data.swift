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
    /// only statistics too (a smaller one is read again for its points). Standard input or a pipe, which
    /// cannot be read twice, is copied to a nameless temporary file as it streams in, for that second
    /// reading; the copy goes once a ``Plan`` is made from the data (counted or not; a second plan of the
    /// same stream cannot count its density).
    public func loadData(for scenes: [SceneKind], threads: Int? = nil) throws -> Dataset {
        let data = try loadRawData(for: scenes, threads: threads)
        if degree != nil || validation != nil { return try prepared(data) }
        guard standardize else { return data }
        guard let scaled = data.standardizingFeatures() else {
            throw VisualError.constantFeature(source: data.source)
        }
        return scaled
    }

    private func loadRawData(for scenes: [SceneKind], threads: Int?) throws -> Dataset {
        switch data {
        case .preset(let preset): return preset.generate(seed: seed)
        case .points(let points): return points
        case .file(let path, let x, let y):
            let threads = threads ?? FrameFarm.processors
            let keeps = needsPoints(scenes)
            let densityOnly = !keeps && scenes.contains { $0.definition.data == .pointsOrDensity }
            let data: Dataset
            do { data = try read(path, x, y, keepsPoints: keeps, spooling: densityOnly, threads: threads) } catch {
                Files.dropSpool(path)
                throw error
            }
            if densityOnly && data.count <= DensityCounts.threshold {
                defer { Files.dropSpool(path) }
                return try read(path, x, y, keepsPoints: true, threads: threads)
            }
            return data
        }
    }

    private func read(_ path: String, _ x: CSVData.Column?, _ y: CSVData.Column?, keepsPoints: Bool, spooling: Bool = false, threads: Int) throws -> Dataset {
        var reader = CSVReader(file: Self.name(path), xColumn: x, yColumn: y, extraXColumns: extraXColumns, keepsPoints: keepsPoints, threads: threads)
        return try Self.stream(path, spooling: spooling, into: &reader)
    }

    static func name(_ path: String) -> String { path == "-" ? "standard input" : path }

    /// The text of `path` (standard input for `-`) through `reader`, piece by piece as it is read; with
    /// `spooling`, kept for a second reading when it is not a regular file.
    private static func stream(_ path: String, spooling: Bool = false, into reader: inout CSVReader) throws -> Dataset {
        try Files.stream(path, spooling: spooling) { piece in try reader.read(piece) }
        return try reader.finish()
    }

    /// Whether `scenes` need the points themselves: a scene that says so (`SceneDefinition.DataNeed.points`:
    /// steps, scaling, compare), or trained on one by one (stochastic optimizers); the rest need only the loss
    /// surface's statistics, and a line scene counts its points per pixel on a second reading.
    func needsPoints(_ scenes: [SceneKind]) -> Bool {
        // Several features have no density of their own yet: a scene that draws the points keeps them.
        let drawsPoints: (SceneKind) -> Bool = { $0.definition.data == .points || (featureCount > 1 && $0.definition.data == .pointsOrDensity) }
        return scenes.contains(where: drawsPoints) || optimizer.isStochastic || degree != nil || validation != nil
    }

    /// The points of ``data`` read once more, handed to `each` a piece at a time, and how many there were
    /// (a second pass over a file, or the copy of a stream, whose statistics alone were kept).
    func streamPoints(threads: Int, _ each: @escaping ([Double], [Double]) -> Void) throws -> Int {
        guard case .file(let path, let x, let y) = data, extraXColumns.isEmpty, Files.canReadAgain(path) else { return 0 }
        var reader = CSVReader(file: Self.name(path), xColumn: x, yColumn: y, threads: threads, each: each)
        _ = try Self.stream(path, into: &reader)
        return reader.pointsRead
    }
}
