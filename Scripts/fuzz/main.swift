// libFuzzer entry point for the CSV reader (built by Scripts/fuzz-csv with -sanitize=fuzzer,address).
// Any crash, hang or sanitizer report is a bug; a thrown ParseError is the expected outcome for bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let column: CSVData.Column? = size % 3 == 0 ? .index(1 + size % 4) : (size % 3 == 1 ? .name("y") : nil)
    do {
        let d = try CSVData.parse(bytes, file: "fuzz.csv", xColumn: column, yColumn: nil)
        precondition(d.xs.count == d.ys.count && d.xs.allSatisfy(\.isFinite) && d.ys.allSatisfy(\.isFinite))
        _ = try? LossSurface(d)
    } catch {
        precondition(!error.description.isEmpty)
    }
    return 0
}
