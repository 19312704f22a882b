#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which epochs `--mode steps` walks through, and how long each of its four beats stays on screen.
///
/// Each shown epoch k is four frames, the beats of one update of batch gradient descent: predict (ŷ from
/// the current line), residuals (yᵢ − ŷᵢ and their squares, whose mean is J), gradient (∂J/∂m, ∂J/∂b and
/// the step −α∇J), update (m and b move). By default the first five epochs are shown, where the line moves
/// most, then five more spread geometrically to the end of the run, so the late creep is seen too.
public enum StepsSchedule {
    /// The four beats of one update.
    public enum Beat: Int, CaseIterable, Sendable {
        case predict, residuals, gradient, update

        /// The beat's name in the readout.
        public var title: String {
            switch self {
            case .predict: return "predict ŷ = m·x + b"
            case .residuals: return "residuals and the loss J"
            case .gradient: return "the gradient ∇J"
            case .update: return "update m and b"
            }
        }

        /// Seconds on screen in the first shown epochs: long enough to read its line of mathematics.
        var seconds: Double {
            switch self {
            case .predict: return 1.2
            case .residuals: return 1.8
            case .gradient: return 2.2
            case .update: return 1.8
            }
        }
    }

    /// Shown epochs when `--frames` does not say.
    public static let defaultEpochs = 10
    /// Epochs shown one after another from the start.
    static let leading = 5
    /// Epochs after the first two play at this fraction of the time, once the beats are familiar.
    static let laterPace = 0.6

    /// The snapshot indices shown for a run of `snapshots` snapshots (the last update leaves snapshot
    /// `snapshots − 1`, so the last shown is at most `snapshots − 2`): `limit` of them (default
    /// ``defaultEpochs``), the first ``leading`` in a row, the rest spread geometrically.
    public static func epochs(snapshots: Int, limit: Int?) -> [Int] {
        let last = snapshots - 2
        guard last >= 0 else { return [] }
        let count = min(max(1, limit ?? defaultEpochs), last + 1)
        let lead = min(leading, count)
        var shown = Array(0..<lead)
        let rest = count - lead
        guard rest > 0 else { return shown }
        let from = Double(lead - 1)
        for j in 1...rest {
            let t = Double(j) / Double(rest)
            // Geometric from the last leading epoch to the last, each at least one past the one before
            // and leaving room for those still to come.
            let e = Int((max(1, from) * pow(Double(last) / max(1, from), t)).rounded())
            shown.append(min(max(e, shown.last! + 1), last - (rest - j)))
        }
        return shown
    }

    /// The frames of the steps scene: four per shown epoch.
    public static func frameCount(snapshots: Int, limit: Int?) -> Int { 4 * epochs(snapshots: snapshots, limit: limit).count }

    /// Seconds each frame stays: the beats' times, shortened after the first two epochs.
    static func seconds(epochs: Int) -> [Double] {
        (0..<epochs).flatMap { i in Beat.allCases.map { $0.seconds * (i < 2 ? 1 : laterPace) } }
    }
}
