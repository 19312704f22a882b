/// The data rows of points with several features (several `--x-column`s): each line's p + 1 numbers by the
/// same fast path as one feature's two (fields found and numbers parsed in place), the general path for the rest.
extension CSVRows {
    /// Each field's role in a row: the feature it holds (0…p−1), p for y, −1 for a field no column uses.
    static func roles(_ layout: CSVData.Layout) -> [Int] {
        var roles = [Int](repeating: -1, count: layout.width)
        for (j, c) in ([layout.x] + layout.extras).enumerated() { roles[c] = j }
        roles[layout.y] = layout.extras.count + 1
        return roles
    }

    /// Stores one point: its features' values, then y.
    mutating func store(_ values: [Double]) {
        let p = values.count - 1
        switch keeping {
        case .statistics:
            if featureSummary == nil { featureSummary = FeatureSummary(features: p) }
            featureSummary!.add(row: values)
        case .arrays, .blocks:
            if columns.isEmpty { columns = Array(repeating: [], count: p + 1) }
            for j in 0...p { columns[j].append(values[j]) }
        }
    }

    /// The record at `p[s]` of a file with several features, as ``next(_:_:limit:final:)`` reads one feature's.
    mutating func nextFeatures(_ p: UnsafePointer<UInt8>, _ s: Int, limit: Int, final: Bool) throws(CSVData.ParseError) -> Int? {
        if roles.isEmpty { roles = Self.roles(layout) }
        if values.isEmpty { values = [Double](repeating: 0, count: layout.extras.count + 2) }
        var i = s, field = 0
        while field < roles.count {
            let role = roles[field]
            if role >= 0 {
                guard let (v, stop) = DecimalParser.scan(p, i, Int.max) else { break }
                values[role] = v
                i = stop
            } else {
                while true {
                    let c = p[i]
                    if c == UInt8(ascii: ",") || c == 0x0A || c == 0x0D || c == 0x22 || c == 0 || c >= 0x80 { break }
                    i += 1
                }
            }
            let c = p[i]
            if c == UInt8(ascii: ",") { field += 1; i += 1; continue }
            guard field + 1 == layout.width else { break }
            if c == 0x0A { store(values); lines += 1; return i + 1 }
            if c == 0x0D && p[i + 1] == 0x0A { store(values); lines += 1; return i + 2 }
            break
        }
        return try general(p, s, limit: limit, final: final)
    }
}
