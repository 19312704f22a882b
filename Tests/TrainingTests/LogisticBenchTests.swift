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

/// The memory of a labelled file: GDANIMATE_LABELLED_CSV names a CSV of x1, x2 and a yes/no label
/// (Scripts/bench_logistic.py writes one of 10M rows), read as the command line reads a file (1 MiB at a
/// time, on every core) while /usr/bin/time measures the process's peak.
struct LabelledFileMemoryTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GDANIMATE_LABELLED_CSV"] != nil))
    func readsALabelledFile() throws {
        let path = ProcessInfo.processInfo.environment["GDANIMATE_LABELLED_CSV"]!
        let handle = try #require(FileHandle(forReadingAtPath: path))
        var reader = CSVReader(file: path, xColumns: [.index(1), .index(2)], labelColumn: .index(3),
                               threads: ProcessInfo.processInfo.activeProcessorCount)
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let bytes = [UInt8](chunk)
            try bytes.withUnsafeBufferPointer { b throws(CSVData.ParseError) in try reader.read(b) }
        }
        let read = try reader.finishLabelled()
        #expect(read.data.count == reader.pointsRead && read.data.featureCount == 2)
        print("labelled file: \(read.data.count) rows, \(read.mapping)")
    }
}
