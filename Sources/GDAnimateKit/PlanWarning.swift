import Rasterizer

/// Something a ``Plan`` found worth saying that does not stop it: a run that diverged, a setting that
/// changes nothing in what the scenes draw, snapshots thinned for the frames. Its `description` names
/// settings as a Swift program spells them; the command line words the same note with its options.
public enum PlanWarning: Equatable, Sendable, CustomStringConvertible {
    /// A run diverged; training stopped there and its animation shows the finite part.
    case diverged(Divergence)
    /// `property` changes nothing in what `scenes` draw (``Visual/arrows``, ``Visual/camera``,
    /// ``Visual/surfacePanel``, ``Visual/batchSize``, ``Visual/markBest``); `runs` are the optimizers
    /// the scenes train.
    case unused(Visual.Property, scenes: [SceneKind], runs: [OptimizerKind])
    /// `property` (``Visual/arrows``) asks for what `scene` draws anyway; `drawing` says what it draws
    /// (`SceneDefinition`'s `arrowsAnyway`: "draws the step −α∇J on its contour … anyway").
    case drawnAnyway(Visual.Property, scene: SceneKind, drawing: String)
    /// A transparent page (``Visual/background``) in MP4 only, which has no transparency.
    case noTransparencyInMP4
    /// A long per-update run of `updates` updates keeps 1 in `every` of them (at most `limit`) for its
    /// frames; the plan's history callback hears every one.
    case snapshotsThinned(updates: Int, every: Int, limit: Int)
    /// The fit on standardized features (``Visual/standardize``): each of `parameters` (w1…, b) as
    /// fitted (`standardized`) and in the data's own units (`dataUnits`).
    case standardizedFit(parameters: [String], standardized: [Double], dataUnits: [Double])

    /// Where and how a run diverged.
    public struct Divergence: Equatable, Sendable {
        /// Which run of the plan.
        public enum Run: Equatable, Sendable {
            /// The visual's run.
            case main
            /// The b-only descent with m held.
            case bOnly
            /// One optimizer's run of a comparison.
            case optimizer(OptimizerKind)
            /// One schedule's run of a comparison of schedules, by the schedule's name.
            case schedule(String)
        }
        public var run: Run
        /// The 1-based epoch at which the loss stopped being finite.
        public var epoch: Int
        /// The update within the run, for a per-update run.
        public var update: Int?
        /// The finite snapshots the animation shows.
        public var snapshots: Int
        /// 2/λmax of the data, when batch descent's stability limit is known.
        public var stabilityLimit: Double?
        /// The run's first learning rate.
        public var learningRate: Double
        /// The schedule's name and its rate at `epoch`, when a schedule changed the rate.
        public var schedule: String?
        public var scheduledRate: Double?
    }

    /// The note in one paragraph, naming settings by their Swift names.
    public var description: String { message(.library) }

    /// The note in one paragraph, naming settings with `w`.
    package func message(_ w: SettingWords) -> String {
        switch self {
        case .diverged(let d): return d.message(w)
        case .unused(let p, let scenes, let runs):
            let shown = Self.scenes(scenes, w)
            switch p {
            case .arrows: return "\(w[.arrows]) draws on the contour of J(m, b), which \(shown) does not show"
            case .camera:
                let what = w.commandLine ? "\(w[.elevation]), \(w[.azimuth]) and \(w[.orbit]) place" : "\(w[.camera]) places"
                return "\(what) the camera of the 3-D surface, which \(shown) does not show"
            case .surfacePanel: return "\(w[.surfacePanel]) puts the 3-D surface in the dashboard, which \(shown) does not show"
            case .batchSize:
                return "\(w[.batchSize]) sets the batches of \(w[.optimizer, "minibatch"]), which \(shown) does not use (it runs \(SceneText.list(Visual.names(runs))))"
            case .validation: return "\(w[.validation]) holds points out of training, which only the line and loss scenes draw; \(shown) trains on the rest without showing them"
            case .axes: return "\(w[.axes]) picks the two weights of a contour, which \(shown) does not show"
            case .markBest: return "\(w[.markBest]) stars the lowest loss on a loss curve, which \(shown) does not show"
            default: return "\(w[p]) changes nothing that \(shown) draws"
            }
        case .drawnAnyway(let p, let scene, let drawing):
            return "\(w[p]): \(w[.scene, scene.rawValue]) \(drawing)"
        case .noTransparencyInMP4:
            return "\(w[.background, "transparent"]): an MP4 has no transparency; the page shows in the theme's colour"
        case .snapshotsThinned(let updates, let every, let limit):
            let history = w.commandLine ? "a --history file has every update" : "the plan's history callback hears every update"
            return "\(w[.snapshot, "step"]): \(NumberFormat.count(updates)) updates, of which 1 in \(every) is kept (at most \(limit) snapshots) for the frames; \(history)"
        case .standardizedFit(let names, let fitted, let raw):
            func said(_ theta: [Double], prime: String) -> String {
                zip(names, theta).map { "\($0)\(prime) = \(NumberFormat.plain($1))" }.joined(separator: ", ")
            }
            return "\(w[.standardize]): the fit on standardized features is \(said(fitted, prime: "′")); in the data's units \(said(raw, prime: ""))"
        }
    }

    /// `--mode contour` for one scene; `--mode all` (the command line's only way to ask for several), or the scenes' list.
    private static func scenes(_ kinds: [SceneKind], _ w: SettingWords) -> String {
        if kinds.count == 1 { return w[.scene, kinds[0].rawValue] }
        return w.commandLine ? w[.scene, "all"] : "scenes " + SceneText.list(kinds.map(\.rawValue))
    }
}

extension PlanWarning.Divergence {
    func message(_ w: SettingWords) -> String {
        let who = switch run {
        case .main: "run"
        case .bOnly: "b-only run"
        case .optimizer(let o): "\(o.rawValue) run"
        case .schedule(let name): "\(name)-schedule run"
        }
        let after = update.map { " (update \(NumberFormat.count($0)))" } ?? ""
        var scheduled = ""
        if let schedule, let scheduledRate {
            scheduled = ", and the \(schedule) schedule's rate at epoch \(epoch) was \(NumberFormat.plain(scheduledRate))"
        }
        var message = "the \(who) diverged at epoch \(epoch)\(after): each step overshot the minimum by more than the last, so the loss grew instead of shrinking. Training stopped there; the animation shows the \(snapshots) finite snapshot\(snapshots == 1 ? "" : "s")."
        if let stabilityLimit {
            message += " Batch gradient descent on this data is stable only for a learning rate below 2/λmax = \(NumberFormat.plain(stabilityLimit)) (λmax is the largest eigenvalue of the loss's Hessian); \(w[.learningRate]) is \(learningRate)\(scheduled)."
        } else {
            message += " Try a smaller \(w[.learningRate])\(scheduled)."
        }
        return message
    }
}
