import Training

extension TrainingResult {
    /// The snapshots that set an axis's range: those whose loss stays within 4× the start's. A diverging
    /// run's explosion then leaves the axes to its first steps (the rest is drawn, off the edge) instead of
    /// squashing them into a line; a converging run keeps every snapshot.
    var rangeSnapshots: [Snapshot] { Self.tame(snapshots) }

    static func tame(_ snapshots: [Snapshot]) -> [Snapshot] {
        let limit = snapshots[0].loss * 4
        let kept = snapshots.filter { $0.loss <= limit }
        return kept.isEmpty ? [snapshots[0]] : kept
    }
}
