/// The data rows of a labelled file (logistic regression): the features' numbers as ``CSVRows`` reads
/// them, and in the y column a label (`yes`/`no`, `true`/`false` in any case, or a number), each kept as
/// ``LabelKey/stored``, the rows in ``ColumnBlocks`` (8 bytes a feature and 8 for the label), and the
/// distinct labels with their first lines in a ``LabelScan``.
struct LabelledRows {
    /// The piece's rows: the features, then the label (made at the first row, so no template shares it).
    var blocks: ColumnBlocks?
    /// The piece's distinct labels, lines counted within the piece (or absolute for the first records).
    var scan = LabelScan()
    /// Each field's role (feature j, p for the label, −1 unused), and one row's values.
    var roles: [Int] = []
    var values: [Double] = []
    /// The error that stopped the piece (lines within it), after the labels it read before.
    var failure: CSVData.ParseError?
}

extension CSVRows {
    /// Stores one labelled row from `labelled.values`.
    @inline(__always)
    private mutating func storeLabelled() {
        if labelled!.blocks == nil { labelled!.blocks = ColumnBlocks(width: layout.extras.count + 2) }
        labelled!.values.withUnsafeBufferPointer { labelled!.blocks!.append($0) }
    }

    /// The record at `p[s]` of a labelled file, as ``next(_:_:limit:final:)`` reads a plain one: a plain
    /// ASCII line's numbers and label found in place; anything else (quotes, spaces around a word, a bad
    /// value) by the general path, which gives the same values or the message.
    mutating func nextLabelled(_ p: UnsafePointer<UInt8>, _ s: Int, limit: Int, final: Bool) throws(CSVData.ParseError) -> Int? {
        if labelled!.roles.isEmpty {
            labelled!.roles = Self.roles(layout)
            labelled!.values = [Double](repeating: 0, count: layout.extras.count + 2)
        }
        let labelRole = layout.extras.count + 1
        var i = s, field = 0
        var key = LabelKey.number(0), labelStart = 0, labelEnd = 0
        while field < layout.width {
            let role = labelled!.roles[field]
            if role >= 0 && role != labelRole {
                guard let (v, stop) = DecimalParser.scan(p, i, Int.max) else { break }
                labelled!.values[role] = v
                i = stop
            } else {
                let start = i
                while true {
                    let c = p[i]
                    if c == UInt8(ascii: ",") || c == 0x0A || c == 0x0D || c == 0x22 || c == 0 || c >= 0x80 { break }
                    i += 1
                }
                if role == labelRole {
                    if let v = DecimalParser.parse(p, start, i) {
                        key = .number(v == 0 ? 0 : v)
                    } else if let word = LabelKey.word(p, start, i) {
                        key = word
                    } else {
                        break
                    }
                    (labelStart, labelEnd) = (start, i)
                }
            }
            let c = p[i]
            if c == UInt8(ascii: ",") { field += 1; i += 1; continue }
            guard field + 1 == layout.width else { break }
            let next: Int
            if c == 0x0A { next = i + 1 } else if c == 0x0D && p[i + 1] == 0x0A { next = i + 2 } else { break }
            labelled!.values[labelRole] = key.stored
            labelled!.scan.note(key, line: lines + 1, text: String(decoding: UnsafeBufferPointer(start: p + labelStart, count: labelEnd - labelStart), as: UTF8.self).trimmingSpaces)
            storeLabelled()
            lines += 1
            return next
        }
        return try general(p, s, limit: limit, final: final)
    }

    /// A labelled data row by the general path (``row(_:line:)``): the features' numbers and the label,
    /// or the error that names the line, the column and the value.
    mutating func labelledRow(_ fields: [String], line: Int) throws(CSVData.ParseError) {
        if labelled!.values.isEmpty { labelled!.values = [Double](repeating: 0, count: layout.extras.count + 2) }
        for (j, c) in ([layout.x] + layout.extras).enumerated() {
            labelled!.values[j] = try CSVData.value(fields[c], line: line, column: c + 1, fail: fail)
        }
        let text = fields[layout.y]
        guard let key = LabelKey.of(text) else {
            let why = text.trimmingSpaces.isEmpty ? "the label is empty" : "this is not a label"
            throw fail(line, layout.y + 1, text, why + "; a label is yes or no, true or false (any case), or one of two numbers")
        }
        labelled!.values[layout.extras.count + 1] = key.stored
        labelled!.scan.note(key, line: line, text: text.trimmingSpaces)
        storeLabelled()
    }
}
