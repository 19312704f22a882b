/// The data rows of CSV text once its columns are known (`CSVData.Layout`): each line's two numbers, by a
/// fast path for plain ASCII lines without quotes (fields found and numbers parsed in place, no String made)
/// and by the general path for the rest, which gives the same values and, for a bad line, its message.
/// One `CSVRows` reads one piece of the text; pieces are read on several threads and joined in order.
struct CSVRows {
    let layout: CSVData.Layout
    let file: String
    /// What becomes of the points read.
    enum Keeping {
        /// Only their statistics (`summary`).
        case statistics
        /// In mapped blocks (`points`), adopted whole by the reader.
        case blocks
        /// In arrays (`xs`, `ys`), handed on as the piece is joined (`CSVReader`'s `each`).
        case arrays
    }
    let keeping: Keeping
    var xs: [Double] = []
    var ys: [Double] = []
    /// This piece's kept points (made by the first, so no copy of a template shares them).
    var points: PointBlocks?
    var summary = DataSummary()
    /// Several features (``CSVData/Layout/extras``): the piece's values, one array per feature and then y,
    /// or their statistics.
    var columns: [[Double]] = []
    var featureSummary: FeatureSummary?
    /// The fast path's field roles and row values for several features (made at the first row).
    var roles: [Int] = []
    var values: [Double] = []
    /// A labelled file's rows (logistic regression's classes in the y column); nil for points of numbers.
    var labelled: LabelledRows?
    /// Lines read so far.
    var lines = 0
    /// Where the text after this piece's records starts (set by ``unit(_:start:target:limit:final:)``).
    var end: Int?

    func fail(_ line: Int?, _ column: Int?, _ text: String?, _ message: String) -> CSVData.ParseError {
        CSVData.ParseError(file: file, line: line, column: column, text: text, message: message)
    }

    @inline(__always)
    mutating func store(_ x: Double, _ y: Double) {
        switch keeping {
        case .statistics: summary.add(x, y)
        case .arrays:
            xs.append(x)
            ys.append(y)
        case .blocks:
            if points == nil { points = PointBlocks() }
            points!.append(x, y)
        }
    }

    /// Reads the records from `start` up to and including the first whose line feed is at or past `target`,
    /// within `p[..<limit]` (whole lines); sets ``end`` to where the next record starts. Leaves it nil when
    /// the records run on past `limit` (more text is needed) and this is not the `final` text.
    mutating func unit(_ p: UnsafePointer<UInt8>, start: Int, target: Int, limit: Int, final: Bool) throws(CSVData.ParseError) {
        var s = start
        while s < limit {
            guard let next = try next(p, s, limit: limit, final: final) else { return }
            s = next
            if s - 1 >= target { end = s; return }
        }
        if final { end = s }
    }

    /// The record that starts at `p[s]`, line ``lines`` + 1 of this piece; returns where the next starts, or nil
    /// when a quoted field holds it open past `limit` and the text is not `final`. A plain line (ASCII, no
    /// quotes, the right number of fields, both numbers by the fast grammar) is split and its numbers parsed
    /// in one pass over its bytes; at the first thing that is not, the record goes to the general path,
    /// which gives the same values or the message.
    mutating func next(_ p: UnsafePointer<UInt8>, _ s: Int, limit: Int, final: Bool) throws(CSVData.ParseError) -> Int? {
        if labelled != nil { return try nextLabelled(p, s, limit: limit, final: final) }
        if !layout.extras.isEmpty { return try nextFeatures(p, s, limit: limit, final: final) }
        var i = s, field = 0
        var x = 0.0, y = 0.0
        while true {
            if field == layout.x || field == layout.y {
                // The line ends with a line feed, which no number continues: no bound is needed.
                guard let (v, stop) = DecimalParser.scan(p, i, Int.max) else { break }
                if field == layout.x { x = v }
                if field == layout.y { y = v }
                i = stop
            } else {
                // A field neither column uses: plain printable text up to the comma.
                while true {
                    let c = p[i]
                    if c == UInt8(ascii: ",") || c == 0x0A || c == 0x0D || c == 0x22 || c == 0 || c >= 0x80 { break }
                    i += 1
                }
            }
            let c = p[i]
            if c == UInt8(ascii: ",") { field += 1; i += 1; continue }
            guard field + 1 == layout.width else { break }
            if c == 0x0A { store(x, y); lines += 1; return i + 1 }
            if c == 0x0D && p[i + 1] == 0x0A { store(x, y); lines += 1; return i + 2 }
            break
        }
        return try general(p, s, limit: limit, final: final)
    }

