/// Reads (x, y) points from CSV text.
///
/// Accepted: an optional header row (recognised because none of its fields is a number), `#` comment
/// lines and blank lines (skipped), CRLF or LF line ends, a UTF-8 byte-order mark, and RFC 4180 quoted
/// fields (`"1.5"`, `"a ""b"""`). Numbers are decimal: optional sign, digits with an optional point, an
/// optional exponent; `nan`, `inf`, hexadecimal and values that overflow a Double are refused, because a
/// teaching chart of them would be wrong. Written by hand because no available package parses CSV
/// with line-and-column error reporting, and the grammar above is small.
public enum CSVData {
    /// Which column to read: a header name or a 1-based position.
    public enum Column: Sendable, Equatable, CustomStringConvertible {
        case name(String)
        case index(Int)

        /// `"3"` is a position, anything else a name.
        public init(_ text: String) {
            if let i = Int(text), i >= 1 { self = .index(i) } else { self = .name(text) }
        }

        /// The column as written on a command line: the name, or the number.
        public var text: String {
            switch self {
            case .name(let n): return n
            case .index(let i): return "\(i)"
            }
        }

        /// The column as messages quote it: a name in single quotes, a position as its number.
        public var description: String {
            switch self {
            case .name(let n): return "'\(n)'"
            case .index(let i): return "\(i)"
            }
        }
    }

    /// A problem with the file, placed at a line and (when known) a column.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// The file's name, as the message gives it.
        public var file: String
        /// The 1-based line number (comment and blank lines counted); nil when the problem is not on one line.
        public var line: Int?
        /// The 1-based column (field) number, when the problem is in one field.
        public var column: Int?
        /// The offending text of the field, when there is one.
        public var text: String?
        /// What is wrong and, where it helps, what to do about it.
        public var message: String

        /// The error as one line: `file:line, column c: message (found "text")`, the parts that are known.
        public var description: String {
            var place = file
            if let line { place += ":\(line)" }
            if let column { place += ", column \(column)" }
            var out = "\(place): \(message)"
            if let text { out += " (found \"\(Self.printable(text))\")" }
            return out
        }

