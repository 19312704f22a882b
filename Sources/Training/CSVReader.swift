/// CSV text read in pieces as they arrive (a file in chunks, standard input), with `CSVData`'s grammar and
/// messages, the line numbers counting across pieces, and no limit on the size.
///
/// The first records (up to the first data row) decide the header and the columns, as `CSVData.parse`
/// describes. The lines after them are gathered into pieces of about ``pieceBytes`` bytes, read on `threads`
/// threads at once (`CSVRows`), and joined in order: the points one after another, or their statistics by
/// Chan's pairwise merge. Pieces end at fixed places in the text (whole records: a quoted field may hold
/// line ends), not where the bytes arrived or by how many threads there are, so the result is the same, bit
/// for bit, for any chunking and any thread count. Errors name the first bad line in the order of the text.
public struct CSVReader {
    /// The name messages give the text (a file name, "standard input").
    public let file: String
    let xColumn: CSVData.Column?, yColumn: CSVData.Column?
    /// The columns of the features after the first (several `--x-column`s).
    let extraXColumns: [CSVData.Column]
    /// Keep the points, or only their statistics (constant memory: what batch descent and the loss
    /// surface need).
    public let keepsPoints: Bool
    /// Threads reading pieces at once.
    public let threads: Int
    /// Where the points go, a piece at a time in the order of the text, when they are not kept.
    let each: (([Double], [Double]) -> Void)?
    /// The points read so far.
    public internal(set) var pointsRead = 0
    /// Bytes of data lines per piece read on one thread (a piece ends at the first line end past it).
    public static let pieceBytes = 1 << 20
    /// The longest line read (bytes): rows of numbers are short, and memory stays bounded whatever the input.
    public static let longestLine = 1 << 20

    var lineNumber = 0
    /// The start of a line whose end has not arrived yet.
    private var carry: [UInt8] = []
    /// Records read before the columns are known.
    private var early: [(line: Int, fields: [String])] = []
    /// An early record still open at a line end (a quoted field over several lines): its text so far, each
    /// line with its line feed, the number of its first line, and where its quotes stand.
    private var pending: [UInt8] = []
    private var pendingLine = 0
    private var pendingQuotes = QuoteScanner()
    var layout: CSVData.Layout?
    private var sawBytes = false
    /// Whole lines gathered for the next batch of pieces (each ends with a line feed), and the number of
    /// the first of them.
    var batch: [UInt8] = []
    var batchFirstLine = 0
    /// Where the batch starts among the data lines' bytes.
    var batchOffset = 0
    /// Bytes gathered before the pieces are read together.
    static let batchBytes = 8 << 20
    /// What the pieces read so far hold.
    private let points = PointBlocks()
    private var summary = DataSummary()
    /// What the pieces read so far hold, for several features: their columns or their statistics.
    private var columns: [[Double]] = []
    private var featureSummary: FeatureSummary?
    /// A labelled file's rows and labels so far (``init(file:xColumns:labelColumn:threads:)``); nil otherwise.
    var labels: LabelledReading?

    /// A reader of the text of `file`, taking the columns as `CSVData.parse` does; `keepsPoints: false`
    /// keeps only their statistics, and ``finish()`` returns a ``Dataset`` of its ``Dataset/summary``.
    /// `extraXColumns` name features after the first: the points then have several features (``Dataset/extraFeatures``),
    /// or their statistics a ``FeatureSummary``.
    public init(file: String, xColumn: CSVData.Column? = nil, yColumn: CSVData.Column? = nil, extraXColumns: [CSVData.Column] = [],
                keepsPoints: Bool = true, threads: Int = 1) {
        self.file = file
        self.xColumn = xColumn
        self.yColumn = yColumn
        self.extraXColumns = extraXColumns
        self.keepsPoints = keepsPoints
        self.threads = max(1, threads)
        each = nil
    }

    /// A reader that hands the points to `each` a piece at a time, in the order of the text, and keeps
    /// neither them nor their statistics (a second pass over a file: the points counted per pixel);
    /// ``finish()`` then returns a ``Dataset`` without points, and ``pointsRead`` says how many went by.
    public init(file: String, xColumn: CSVData.Column? = nil, yColumn: CSVData.Column? = nil, threads: Int = 1,
                each: @escaping ([Double], [Double]) -> Void) {
        self.file = file
        self.xColumn = xColumn
        self.yColumn = yColumn
        extraXColumns = []
        keepsPoints = true
        self.threads = max(1, threads)
        self.each = each
    }

