import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on stderr, for terminals only: frames done of total, rate and time left. It appears
/// only once a run has taken half a second, and redraws at most ten times a second. Scenes rendering
/// on several threads report to the same bar.
final class Progress: Sendable {
    private struct State {
        var done = 0
        var lastDraw = 0.0
        var drawn = false
    }

    let total: Int
    let enabled: Bool
    private let start = Progress.now()
    private let state = Mutex(State())

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    func advance(by n: Int = 1) {
        state.withLock { s in
            s.done += n
            guard enabled else { return }
            let t = Self.now()
            let elapsed = t - start
            guard elapsed >= 0.5, t - s.lastDraw >= 0.1 || s.done == total else { return }
            s.lastDraw = t
            let rate = Double(s.done) / elapsed
            let left = rate > 0 ? Double(total - s.done) / rate : 0
            let width = 28
            let filled = total > 0 ? min(width, s.done * width / total) : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            Terminal.writeStandardError("\r\(bar) \(s.done)/\(total) frames  \(Int(rate.rounded())) frames/s  \(Self.tenths(left)) s left \u{1B}[K")
            s.drawn = true
        }
    }

    func finish() {
        state.withLock { s in
            if s.drawn { Terminal.writeStandardError("\r\u{1B}[K") }
            s.drawn = false
        }
    }

    private static func tenths(_ v: Double) -> String {
        let t = Int((v * 10).rounded())
        return "\(t / 10).\(t % 10)"
    }
}