    /// The record that starts at `p[s]` by the general path, over as many lines as its quoted fields hold
    /// open (kept out of line: the plain lines' loop above stays small).
    @inline(never)
    mutating func general(_ p: UnsafePointer<UInt8>, _ s: Int, limit: Int, final: Bool) throws(CSVData.ParseError) -> Int? {
        let number = lines + 1
        guard let e = QuoteScanner.recordEnd(p, s, limit: limit) else {
            // The lines here all end: only an open quote holds the record open.
            if final { throw fail(number, nil, nil, CSVData.unclosedQuote) }
            if limit - s > CSVReader.longestLine { throw fail(number, nil, nil, CSVData.overlongQuote) }
            return nil
        }
        if e - s > CSVReader.longestLine { throw fail(number, nil, nil, CSVData.overlongQuote) }
        let textEnd = e > s && p[e - 1] == 0x0D ? e - 1 : e
        switch try CSVData.record(UnsafeBufferPointer(start: p + s, count: textEnd - s), line: number, fail: fail) {
        case .skip: break
        case .open: throw fail(number, nil, nil, CSVData.unclosedQuote)
        case .fields(let fields): try row(fields, line: number)
        }
        var k = s
        while k < e { if p[k] == 0x0A { lines += 1 }; k += 1 }
        lines += 1
        return e + 1
    }

    /// A data row by the general path: the same columns as the header or first row, two numbers.
    mutating func row(_ fields: [String], line: Int) throws(CSVData.ParseError) {
        guard fields.count == layout.width else {
            // A header of one field holding ';' and rows of commas: ';'-separated values with decimal commas.
            let semicolons = layout.width == 1 && fields.contains { $0.contains(";") }
                ? "; the file seems to be separated by ';' with decimal commas, but gdanimate reads comma-separated values with decimal points" : ""
            throw fail(line, nil, nil, "the row has \(fields.count) field\(fields.count == 1 ? "" : "s") but \(layout.hasHeader ? "the header" : "the first row") has \(layout.width); every row needs the same columns" + semicolons)
        }
        if labelled != nil { return try labelledRow(fields, line: line) }
        let x = try CSVData.value(fields[layout.x], line: line, column: layout.x + 1, fail: fail)
        if !layout.extras.isEmpty {
            var values = [x]
            for c in layout.extras { values.append(try CSVData.value(fields[c], line: line, column: c + 1, fail: fail)) }
            values.append(try CSVData.value(fields[layout.y], line: line, column: layout.y + 1, fail: fail))
            store(values)
            return
        }
        store(x, try CSVData.value(fields[layout.y], line: line, column: layout.y + 1, fail: fail))
    }
}

extension CSVData {
    /// What one record's text holds.
    enum Record {
        /// A blank or comment line.
        case skip
        /// The text ends inside a quoted field: the record goes on over the next line.
        case open
        case fields([String])
    }

    /// The fields of one record (no line end after it), `.skip` for a blank or comment line, `.open` when
    /// its text ends inside a quoted field; errors for a NUL byte and text that is not UTF-8.
    static func record(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, fail: (Int?, Int?, String?, String) -> ParseError) throws(ParseError) -> Record {
        if bytes.contains(0) {
            throw fail(line, nil, nil, "the line holds a NUL byte: this looks like a binary file, not CSV text")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw fail(line, nil, nil, "the line is not valid UTF-8 text; save the file as UTF-8 CSV")
        }
        let trimmed = text.drop(while: { $0 == " " || $0 == "\t" })
        if trimmed.isEmpty || trimmed.first == "#" { return .skip }
        guard let fields = try fields(of: text, line: line, fail: fail) else { return .open }
        return .fields(fields)
    }

    /// The message for a quoted field still open where the text ends.
    static let unclosedQuote = "a quoted field opened on this line is not closed before the end of the file"
    /// The message for a quoted field that holds its record open past ``CSVReader/longestLine``.
    static let overlongQuote = "a quoted field opened on this line runs on for more than \(CSVReader.longestLine >> 20) MiB; is its closing quote missing?"
}
