// libFuzzer entry point for the CSV reader (built by Scripts/fuzz-csv with -sanitize=fuzzer,address).
// Any crash, hang or sanitizer report is a bug; a thrown ParseError is the expected outcome for bad input.
// The text is also read in pieces of a few bytes on two threads, keeping only the statistics: the outcome
// (the number of points, or the message) must not change.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let column: CSVData.Column? = size % 3 == 0 ? .index(1 + size % 4) : (size % 3 == 1 ? .name("y") : nil)
    let whole = Result { () throws(CSVData.ParseError) in try CSVData.parse(bytes, file: "fuzz.csv", xColumn: column, yColumn: nil) }
    let pieces = Result { () throws(CSVData.ParseError) -> Dataset in
        var reader = CSVReader(file: "fuzz.csv", xColumn: column, keepsPoints: false, threads: 2)
        var i = 0
        while i < bytes.count {
            let n = min(bytes.count - i, 1 + (i + size) % 7)
            try bytes[i..<(i + n)].withUnsafeBufferPointer { b throws(CSVData.ParseError) in try reader.read(b) }
            i += n
        }
        return try reader.finish()
    }
    switch (whole, pieces) {
    case (.success(let d), .success(let s)):
        precondition(d.xs.count == d.ys.count && d.xs.allSatisfy(\.isFinite) && d.ys.allSatisfy(\.isFinite))
        precondition(s.count == d.count, "pieces: \(s.count) points, whole: \(d.count)")
        _ = try? LossSurface(d)
        _ = try? LossSurface(s)
    case (.failure(let a), .failure(let b)):
        precondition(!a.description.isEmpty && a == b, "\(a) vs \(b)")
    default:
        preconditionFailure("whole and pieces disagree: \(whole) vs \(pieces)")
    }
    return 0
}
