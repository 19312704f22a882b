#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on stderr, for terminals only: frames done of total, rate and time left. It appears
/// only once a run has taken half a second, and redraws at most ten times a second.
struct Progress {
    let total: Int
    let enabled: Bool
    private var done = 0
    private let start = Progress.now()
    private var lastDraw = 0.0
    private var drawn = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    mutating func advance(by n: Int = 1) {
        done += n
        guard enabled else { return }
        let t = Self.now()
        let elapsed = t - start
        guard elapsed >= 0.5, t - lastDraw >= 0.1 || done == total else { return }
        lastDraw = t
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 28
        let filled = total > 0 ? done * width / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        writeStandardError("\r\(bar) \(done)/\(total) frames  \(Int(rate.rounded())) frames/s  \(format1(left)) s left \u{1B}[K")
        drawn = true
    }

    mutating func finish() {
        if drawn { writeStandardError("\r\u{1B}[K") }
        drawn = false
    }

    private func format1(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
