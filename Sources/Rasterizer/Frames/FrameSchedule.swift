#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

/// Which snapshots become frames when a run has more snapshots than the animation should have frames.
///
/// Gradient descent moves fast first and creeps later, so evenly spaced epochs would spend the GIF on
/// the creep. Frames are placed evenly along a "progress" measure that mixes three quarters of the
/// path length travelled in (m, b) (each parameter in units of its own spread over the run, so slope and
/// intercept weigh alike) with one quarter of log-spaced time (so a long stall still advances). The first
/// and last snapshots are always frames, and every frame is a different snapshot in increasing order.
public enum FrameSchedule {
    /// Every snapshot up to this many + 1; more are scheduled into this many frames (the default of `--frames`).
    public static let defaultLimit = 200

    /// How many frames `snapshots` snapshots make with at most `limit` frames (nil: the default).
    public static func frameCount(snapshots: Int, limit: Int?) -> Int {
        min(snapshots, limit ?? (snapshots <= defaultLimit + 1 ? snapshots : defaultLimit))
    }

    /// `count` snapshot indices out of the runs' `0..<snapshots`, all of them when `count` is at least
    /// that. Several runs (a comparison) add their path lengths; runs shorter than the longest stop moving.
    public static func indices(for runs: [[Snapshot]], count: Int) -> [Int] {
        let total = runs.map(\.count).max() ?? 0
        guard total > 0 else { return [] }
        guard count < total else { return Array(0..<total) }
        guard count > 1 else { return [total - 1] }
        // Cumulative progress per snapshot index.
        var path = [Double](repeating: 0, count: total)
        for run in runs where run.count > 1 {
            let ms = run.map(\.m), bs = run.map(\.b)
            // Scales from the tame snapshots, as the plots' axes are: a diverging tail would make the
            // first steps look like nothing.
            let tame = run.filter { $0.loss <= run[0].loss * 4 }
            let sm = spread(tame.map(\.m)), sb = spread(tame.map(\.b))
            for k in 1..<total {
                let i = min(k, run.count - 1), j = min(k - 1, run.count - 1)
                let dm = (ms[i] - ms[j]) / sm, db = (bs[i] - bs[j]) / sb
                let step = (dm * dm + db * db).squareRoot()
                path[k] += step.isFinite ? step : 0
            }
        }
        for k in 1..<total { path[k] += path[k - 1] }
        let length = path[total - 1]
        let logEnd = log(Double(total))
        let progress = (0..<total).map { k in
            let time = log(Double(k + 1)) / logEnd
            return length > 0 ? 0.75 * path[k] / length + 0.25 * time : time
        }
        var picked: [Int] = []
        var k = 0
        for f in 0..<count {
            let target = Double(f) / Double(count - 1)
            while k < total - 1 && progress[k] < target { k += 1 }
            // Strictly increasing, and leaving one snapshot for each frame still to come.
            let lo = (picked.last ?? -1) + 1
            let hi = total - (count - f)
            let chosen = min(max(k, lo), hi)
            picked.append(chosen)
            k = max(k, chosen)
        }
        return picked
    }

    /// The range of `values` (1 when they are all equal or not finite), to put parameters on one scale.
    private static func spread(_ values: [Double]) -> Double {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else { return 1 }
        return hi - lo
    }
}