        /// The offending text, shortened and with control characters escaped, so the message stays one line.
        static func printable(_ s: String) -> String {
            var out = ""
            for scalar in s.unicodeScalars.prefix(40) {
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" }
                else { out.unicodeScalars.append(scalar) }
            }
            if s.unicodeScalars.count > 40 { out += "…" }
            return out
        }
    }

    /// Parses `bytes` (the contents of `file`, which names it in messages) into a data set.
    /// `xColumn`/`yColumn` nil means: the header's `x` and `y` when it has them, else the first two numeric columns.
    public static func parse(_ bytes: [UInt8], file: String, xColumn: Column? = nil, yColumn: Column? = nil) throws(ParseError) -> Dataset {
        func fail(_ line: Int?, _ column: Int?, _ text: String?, _ message: String) -> ParseError {
            ParseError(file: file, line: line, column: column, text: text, message: message)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.isEmpty { throw fail(nil, nil, nil, "the file is empty; it needs a column of x and a column of y values") }

        // Split into numbered, non-comment, non-blank records.
        var records: [(line: Int, fields: [String])] = []
        var lineNumber = 0
        var start = body.startIndex
        while start < body.endIndex {
            lineNumber += 1
            let end = body[start...].firstIndex(of: 0x0A) ?? body.endIndex
            var lineBytes = body[start..<end]
            start = end < body.endIndex ? body.index(after: end) : end
            if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
            if lineBytes.contains(0) {
                throw fail(lineNumber, nil, nil, "the line holds a NUL byte: this looks like a binary file, not CSV text")
            }
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                throw fail(lineNumber, nil, nil, "the line is not valid UTF-8 text; save the file as UTF-8 CSV")
            }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            records.append((lineNumber, try fields(of: line, line: lineNumber, fail: fail)))
        }
        guard let first = records.first else {
            throw fail(nil, nil, nil, "the file has no data rows, only comments or blank lines")
        }

        // A header is a first row none of whose fields is a number (so `1,abc` is a bad data row, not a header).
        let header: [String]? = first.fields.allSatisfy({ number($0) == nil }) ? first.fields : nil
        let rows = header == nil ? records[...] : records.dropFirst()
        guard let firstRow = rows.first else {
            throw fail(first.line, nil, nil, "the file has a header but no data rows")
        }
        if let header {
            var seen: [String: Int] = [:]
            for (i, name) in header.enumerated() {
                let key = name.trimmingSpaces
                if let j = seen[key], !key.isEmpty {
                    throw fail(first.line, i + 1, name, "the header names column \(j + 1) and column \(i + 1) alike; give them distinct names")
                }
                seen[key] = i
            }
        }
        let width = header?.count ?? firstRow.fields.count

        func resolve(_ column: Column, option: String) throws(ParseError) -> Int {
            switch column {
            case .index(let i):
                guard i <= width else {
                    throw fail(nil, nil, nil, "\(option) \(i) asks for column \(i), but the rows have \(width) column\(width == 1 ? "" : "s")")
                }
                return i - 1
            case .name(let name):
                guard let header else {
                    throw fail(nil, nil, nil, "\(option) '\(name)' names a column, but the file has no header row; give a 1-based column number instead")
                }
                guard let i = header.firstIndex(where: { $0.trimmingSpaces == name }) else {
                    let names = header.map { "'\($0.trimmingSpaces)'" }.joined(separator: ", ")
                    throw fail(first.line, nil, nil, "\(option) '\(name)' is not a column of the header; the columns are \(names)")
                }
                return i
            }
        }

        let xi: Int, yi: Int
        if let xColumn, let yColumn {
            xi = try resolve(xColumn, option: "--x-column")
            yi = try resolve(yColumn, option: "--y-column")
        } else if let header, xColumn == nil, yColumn == nil,
                  let hx = header.firstIndex(where: { $0.trimmingSpaces.lowercased() == "x" }),
                  let hy = header.firstIndex(where: { $0.trimmingSpaces.lowercased() == "y" }) {
            xi = hx
            yi = hy
        } else {
            // The first two columns whose first data row holds numbers, skipping a named one.
            let chosenX = try xColumn.map { c throws(ParseError) in try resolve(c, option: "--x-column") }
            let chosenY = try yColumn.map { c throws(ParseError) in try resolve(c, option: "--y-column") }
            let numeric = firstRow.fields.indices.filter { number(firstRow.fields[$0]) != nil }
            var free = numeric.filter { $0 != chosenX && $0 != chosenY }.makeIterator()
            guard let x = chosenX ?? free.next(), let y = chosenY ?? free.next() else {
                throw fail(firstRow.line, nil, nil, "the first data row has \(numeric.count) numeric column\(numeric.count == 1 ? "" : "s"); two are needed (x and y)")
            }
            xi = x
            yi = y
        }

        var xs: [Double] = []
        var ys: [Double] = []
        xs.reserveCapacity(rows.count)
        ys.reserveCapacity(rows.count)
        for row in rows {
            guard row.fields.count == width else {
                throw fail(row.line, nil, nil, "the row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") but \(header == nil ? "the first row" : "the header") has \(width); every row needs the same columns")
            }
            for (index, target) in [(xi, 0), (yi, 1)] {
                let text = row.fields[index]
                guard let value = number(text) else {
                    let why: String
                    if text.trimmingSpaces.isEmpty { why = "the cell is empty; a number is needed" }
                    else if let special = Double(text.trimmingSpaces), !special.isFinite || text.lowercased().contains("nan") || text.lowercased().contains("inf") {
                        why = special.isNaN || text.lowercased().contains("nan") ? "NaN is not a value a line can be fitted to"
                            : "the value is infinite or too large for a 64-bit float (its limit is about 1.8e308)"
                    } else { why = "this is not a decimal number" }
                    throw fail(row.line, index + 1, text, why)
                }
                if target == 0 { xs.append(value) } else { ys.append(value) }
            }
        }
        return Dataset(xs: xs, ys: ys, source: file)
    }

    /// Splits one line into fields, honouring double quotes.
    static func fields(of line: String, line number: Int, fail: (Int?, Int?, String?, String) -> ParseError) throws(ParseError) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var iterator = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else { quoted = false; afterQuote = true }
                } else { field.unicodeScalars.append(c) }
            } else if c == "," {
                fields.append(field)
                field = ""
                afterQuote = false
            } else if c == "\"" && field.trimmingSpaces.isEmpty && !afterQuote {
                quoted = true
                field = ""
            } else if afterQuote && c != " " && c != "\t" {
                throw fail(number, fields.count + 1, field, "text follows a closing quote inside the field")
            } else if !afterQuote {
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw fail(number, fields.count + 1, field, "a quoted field is not closed on this line") }
        fields.append(field)
        return fields
    }

    /// A finite decimal number, or nil: `[+-]? digits [. digits] [e|E [+-]? digits]`, surrounding spaces allowed.
    public static func number(_ text: String) -> Double? {
        let s = text.trimmingSpaces
        var digitsSeen = false
        var state = 0  // 0 sign, 1 int, 2 frac, 3 exp sign, 4 exp digits
        var expDigits = false
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if state == 0 { state = 1 } else if state == 3 { state = 4 } else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if state == 0 { state = 1 }
                if state == 3 { state = 4 }
                if state == 4 { expDigits = true } else { digitsSeen = true }
            case UInt8(ascii: "."):
                if state <= 1 { state = 2 } else { return nil }
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if (state == 1 || state == 2) && digitsSeen { state = 3 } else { return nil }
            default:
                return nil
            }
        }
        guard digitsSeen, state < 3 || expDigits, let value = Double(s), value.isFinite else { return nil }
        return value
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