    func fail(_ line: Int?, _ column: Int?, _ text: String?, _ message: String) -> CSVData.ParseError {
        CSVData.ParseError(file: file, line: line, column: column, text: text, message: message)
    }

    /// Reads the next piece of the text.
    public mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(CSVData.ParseError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        sawBytes = true
        var start = 0
        while start < bytes.count {
            if layout != nil {
                // The columns are known: whole lines go to the batch as they are, the rest waits.
                var last = bytes.count - 1
                while last >= start && base[last] != 0x0A { last -= 1 }
                if last < start {
                    carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: bytes.count - start))
                    try checkCarry()
                    return
                }
                if batch.isEmpty { batchFirstLine = lineNumber + 1 }
                batch += carry
                carry.removeAll(keepingCapacity: true)
                batch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: last + 1 - start))
                carry.append(contentsOf: UnsafeBufferPointer(start: base + last + 1, count: bytes.count - last - 1))
                if batch.count >= Self.batchBytes { try flush(final: false) }
                return
            }
            var nl = start
            while nl < bytes.count && base[nl] != 0x0A { nl += 1 }
            if nl == bytes.count {
                carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: bytes.count - start))
                try checkCarry()
                return
            }
            if carry.isEmpty {
                try line(base, start, nl)
            } else {
                carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: nl - start))
                let whole = carry
                carry.removeAll(keepingCapacity: true)
                try whole.withUnsafeBufferPointer { b throws(CSVData.ParseError) in try line(b.baseAddress!, 0, b.count) }
            }
            start = nl + 1
        }
    }

    /// What a line or record longer than ``longestLine`` is told.
    static let overlong = "the line is longer than \(longestLine >> 20) MiB: this does not look like CSV text of numbers"

    /// A line this long is no table of numbers: say so now rather than hold it all in memory.
    private func checkCarry() throws(CSVData.ParseError) {
        guard carry.count > Self.longestLine else { return }
        let what = carry.contains(0) ? "the line holds a NUL byte: this looks like a binary file, not CSV text" : Self.overlong
        throw fail(lineNumber + 1 + batch.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, nil, nil, what)
    }

    /// Reads the last line (one without a line end) and returns the points (or their statistics).
    public mutating func finish() throws(CSVData.ParseError) -> Dataset {
        if layout != nil && !carry.isEmpty {
            if batch.isEmpty { batchFirstLine = lineNumber + 1 }
            batch += carry
            batch.append(0x0A)
            carry = []
        }
        if !carry.isEmpty {
            let whole = carry
            carry = []
            try whole.withUnsafeBufferPointer { b throws(CSVData.ParseError) in try line(b.baseAddress!, 0, b.count) }
        }
        if !pending.isEmpty { throw fail(pendingLine, nil, nil, CSVData.unclosedQuote) }
        if !sawBytes { throw fail(nil, nil, nil, "the file is empty; it needs a column of x and a column of y values") }
        if layout == nil { try decide(atEnd: true) }
        try flush(final: true)
        if labels != nil { return try labelledDataset() }
        if let layout, !layout.extras.isEmpty {
            let features = layout.extras.count + 1
            if keeping == .statistics {
                return Dataset(featureSummary: featureSummary ?? FeatureSummary(features: features), names: layout.names, source: file)
            }
            return Dataset(columns: columns.isEmpty ? Array(repeating: [], count: features) : Array(columns.dropLast()), ys: columns.last ?? [],
                           names: layout.names, source: file)
        }
        switch keeping {
        case .arrays: return Dataset(xs: [], ys: [], source: file)
        case .statistics: return Dataset(summary: summary, source: file)
        case .blocks:
            let (xs, ys) = points.arrays()
            return Dataset(xs: xs, ys: ys, source: file)
        }
    }

    /// What the pieces do with the points: hand them to `each`, keep them, or keep their statistics.
    var keeping: CSVRows.Keeping { each != nil ? .arrays : keepsPoints ? .blocks : .statistics }

    /// One line, `p[start..<end]`, without its line feed: a record, or a line of one that a quoted field holds
    /// open over several.
    private mutating func line(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) throws(CSVData.ParseError) {
        lineNumber += 1
        var s = start
        if lineNumber == 1 && end - s >= 3 && p[s] == 0xEF && p[s + 1] == 0xBB && p[s + 2] == 0xBF { s += 3 }
        if pending.isEmpty {
            // The record's quotes may be open at the end of its first line.
            var quotes = QuoteScanner(recordAt: p, s, limit: end)
            quotes.feed(p, s, end)
            if quotes.isOpen {
                pending = Array(UnsafeBufferPointer(start: p + s, count: end - s)) + [0x0A]
                pendingLine = lineNumber
                quotes.feed(0x0A)
                pendingQuotes = quotes
                return
            }
            try record(p, s, end, line: lineNumber)
            return
        }
        pendingQuotes.feed(p, s, end)
        pending.append(contentsOf: UnsafeBufferPointer(start: p + s, count: end - s))
        if pending.count > Self.longestLine { throw fail(pendingLine, nil, nil, CSVData.overlongQuote) }
        if pendingQuotes.isOpen {
            pending.append(0x0A)
            pendingQuotes.feed(0x0A)
            return
        }
        let whole = pending
        pending = []
        try whole.withUnsafeBufferPointer { b throws(CSVData.ParseError) in try record(b.baseAddress!, 0, b.count, line: pendingLine) }
    }

    /// One whole record of the early lines, `p[s..<end]` without its last line feed, from line `line`.
    private mutating func record(_ p: UnsafePointer<UInt8>, _ s: Int, _ end: Int, line: Int) throws(CSVData.ParseError) {
        let e = end > s && p[end - 1] == 0x0D ? end - 1 : end
        switch try CSVData.record(UnsafeBufferPointer(start: p + s, count: e - s), line: line, fail: fail) {
        case .skip: return
        case .open: throw fail(line, nil, nil, CSVData.unclosedQuote)
        case .fields(let fields):
            early.append((line, fields))
            try decide(atEnd: false)
        }
    }

    /// Decides the header and the columns once the records that decide them have arrived (or the text ended).
    private mutating func decide(atEnd: Bool) throws(CSVData.ParseError) {
        guard let first = early.first else {
            if atEnd { throw fail(nil, nil, nil, "the file has no data rows, only comments or blank lines") }
            return
        }
        let isHeader = first.fields.allSatisfy { CSVData.number($0) == nil }
        guard early.count >= (isHeader ? 2 : 1) else {
            if atEnd { throw fail(first.line, nil, nil, "the file has a header but no data rows") }
            return
        }
        let yColumn = labels == nil ? self.yColumn : self.yColumn ?? Self.labelColumn(header: isHeader ? first.fields : nil, width: first.fields.count)
        let chosen = try CSVData.Layout(header: isHeader ? first : nil, firstRow: early[isHeader ? 1 : 0], xColumn: xColumn, yColumn: yColumn,
                                        extraXColumns: extraXColumns, fail: fail)
        layout = chosen
        // The first data row is a piece of its own, the same however the rest is cut.
        var rows = CSVRows(layout: chosen, file: file, keeping: keeping)
        if labels != nil {
            rows.labelled = LabelledRows()
            labels!.header = isHeader ? first.fields : nil
        }
        for record in early.dropFirst(isHeader ? 1 : 0) { try rows.row(record.fields, line: record.line) }
        join(rows)
        if let error = labels?.error { throw error }
        early = []
    }

    mutating func join(_ rows: CSVRows, lineOffset: Int = 0) {
        if labels != nil { return joinLabelled(rows, lineOffset: lineOffset) }
        if !rows.layout.extras.isEmpty {
            // Several features: the piece's columns appended (the features', then y), or its statistics merged.
            if keeping == .statistics {
                let read = rows.featureSummary ?? FeatureSummary(features: rows.layout.extras.count + 1)
                pointsRead += read.count
                featureSummary = featureSummary.map { $0.merged(with: read) } ?? read
            } else {
                if columns.isEmpty { columns = Array(repeating: [], count: rows.layout.extras.count + 2) }
                for j in columns.indices where j < rows.columns.count { columns[j] += rows.columns[j] }
                pointsRead += rows.columns.first?.count ?? 0
            }
            return
        }
        switch keeping {
        case .arrays:
            pointsRead += rows.xs.count
            each?(rows.xs, rows.ys)
        case .blocks:
            if let read = rows.points {
                pointsRead += read.count
                points.adopt(read)
            }
        case .statistics:
            pointsRead += rows.summary.count
            summary = summary.merged(with: rows.summary)
        }
    }
}
