@testable import Training

/// The CSV reader as it was before it read in pieces (whole text first, a String per field), kept here as
/// the reference the streaming reader is checked against: the same points, and an error wherever it erred.
enum CSVReference {
    typealias Column = CSVData.Column
    typealias ParseError = CSVData.ParseError

    static func parse(_ bytes: [UInt8], file: String, xColumn: Column? = nil, yColumn: Column? = nil) throws(ParseError) -> Dataset {
        func fail(_ line: Int?, _ column: Int?, _ text: String?, _ message: String) -> ParseError {
            ParseError(file: file, line: line, column: column, text: text, message: message)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.isEmpty { throw fail(nil, nil, nil, "the file is empty; it needs a column of x and a column of y values") }

        // Split into numbered, non-comment, non-blank records; a record goes on over the next line while a
        // quoted field is open at the end of its text (RFC 4180), and is numbered by its first line.
        var records: [(line: Int, fields: [String])] = []
        var lineNumber = 0
        var start = body.startIndex
        func nextLine() -> ArraySlice<UInt8> {
            lineNumber += 1
            let end = body[start...].firstIndex(of: 0x0A) ?? body.endIndex
            let raw = body[start..<end]
            start = end < body.endIndex ? body.index(after: end) : end
            return raw
        }
        lines: while start < body.endIndex {
            var raw = Array(nextLine())
            let recordLine = lineNumber
            while true {
                let lineBytes = raw.last == 0x0D ? raw.dropLast() : raw[...]
                if lineBytes.contains(0) {
                    throw fail(recordLine, nil, nil, "the line holds a NUL byte: this looks like a binary file, not CSV text")
                }
                guard let line = String(validating: lineBytes, as: UTF8.self) else {
                    throw fail(recordLine, nil, nil, "the line is not valid UTF-8 text; save the file as UTF-8 CSV")
                }
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                if trimmed.isEmpty || trimmed.first == "#" { continue lines }
                if let fields = try CSVData.fields(of: line, line: recordLine, fail: fail) {
                    records.append((recordLine, fields))
                    continue lines
                }
                guard start < body.endIndex else { throw fail(recordLine, nil, nil, CSVData.unclosedQuote) }
                raw += [0x0A] + nextLine()
            }
        }
        guard let first = records.first else {
            throw fail(nil, nil, nil, "the file has no data rows, only comments or blank lines")
        }

        // A header is a first row none of whose fields is a number (so `1,abc` is a bad data row, not a header).
        let header: [String]? = first.fields.allSatisfy({ CSVData.number($0) == nil }) ? first.fields : nil
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
            let numeric = firstRow.fields.indices.filter { CSVData.number(firstRow.fields[$0]) != nil }
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
                guard let value = CSVData.number(text) else {
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

}
