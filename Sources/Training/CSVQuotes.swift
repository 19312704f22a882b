/// Where a CSV record ends when its quoted fields hold line ends (RFC 4180: `1,2,"two\nlines"` is one
/// record over two lines). The states follow `CSVData.fields(of:line:fail:)`: a field is quoted when a quote
/// opens it (after blanks), a doubled quote inside stays a quote, and a line end inside a quoted field is
/// part of the field. Bytes go through one at a time, so finding the end of a long record costs one pass.
struct QuoteScanner {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterQuote }
    private var state = State.fieldStart

    /// Inside a quoted field: a line end here does not end the record.
    var isOpen: Bool { state == .quoted }

    /// A scanner at the start of a record that is not a comment line.
    init() {}

    /// A scanner at the start of the record at `p[s]` (text before `limit`): a comment line (its first
    /// non-blank byte `#`) never opens a quote.
    init(recordAt p: UnsafePointer<UInt8>, _ s: Int, limit: Int) {
        var i = s
        while i < limit && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
        if i < limit && p[i] == UInt8(ascii: "#") { state = .unquoted }
    }

    @inline(__always)
    mutating func feed(_ c: UInt8) {
        switch state {
        case .fieldStart:
            if c == 0x22 { state = .quoted } else if c != 0x20 && c != 0x09 && c != UInt8(ascii: ",") { state = .unquoted }
        case .unquoted, .afterQuote:
            if c == UInt8(ascii: ",") { state = .fieldStart }
        case .quoted:
            if c == 0x22 { state = .quoteInQuoted }
        case .quoteInQuoted:
            // A doubled quote is a quote; anything else closed the field before it.
            if c == 0x22 { state = .quoted } else { state = c == UInt8(ascii: ",") ? .fieldStart : .afterQuote }
        }
    }

    /// Feeds `p[s..<e]`.
    mutating func feed(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        for i in s..<e { feed(p[i]) }
    }

    /// The index of the line feed that ends the record starting at `p[s]`, or nil when `limit` comes first
    /// (the record goes on past the text at hand). A blank or comment line is a record of its own line.
    static func recordEnd(_ p: UnsafePointer<UInt8>, _ s: Int, limit: Int) -> Int? {
        var scanner = QuoteScanner(recordAt: p, s, limit: limit)
        var i = s
        while i < limit {
            let c = p[i]
            if c == 0x0A && !scanner.isOpen { return i }
            scanner.feed(c)
            i += 1
        }
        return nil
    }
}
