#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

extension TrainingResult {
    /// The snapshots that set an axis's range: those whose loss stays within 4× the start's. A diverging
    /// run's explosion then leaves the axes to its first steps (the rest is drawn, off the edge) instead of
    /// squashing them into a line; a converging run keeps every snapshot.
    var rangeSnapshots: [Snapshot] { Self.tame(snapshots) }

    /// Significant digits of m and b in readouts: 4, and more when the run moves them by little beside
    /// their size (b from 1 000 000 to 1 000 004 shows as 1000003.512, not 1.000e6 every frame), up to 12.
    public var readoutDigits: (m: Int, b: Int) {
        let tame = rangeSnapshots
        func digits(_ values: [Double]) -> Int {
            let spread = values.max()! - values.min()!, size = values.map(abs).max()!
            guard spread > 0, size > 0, spread.isFinite, size.isFinite else { return 4 }
            return min(12, max(4, 3 + Int(log10(size / spread).rounded(.up))))
        }
        return (digits(tame.map(\.m)), digits(tame.map(\.b)))
    }

    static func tame(_ snapshots: [Snapshot]) -> [Snapshot] {
        let limit = snapshots[0].loss * 4
        let kept = snapshots.filter { $0.loss <= limit }
        return kept.isEmpty ? [snapshots[0]] : kept
    }
}
