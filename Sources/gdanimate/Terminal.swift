import GDAnimateKit
#if canImport(Glibc)
import Glibc
#endif

/// What the command prints.
enum Terminal {
    /// One line per file written, then the fit beside the least-squares optimum.
    static func report(history: String?, written: [WrittenFile], plan: Plan) {
        if let history { print("\(history)  history") }
        for w in written { print("\(w.path)  \(w.frames) frame\(w.frames == 1 ? "" : "s")  \(w.bytes) bytes") }
        func line(_ label: String, _ r: TrainingResult) {
            let f = r.final, ls = r.leastSquares
            let n = NumberFormat.plain
            print("\(label) after epoch \(f.epoch): m = \(n(f.m))  b = \(n(f.b))  MSE = \(n(f.loss))   least squares: m* = \(n(ls.m))  b* = \(n(ls.b))  J* = \(n(ls.loss))")
        }
        if let main = plan.main { line("fit", main) }
        if let bOnly = plan.bOnly { line("b-only fit (m fixed)", bOnly) }
    }

    /// Each scene's description (`--describe`), a paragraph each, set off by a blank line from whatever
    /// came before on stdout (the report, or an earlier visual's paragraphs).
    static func describe(_ paragraphs: [String], afterReport: Bool) {
        for p in paragraphs {
            if afterReport || paragraphsPrinted { print() }
            print(p)
            paragraphsPrinted = true
        }
    }

    /// Whether a description has been printed (a manifest run prints one per visual).
    nonisolated(unsafe) private static var paragraphsPrinted = false

    static func printError(_ message: String) { writeStandardError(message + "\n") }

    /// Writes straight to file descriptor 2 (the C `stderr` global is not concurrency-safe in Swift 6).
    static func writeStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }
}
