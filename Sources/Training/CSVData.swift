/// Reads (x, y) points from CSV text.
///
/// Accepted: an optional header row (recognised because none of its fields is a number), `#` comment
/// lines and blank lines (skipped), CRLF or LF line ends, a UTF-8 byte-order mark, and RFC 4180 quoted
/// fields (`"1.5"`, `"a ""b"""`, text over several lines: a line end inside quotes is part of the field,
/// and the record is numbered by its first line). Numbers are decimal: optional sign, digits with an
/// optional point, an optional exponent; `nan`, `inf`, hexadecimal and values that overflow a Double are refused, because a
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
            // Header names quoted in the message may hold line ends (quoted fields): escaped, as the text's are.
            var out = "\(place): \(Self.printable(message, limit: .max))"
            if let text { out += " (found \"\(Self.printable(text))\")" }
            return out
        }

        /// The offending text, shortened and with control characters escaped, so the message stays one line.
        static func printable(_ s: String, limit: Int = 40) -> String {
            var out = ""
            for scalar in s.unicodeScalars.prefix(limit) {
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" }
                else { out.unicodeScalars.append(scalar) }
            }
            if s.unicodeScalars.count > limit { out += "…" }
            return out
        }
    }

    /// Parses `bytes` (the contents of `file`, which names it in messages) into a data set.
    /// `extraXColumns` are features after the first (ŷ = w₁x₁ + … + b), read as `xColumn` is and named by the header.
    /// `xColumn`/`yColumn` nil means: the header's `x` and `y` when it has them, else the first two numeric columns.
    /// (`CSVReader` reads the same text in pieces, as it arrives.)
    public static func parse(_ bytes: [UInt8], file: String, xColumn: Column? = nil, yColumn: Column? = nil, extraXColumns: [Column] = []) throws(ParseError) -> Dataset {
        var reader = CSVReader(file: file, xColumn: xColumn, yColumn: yColumn, extraXColumns: extraXColumns)
        try bytes.withUnsafeBufferPointer { b throws(ParseError) in try reader.read(b) }
        return try reader.finish()
    }

    /// Where the numbers are: the columns of x and y, the number of fields a row has, whether a header
    /// named them. Decided from the header (if any) and the first data row.
    struct Layout {
        var x: Int, y: Int, width: Int
        var hasHeader: Bool
        /// The columns of the features after the first (several `--x-column`s); empty for one feature.
        var extras: [Int] = []
        /// The features' names: the header's, or `x` for one feature and `x1`…`xp` for several without one.
        var names: [String] = ["x"]

        /// A header is a first row none of whose fields is a number (so `1,abc` is a bad data row, not a header).
        init(header headerRecord: (line: Int, fields: [String])?, firstRow: (line: Int, fields: [String]), xColumn: Column?, yColumn: Column?,
             extraXColumns: [Column] = [], fail: (Int?, Int?, String?, String) -> ParseError) throws(ParseError) {
            let header = headerRecord?.fields
            let headerLine = headerRecord?.line ?? firstRow.line
            if let header {
                var seen: [String: Int] = [:]
                for (i, name) in header.enumerated() {
                    let key = name.trimmingSpaces
                    if let j = seen[key], !key.isEmpty {
                        throw fail(headerLine, i + 1, name, "the header names column \(j + 1) and column \(i + 1) alike; give them distinct names")
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
                    // "0" or "-2" is read as a name (a header may hold one); if it is none, it was meant as a number.
                    let numbered = Int(name) != nil ? " (column numbers start at 1)" : ""
                    guard let header else {
                        throw fail(nil, nil, nil, "\(option) '\(name)' names a column, but the file has no header row; give a 1-based column number instead\(numbered)")
                    }
                    guard let i = header.firstIndex(where: { $0.trimmingSpaces == name }) else {
                        let names = header.map { "'\($0.trimmingSpaces)'" }.joined(separator: ", ")
                        throw fail(headerLine, nil, nil, "\(option) '\(name)' is not a column of the header\(numbered); the columns are \(names)")
                    }
                    return i
                }
            }
            let chosenX = try xColumn.map { c throws(ParseError) in try resolve(c, option: "--x-column") }
            let chosenY = try yColumn.map { c throws(ParseError) in try resolve(c, option: "--y-column") }
            // The header's x and y (any case) for a column not given, unless it is the one given for the other.
            func named(_ name: String, unless taken: Int?) -> Int? {
                header?.firstIndex(where: { $0.trimmingSpaces.lowercased() == name }).flatMap { $0 == taken ? nil : $0 }
            }
            if let cx = chosenX ?? named("x", unless: chosenY), let cy = chosenY ?? named("y", unless: chosenX) {
                x = cx
                y = cy
            } else {
                // The first two columns whose first data row holds numbers, skipping one given.
                let numeric = firstRow.fields.indices.filter { number(firstRow.fields[$0]) != nil }
                var free = numeric.filter { $0 != chosenX && $0 != chosenY }.makeIterator()
                guard let cx = chosenX ?? free.next(), let cy = chosenY ?? free.next() else {
                    // A file of another separator reads as one field a row: say which it seems to be.
                    let separators: [(String, String)] = [(";", ";"), ("\t", "tabs"), ("|", "|")]
                    let other = firstRow.fields.count == 1 ? separators.first { firstRow.fields[0].contains($0.0) } : nil
                    var hint = other.map { "; the fields seem to be separated by \($0.1 == "tabs" ? "tabs" : "'\($0.1)'"), but gdanimate reads comma-separated values" } ?? ""
                    if firstRow.fields.contains(where: { $0.contains("\r") }) {
                        hint = "; the lines seem to end in a carriage return alone (classic Mac OS text), but gdanimate reads lines ending in a line feed (LF or CRLF)"
                    }
                    throw fail(firstRow.line, nil, nil, "the first data row has \(numeric.count) numeric column\(numeric.count == 1 ? "" : "s"); two are needed (x and y)" + hint)
                }
                x = cx
                y = cy
            }
            self.width = width
            hasHeader = header != nil
            extras = try extraXColumns.map { c throws(ParseError) in try resolve(c, option: "--x-column") }
            let features = [x] + extras
            // (One feature may be its own target, as it always could: a plot of y against itself.)
            for (k, column) in features.enumerated() where !extras.isEmpty {
                if column == y {
                    throw fail(nil, nil, nil, "--x-column \(([xColumn] + extraXColumns.map(Optional.some))[k]?.description ?? "\(column + 1)") is also the y column; a feature cannot be the target it predicts")
                }
                if let j = features.prefix(k).firstIndex(of: column) {
                    throw fail(nil, nil, nil, "--x-column names column \(column + 1) twice (features \(j + 1) and \(k + 1)); give each feature once")
                }
            }
            if !extras.isEmpty {
                names = features.enumerated().map { k, c in
                    let name = header.flatMap { c < $0.count ? $0[c].trimmingSpaces : nil } ?? ""
                    return name.isEmpty ? "x\(k + 1)" : name
                }
            }
        }
    }

    /// Whether `text` reads as a number with a decimal comma (`1,5`, `-0,25`): digits, one comma, digits.
    static func decimalComma(_ text: String) -> Bool {
        let t = text.trimmingSpaces
        let parts = (t.hasPrefix("-") || t.hasPrefix("+") ? String(t.dropFirst()) : t).split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// The number in the cell `text` of a data row, or the error that says why it is not one.
    static func value(_ text: String, line: Int, column: Int, fail: (Int?, Int?, String?, String) -> ParseError) throws(ParseError) -> Double {
        if let value = number(text) { return value }
        let why: String
        if text.trimmingSpaces.isEmpty { why = "the cell is empty; a number is needed" }
        else if let special = Double(text.trimmingSpaces), !special.isFinite || text.lowercased().contains("nan") || text.lowercased().contains("inf") {
            why = special.isNaN || text.lowercased().contains("nan") ? "NaN is not a value a line can be fitted to"
                : "the value is infinite or too large for a 64-bit float (its limit is about 1.8e308)"
        } else if Self.decimalComma(text) {
            why = "this is not a decimal number: a decimal comma? gdanimate reads decimal points (1.5, not 1,5)"
        } else { why = "this is not a decimal number" }
        throw fail(line, column, text, why)
    }

    /// Splits one record into fields, honouring double quotes; nil when the text ends inside a quoted field
    /// (the record goes on over the next line).
    static func fields(of line: String, line number: Int, fail: (Int?, Int?, String?, String) -> ParseError) throws(ParseError) -> [String]? {
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
        // The record goes on: a line end inside a quoted field is part of it.
        if quoted { return nil }
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
