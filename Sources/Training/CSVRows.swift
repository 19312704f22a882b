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
    /// number `number` of the text; returns where the next line starts. Plain lines are found, split and
    /// parsed in one pass; the rest go to ``line(_:_:_:number:)`` without their line end.
    mutating func next(_ p: UnsafePointer<UInt8>, _ s: Int, number: Int) throws(CSVData.ParseError) -> Int {
        var i = s
        var field = 0, fieldStart = s
        var xRange = (0, 0), yRange = (0, 0)
        var plain = true
        // A blank or comment line is the general path's (it checks the rest of the text).
        var j = s
        while p[j] == 0x20 || p[j] == 0x09 { j += 1 }
        if p[j] == 0x0A || p[j] == 0x0D || p[j] == UInt8(ascii: "#") { plain = false }
        var end = s
        while true {
            let c = p[i]
            // Digits, the point, 'e' and '-' are above the comma (0x2C) and below 0x80: one test for most bytes.
            if c > 0x2C && c < 0x80 { i += 1; continue }
            if c == 0x0A { end = i; break }
            if c == 0x0D && p[i + 1] == 0x0A { end = i; i += 1; break }
            if c == UInt8(ascii: ",") {
                if field == layout.x { xRange = (fieldStart, i) }
                if field == layout.y { yRange = (fieldStart, i) }
                field += 1
                fieldStart = i + 1
            } else if c == 0x22 || c == 0 || c >= 0x80 || c == 0x0D {
                plain = false
            }
            i += 1
        }
        // i is at the line feed.
        if plain {
            if field == layout.x { xRange = (fieldStart, end) }
            if field == layout.y { yRange = (fieldStart, end) }
            if field + 1 == layout.width, let x = DecimalParser.parse(p, xRange.0, xRange.1), let y = DecimalParser.parse(p, yRange.0, yRange.1) {
                store(x, y)
                return i + 1
            }
        }
        try line(p, s, end, number: number)
        return i + 1
    }

    /// The line `p[s..<e]` (no line end), number `number` of the text.
    mutating func line(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, number: Int) throws(CSVData.ParseError) {
        if fastRow(p, s, e) { return }
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

    /// A plain ASCII data row without quotes, read in place; false leaves the line to the general path.
    private mutating func fastRow(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
        // Blank or a comment: the general path checks the rest of its text.
        if i == e || p[i] == UInt8(ascii: "#") { return false }
        var field = 0, fieldStart = s
        var xRange = (0, 0), yRange = (0, 0)
        i = s
        while true {
            // Plain printable text only (no quote, no NUL, no byte of a multi-byte character).
            while i < e {
                let c = p[i]
                // Digits, the point, 'e' and '-' are above the comma (0x2C) and below 0x80: one test for most bytes.
                if c > 0x2C && c < 0x80 { i += 1; continue }
                if c == UInt8(ascii: ",") || c == 0x22 || c == 0 || c >= 0x80 { break }
                i += 1
            }
            if i < e && p[i] != UInt8(ascii: ",") { return false }
            if field == layout.x { xRange = (fieldStart, i) }
            if field == layout.y { yRange = (fieldStart, i) }
            field += 1
            if i == e { break }
            i += 1
            fieldStart = i
        }
        guard field == layout.width, let x = DecimalParser.parse(p, xRange.0, xRange.1), let y = DecimalParser.parse(p, yRange.0, yRange.1) else {
            return false
        }
        store(x, y)
        return true
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
