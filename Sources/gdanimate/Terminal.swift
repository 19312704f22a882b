import GDAnimateKit
import Rasterizer
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
            // Six significant digits; where the frames' readouts show more of m or b (b ≈ 10⁶ from data that
            // spreads over ±3), two decimals more than they do: 1000000.06528 beside b* = 1000000.07081,
            // not 1e6 beside 1e6.
            let p = r.readoutPrecision
            func n(_ v: Double, _ p: ReadoutPrecision? = nil) -> String {
                guard let p, p.digits > 4 else { return NumberFormat.plain(v) }
                return String(ReadoutPrecision(digits: p.digits + 2, size: p.size).text(v, keepZeros: false).map { $0 == "−" ? "-" : $0 })
            }
            guard f.theta.count == 2 else {
                // Several features: every weight, as the history names them.
                let names = r.model.parameterNames, best = r.model.optimum?.theta ?? []
                let fit = zip(names, f.theta).map { "\($0) = \(n($1))" }.joined(separator: "  ")
                let optimum = zip(names, best).map { "\($0)* = \(n($1))" }.joined(separator: "  ")
                print("\(label) after epoch \(f.epoch): \(fit)  \(r.model.lossName) = \(n(f.loss))   \(Self.optimumWords(r)): \(optimum)  J* = \(n(r.leastSquares.loss))")
                return
            }
            print("\(label) after epoch \(f.epoch): m = \(n(f.m, p.m))  b = \(n(f.b, p.b))  \(r.model.lossName) = \(n(f.loss))   \(Self.optimumWords(r)): m* = \(n(ls.m, p.m))  b* = \(n(ls.b, p.b))  J* = \(n(ls.loss))")
        }
        if let main = plan.main { line("fit", main) }
        if let bOnly = plan.bOnly { line("b-only fit (m fixed)", bOnly) }
    }

    /// Each scene's description (`--describe`), a paragraph each, set off by a blank line from whatever
    /// came before on stdout (the report, or an earlier visual's paragraphs).
    /// What the summary calls the optimum: `least squares`, `lasso`, … (the model's name of it, less `minimum`).
    static func optimumWords(_ r: TrainingResult) -> String {
        let name = r.model.optimumName
        return name == "least-squares minimum" ? "least squares" : String(name.dropLast(" minimum".count))
    }

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
