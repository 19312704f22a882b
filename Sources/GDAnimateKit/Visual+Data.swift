import Training

extension Visual {
    /// The points of ``data``: the preset drawn from ``seed``, the CSV file read and parsed (errors name
    /// the file, line, column and text; `-` reads standard input, once), or the points given.
    public func loadData() throws -> Dataset {
        switch data {
        case .preset(let preset): return preset.generate(seed: seed)
        case .points(let points): return points
        case .file(let path, let x, let y):
            return try CSVData.parse(try Files.read(path), file: path == "-" ? "standard input" : path, xColumn: x, yColumn: y)
        }
    }
}
