import Foundation
import Testing
@testable import Training

/// The Swift half of Scripts/bench's issue 26 line: batch logistic regression on 10⁶ points × 2 features
/// (LogisticData's gen(10⁶, 2, 21)) for 100 epochs at rate 0.5, timed on every core and on one. It runs
/// only when GDANIMATE_BENCH_LOGISTIC names a file, into which it writes the seconds and the final θ for
/// bench.py to set beside NumPy's.
struct LogisticBenchTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GDANIMATE_BENCH_LOGISTIC"] != nil))
    func batchEpochsOnAMillionPoints() throws {
        let out = ProcessInfo.processInfo.environment["GDANIMATE_BENCH_LOGISTIC"]!
        let data = LogisticData.generated(n: 1_000_000, p: 2, seed: 21)
        var config = TrainingConfig()
        config.learningRate = 0.5
        config.epochs = 100
        config.initialM = 0
        config.initialB = 0
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var lines: [String] = []
        var finals: [[Double]] = []
        for threads in [cores, 1] {
            var best = Double.infinity
            var last: [Double] = []
            for _ in 0..<3 {
                let model = try LogisticRegression(data, threads: threads)
                let start = ContinuousClock.now
                let run = try GradientDescent.run(model: model, config)
                let d = ContinuousClock.now - start
                best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
                #expect(run.snapshots.count == 101)
                last = run.snapshots.last!.theta + [run.snapshots.last!.loss]
            }
            finals.append(last)
            lines.append("\(threads) \(best) " + last.map { "\($0)" }.joined(separator: " "))
        }
        #expect(finals[0].map(\.bitPattern) == finals[1].map(\.bitPattern))
        try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
    }
}
