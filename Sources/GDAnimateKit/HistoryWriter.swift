#if canImport(Glibc)
import Glibc
#endif
import Training

/// A run's history written to its file row by row as training makes the rows (the `history` of
/// ``Plan/init(_:data:scenes:threads:history:)``), so a history of 10⁸ updates takes a buffer's memory rather
/// than the rows': every update of a per-update run is written, also those a long run does not keep for its
/// frames. The file stays under a temporary name until the run publishes its outputs, like every other.
///
/// CSV rows go straight to the file. A JSON history's parameters, which come first, end with where the
/// run diverged, known only at the end: its rows go to a spool file beside it, and ``finish(_:)`` writes the
/// head and copies the spool after it. The bytes are those of ``Plan/historyText(json:mode:)`` for a run
/// that keeps every snapshot.
package final class HistoryWriter {
    package let path: String
    private let json: Bool
    private let mode: String?
    private let form: HistoryForm
    private let names: [String]
    private let file: Files.Stream
    private let spool: Files.Stream?
    private var buffer: [UInt8] = []
    private var rows = 0
    private var failure: FileError?
    /// Bytes gathered before they are written.
    static let bufferBytes = 1 << 20

    /// A history of `visual`'s run at `path`: JSON when it ends in `.json`, else CSV; `mode` is what the JSON
    /// records as the mode.
    package init(path: String, visual: Visual, mode: String?) throws(FileError) {
        self.path = path
        json = path.hasSuffix(".json")
        self.mode = mode
        form = HistoryForm(visual, run: Trainer.config(visual, visual.optimizer, lr: visual.learningRate))
        names = visual.parameterNames
        file = try Files.Stream(path)
        spool = json ? try Files.Stream(path + ".rows") : nil
        if !json { buffer.append(contentsOf: History.csvHeader(names: names, includeStep: form.includeStep, rate: form.rate != nil).utf8) }
    }

    /// The next snapshot of the history.
    package func add(_ s: Snapshot) {
        guard failure == nil else { return }
        let row = json ? History.jsonRow(s, names: names, first: rows == 0, includeStep: form.includeStep, rate: form.rate)
            : History.csvRow(s, includeStep: form.includeStep, rate: form.rate)
        buffer.append(contentsOf: row.utf8)
        rows += 1
        if buffer.count >= Self.bufferBytes { flush() }
    }

    private func flush() {
        do { try (spool ?? file).append(buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The finished file, to publish with the run's other outputs; the first failure to write, if any.
    package func finish(_ plan: Plan) throws(FileError) -> Files.Staged {
        flush()
        if let failure { throw failure }
        guard let spool else { return try file.close() }
        try file.append(Array(History.jsonHead(parameters: plan.historyParameters(mode: mode), optimum: plan.history.model.optimum!, names: names).utf8))
        let rows = try spool.close()
        defer { Files.discard(rows.temp) }
        guard let input = fopen(rows.temp, "rb") else { throw FileError(path, "cannot read back the history's rows", errno: errno) }
        defer { fclose(input) }
        var chunk = [UInt8](repeating: 0, count: Self.bufferBytes)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, input) }
            if n > 0 { try file.append(Array(chunk[0..<n])) }
            if n < chunk.count {
                if ferror(input) != 0 { throw FileError(path, "cannot read back the history's rows", errno: errno) }
                break
            }
        }
        try file.append(Array(History.jsonTail(empty: self.rows == 0).utf8))
        return try file.close()
    }
}
