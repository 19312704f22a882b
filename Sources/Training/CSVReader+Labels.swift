/// Points whose y column holds class labels, read for logistic regression, and how the labels became 0
/// and 1.
public struct LabelledData: Sendable, Equatable {
    /// The points: the features, and in ``Dataset/ys`` the classes 0 and 1.
    public var data: Dataset
    /// Which label became 0 and which 1 (`no → 0, yes → 1`).
    public var mapping: LabelMapping
}

/// What a labelled reading gathers as the pieces are joined in order: the rows, the distinct labels with
/// their first lines, and the first error about them.
struct LabelledReading {
    /// Every piece's rows, adopted in order.
    var blocks: ColumnBlocks
    /// The header's fields, when the file has one (the name of one feature).
    var header: [String]?
    /// The distinct labels of the rows joined so far (at most two), first appearances first.
    var seen: [(key: LabelKey, line: Int, text: String)] = []
    /// The first problem with the labels, in the order of the text.
    var error: CSVData.ParseError?
    /// The mapping, once the file is read.
    var mapping: LabelMapping?
}

extension CSVData {
    /// Parses `bytes` (the contents of `file`) into points whose `yColumn` holds labels: `yes`/`no`,
    /// `true`/`false` (any case) or exactly two distinct numbers, the smaller becoming 0. `xColumns` are the
    /// features (none: the header's `x`, or the first numeric column); `yColumn` nil means the header's `y`,
    /// else the last column. (``CSVReader/init(file:xColumns:labelColumn:threads:)`` reads the same text in pieces.)
    public static func parseLabelled(_ bytes: [UInt8], file: String, xColumns: [Column] = [], yColumn: Column? = nil) throws(ParseError) -> LabelledData {
        var reader = CSVReader(file: file, xColumns: xColumns, labelColumn: yColumn)
        try bytes.withUnsafeBufferPointer { b throws(ParseError) in try reader.read(b) }
        return try reader.finishLabelled()
    }
}

extension CSVReader {
    /// A reader of labelled points for logistic regression: the features `xColumns` (one or more; none: the
    /// header's `x` or the first numeric column) and the labels in `labelColumn` (nil: the header's `y`,
    /// else the last column), read in pieces on `threads` threads like any file, the rows kept at 8 bytes a
    /// value. ``finishLabelled()`` returns the points with their classes and the mapping; errors name the
    /// file, line, column and value of a label that is not one, of a third distinct label, and of one class only.
    public init(file: String, xColumns: [CSVData.Column] = [], labelColumn: CSVData.Column? = nil, threads: Int = 1) {
        self.init(file: file, xColumn: xColumns.first, yColumn: labelColumn, extraXColumns: Array(xColumns.dropFirst()), keepsPoints: true, threads: threads)
        labels = LabelledReading(blocks: ColumnBlocks(width: max(1, xColumns.count) + 1))
    }

    /// How the labels became 0 and 1, once ``finish()`` (or ``finishLabelled()``) has read a labelled file;
    /// nil before, and for a reader of numbers.
    public var labelMapping: LabelMapping? { labels?.mapping }

    /// Reads the last line and returns the points, their classes and the mapping of the labels.
    public mutating func finishLabelled() throws(CSVData.ParseError) -> LabelledData {
        precondition(labels != nil, "finishLabelled() reads a reader made by init(file:xColumns:labelColumn:threads:)")
        let data = try finish()
        return LabelledData(data: data, mapping: labels!.mapping!)
    }

    /// The label column when none was given: the header's `y` (any case), else the last column.
    static func labelColumn(header: [String]?, width: Int) -> CSVData.Column {
        if let i = header?.firstIndex(where: { $0.trimmingSpaces.lowercased() == "y" }) { return .index(i + 1) }
        return .index(max(width, 1))
    }

    /// Joins one piece's rows and labels (lines counted from `lineOffset`), noting the first problem.
    mutating func joinLabelled(_ rows: CSVRows, lineOffset: Int) {
        guard let read = rows.labelled, labels!.error == nil else { return }
        if let blocks = read.blocks {
            pointsRead += blocks.count
            labels!.blocks.adopt(blocks)
        }
        let column = rows.layout.y + 1
        for label in read.scan.seen where !labels!.seen.contains(where: { $0.key == label.key }) {
            let line = label.line + lineOffset
            let seen = labels!.seen
            if seen.count == 2 {
                labels!.error = fail(line, column, label.text, "a third label: the column's labels so far are '\(seen[0].text)' (line \(seen[0].line)) and '\(seen[1].text)' (line \(seen[1].line)); logistic regression needs exactly two classes")
            } else if let other = seen.first, !other.key.pairs(with: label.key) {
                let why: String
                if case .number = label.key {
                    why = "a number, but the label on line \(other.line) is the word '\(other.text)'; labels are yes/no, true/false or two numbers, not a mix"
                } else if case .number = other.key {
                    why = "a word, but the label on line \(other.line) is the number '\(other.text)'; labels are yes/no, true/false or two numbers, not a mix"
                } else {
                    why = "this does not pair with '\(other.text)' on line \(other.line); labels are yes/no or true/false, not a mix"
                }
                labels!.error = fail(line, column, label.text, why)
            } else {
                labels!.seen.append((label.key, line, label.text))
                continue
            }
            return
        }
    }

    /// The points read, with their classes 0 and 1 (numbers mapped now that both are known), and the mapping;
    /// an error when every label is the same.
    mutating func labelledDataset() throws(CSVData.ParseError) -> Dataset {
        guard let layout else { throw fail(nil, nil, nil, "the file has no data rows") }
        let seen = labels!.seen
        guard seen.count == 2 else {
            let only = seen[0]
            throw fail(only.line, layout.y + 1, only.text, "every label in the column is '\(only.text)' (\(pointsRead) row\(pointsRead == 1 ? "" : "s")); logistic regression needs two classes, so both must appear")
        }
        var columns = labels!.blocks.arrays()
        var ys = columns.removeLast()
        switch (seen[0].key, seen[1].key) {
        case (.number(let a), .number(let b)):
            let low = min(a, b)
            labels!.mapping = LabelMapping(zero: a < b ? seen[0].text : seen[1].text, one: a < b ? seen[1].text : seen[0].text)
            ys.withUnsafeMutableBufferPointer { y in for i in y.indices { y[i] = y[i] == low ? 0 : 1 } }
        default:
            let firstIsOne = seen[0].key.stored == 1
            labels!.mapping = LabelMapping(zero: firstIsOne ? seen[1].text : seen[0].text, one: firstIsOne ? seen[0].text : seen[1].text)
        }
        if columns.count == 1 {
            var data = Dataset(xs: columns[0], ys: ys, source: file)
            let name = labels!.header.flatMap { layout.x < $0.count ? $0[layout.x].trimmingSpaces : nil } ?? ""
            data.featureNames = [name.isEmpty ? "x" : name]
            return data
        }
        return Dataset(columns: columns, ys: ys, names: layout.names, source: file)
    }
}
