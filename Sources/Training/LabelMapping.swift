/// How a CSV column's labels became the classes 0 and 1 of logistic regression: `no → 0, yes → 1`,
/// `false → 0, true → 1` (either word in any case), or for exactly two distinct numbers the smaller → 0 and
/// the larger → 1.
public struct LabelMapping: Sendable, Equatable, CustomStringConvertible {
    /// The label read as class 0, as the file first wrote it (`no`, `False`, `-1`).
    public var zero: String
    /// The label read as class 1, as the file first wrote it.
    public var one: String

    /// The mapping of `zero` to 0 and `one` to 1.
    public init(zero: String, one: String) {
        self.zero = zero
        self.one = one
    }

    /// `no → 0, yes → 1`: what a run says it read.
    public var description: String { "\(zero) → 0, \(one) → 1" }
}

/// One distinct label value of a column: a word of a yes/no or true/false pair, or a number.
enum LabelKey: Hashable, Sendable {
    /// `yes`/`no` (`pair` 0) or `true`/`false` (`pair` 1), any case; `positive` for yes and true.
    case word(pair: Int, positive: Bool)
    case number(Double)

    /// The key of a label's text (surrounding spaces allowed), or nil when it is not a label.
    static func of(_ text: String) -> LabelKey? {
        if let v = CSVData.number(text) { return .number(v == 0 ? 0 : v) }
        switch text.trimmingSpaces.lowercased() {
        case "no": return .word(pair: 0, positive: false)
        case "yes": return .word(pair: 0, positive: true)
        case "false": return .word(pair: 1, positive: false)
        case "true": return .word(pair: 1, positive: true)
        default: return nil
        }
    }

    /// The key of the bytes `p[s..<e]` when they are exactly one of the four words (any case), else nil.
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> LabelKey? {
        func lower(_ i: Int) -> UInt8 { p[i] | 0x20 }
        func matches(_ w: StaticString) -> Bool {
            guard e - s == w.utf8CodeUnitCount else { return false }
            for k in 0..<(e - s) where lower(s + k) != w.utf8Start[k] { return false }
            return true
        }
        switch e - s {
        case 2: return matches("no") ? .word(pair: 0, positive: false) : nil
        case 3: return matches("yes") ? .word(pair: 0, positive: true) : nil
        case 4: return matches("true") ? .word(pair: 1, positive: true) : nil
        case 5: return matches("false") ? .word(pair: 1, positive: false) : nil
        default: return nil
        }
    }

    /// The value a point's label is kept as while the file is read: 0 or 1 for a word (its class is known
    /// at once), the number itself for a number (its class is known once both numbers are).
    var stored: Double {
        switch self {
        case .word(_, let positive): return positive ? 1 : 0
        case .number(let v): return v
        }
    }

    /// Whether two distinct keys can be the two classes of one column.
    func pairs(with other: LabelKey) -> Bool {
        switch (self, other) {
        case (.word(let a, let pa), .word(let b, let pb)): return a == b && pa != pb
        case (.number, .number): return true
        default: return false
        }
    }
}

/// The distinct labels of some rows in the order they first appear, each with the line and text of its
/// first row: at most three are kept (a third is already an error). Pieces of a file are scanned apart and
/// their scans joined in the order of the text, so the first row of every value is known exactly.
struct LabelScan: Sendable {
    /// The distinct labels so far, first appearances first.
    private(set) var seen: [(key: LabelKey, line: Int, text: String)] = []

    /// Notes `key` at `line` (with its `text` when it is new): cheap when it is one of the first two.
    @inline(__always)
    mutating func note(_ key: LabelKey, line: Int, text: @autoclosure () -> String) {
        if seen.count > 0 && seen[0].key == key { return }
        if seen.count > 1 && seen[1].key == key { return }
        if seen.count > 2 { return }
        seen.append((key, line, text()))
    }
}
