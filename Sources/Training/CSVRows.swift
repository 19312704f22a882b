/// The data rows of CSV text once its columns are known (`CSVData.Layout`): each line's two numbers, by a
/// fast path for plain ASCII lines without quotes (fields found and numbers parsed in place, no String made)
/// and by the general path for the rest, which gives the same values and, for a bad line, its message.
/// One `CSVRows` reads one piece of the text; pieces are read on several threads and joined in order.
struct CSVRows {
    let layout: CSVData.Layout
    let file: String
    let keepsPoints: Bool
    var xs: [Double] = []
    var ys: [Double] = []
    var summary = DataSummary()
    /// Lines read (set when the piece is done).
    var lines = 0

    func fail(_ line: Int?, _ column: Int?, _ text: String?, _ message: String) -> CSVData.ParseError {
        CSVData.ParseError(file: file, line: line, column: column, text: text, message: message)
    }

    @inline(__always)
    mutating func store(_ x: Double, _ y: Double) {
        if keepsPoints { xs.append(x); ys.append(y) } else { summary.add(x, y) }
    }

    /// The line that starts at `p[s]` and ends with a line feed (somewhere before the end of its piece),
    /// number `number` of the text; returns where the next line starts. A plain line (ASCII, no quotes, the
    /// right number of fields, both numbers by the fast grammar) is split and its numbers parsed in one pass
    /// over its bytes; at the first thing that is not, the whole line goes to the general path, which gives
    /// the same values or the message.
    mutating func next(_ p: UnsafePointer<UInt8>, _ s: Int, number: Int) throws(CSVData.ParseError) -> Int {
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
            if c == 0x0A { store(x, y); return i + 1 }
            if c == 0x0D && p[i + 1] == 0x0A { store(x, y); return i + 2 }
            break
        }
        var e = i
        while p[e] != 0x0A { e += 1 }
        try line(p, s, e > s && p[e - 1] == 0x0D ? e - 1 : e, number: number)
        return e + 1
    }

    /// The line `p[s..<e]` (no line end), number `number` of the text, by the general path.
    mutating func line(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, number: Int) throws(CSVData.ParseError) {
        guard let fields = try CSVData.record(UnsafeBufferPointer(start: p + s, count: e - s), line: number, fail: fail) else { return }
        try row(fields, line: number)
    }

    /// A data row by the general path: the same columns as the header or first row, two numbers.
    mutating func row(_ fields: [String], line: Int) throws(CSVData.ParseError) {
        guard fields.count == layout.width else {
            throw fail(line, nil, nil, "the row has \(fields.count) field\(fields.count == 1 ? "" : "s") but \(layout.hasHeader ? "the header" : "the first row") has \(layout.width); every row needs the same columns")
        }
        let x = try CSVData.value(fields[layout.x], line: line, column: layout.x + 1, fail: fail)
        store(x, try CSVData.value(fields[layout.y], line: line, column: layout.y + 1, fail: fail))
    }
}

extension CSVData {
    /// The fields of one line (no line end), or nil for a blank or comment line; errors for a NUL byte,
    /// text that is not UTF-8, and quotes that do not close.
    static func record(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, fail: (Int?, Int?, String?, String) -> ParseError) throws(ParseError) -> [String]? {
        if bytes.contains(0) {
            throw fail(line, nil, nil, "the line holds a NUL byte: this looks like a binary file, not CSV text")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw fail(line, nil, nil, "the line is not valid UTF-8 text; save the file as UTF-8 CSV")
        }
        let trimmed = text.drop(while: { $0 == " " || $0 == "\t" })
        if trimmed.isEmpty || trimmed.first == "#" { return nil }
        return try fields(of: text, line: line, fail: fail)
    }
}
