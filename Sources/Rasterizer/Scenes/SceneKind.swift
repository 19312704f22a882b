/// The scenes: four of one run each, and four that put several panels or runs side by side.
public enum SceneKind: String, CaseIterable, Sendable {
    /// Data points and the current regression line.
    case line
    /// Loss against epoch.
    case loss
    /// J(b) at a fixed m, with the b-only optimizer's steps and the tangent at the current b.
    case bsweep
    /// Filled contours of J(m, b) with the optimizer's path.
    case contour
    /// Several optimizers' paths on one contour, with their losses beside it.
    case compare
    /// Line, loss and contour (and bsweep) as synchronized panels.
    case dashboard
    /// The same descent at several learning rates, small multiples of the contour.
    case lrSweep = "lr-sweep"
    /// The contour path on raw x beside the one on standardized x.
    case scaling
    /// One update of batch gradient descent at a time, in four beats: the data with residuals and their
    /// squares, the formulas with the epoch's numbers, and the step on a contour inset.
    case steps
    /// J(m, b) as a lit 3-D bowl with the path rolling down it.
    case surface

    /// The scenes of one run, rendered by `--mode all`.
    public static let single: [SceneKind] = [.line, .loss, .bsweep, .contour]

    /// What the scene shows, in a few words (help texts and docs read it).
    public var summary: String {
        switch self {
        case .line: return "data and fit"
        case .loss: return "loss per epoch"
        case .bsweep: return "J(b) at fixed m"
        case .contour: return "path on J(m,b)"
        case .compare: return "several optimizers on one contour"
        case .dashboard: return "line, loss and contour panels; bsweep too with --fixed-m"
        case .lrSweep: return "contour panels at several rates"
        case .scaling: return "raw x beside standardized x"
        case .steps: return "one update in four beats, with the formulas"
        case .surface: return "the loss bowl J(m,b) in 3-D with the path"
        }
    }

    /// Whether the scene puts several charts side by side (and so wants a wider frame and a row of
    /// its own in a gallery).
    public var isPanels: Bool { Scenes.grid(self, panels: 2) != (1, 1) }

    /// Frame size when none is given: 640×480 for one chart, wider for panels.
    public func defaultSize(panels: Int) -> (width: Int, height: Int) {
        switch self {
        case .compare: return (960, 540)
        case .dashboard: return panels == 4 ? (960, 720) : (1200, 450)
        case .lrSweep: return panels <= 2 ? (1120, 480) : panels <= 4 ? (960, 720) : (1200, 720)
        case .scaling: return (1120, 480)
        case .steps: return (960, 540)
        case .line, .loss, .bsweep, .contour, .surface: return (640, 480)
        }
    }
}
