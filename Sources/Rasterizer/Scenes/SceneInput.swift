import Training

/// How the loss scene's y axis is scaled.
public enum LossScale: String, CaseIterable, Sendable {
    /// Logarithmic when the plotted losses span more than two decades, else linear.
    case auto
    case linear
    case log

    /// Whether a loss axis whose losses reach `highest`, the least positive of them (or of J*) being
    /// `lowestPositive`, is logarithmic: `log` whenever there is a positive loss, `linear` never, `auto`
    /// when they span more than two decades.
    public func isLogarithmic(highest: Double, lowestPositive: Double) -> Bool {
        switch self {
        case .log: return highest > 0
        case .linear: return false
        case .auto: return highest > 0 && highest / lowestPositive > 100
        }
    }
}

/// A run with the name a legend or a panel gives it, and the data it was trained on.
public struct LabelledRun: Sendable {
    /// The run's name in a legend or panel.
    public var label: String
    /// The points the run was trained on.
    public var data: Dataset
    /// The run's snapshots and summary.
    public var result: TrainingResult

    /// A run named `label`, trained on `data`, that produced `result`.
    public init(label: String, data: Dataset, result: TrainingResult) {
        self.label = label
        self.data = data
        self.result = result
    }
}

/// One run as a scene draws it: its name in a legend, its colour, its snapshots (a path on the
/// contour, a curve of the loss).
struct Series {
    var label: String
    var color: RGB
    var snapshots: [Snapshot]
    /// The run's settings (for the arrows: optimizer and rates); nil draws no arrow.
    var config: TrainingConfig?
}

/// What a scene draws: the data and the run (`result`), and what the multi-run scenes need besides.
public struct SceneInput: Sendable {
    /// The points the main run was trained on.
    public var data: Dataset
    /// The main run.
    public var result: TrainingResult
    /// How the loss scene scales its y axis.
    public var lossScale: LossScale
    /// The b-only run (the dashboard's bsweep panel; nil leaves it out).
    public var bOnly: TrainingResult?
    /// The runs compared: optimizers (compare), learning rates (lr-sweep), raw and standardized x (scaling).
    public var runs: [LabelledRun]
    /// Mark the epoch of lowest loss (loss scene).
    public var markBest: Bool
    /// Draw the per-frame readouts (epoch and numbers). Without them the plots take their room, and
    /// once the marks stop moving the frames stop changing (a clean picture to talk over).
    public var readout: Bool
    /// The colours and sizes drawn with.
    public var theme: Theme
    /// The runs of `compare` are one optimizer under several learning-rate schedules (not several optimizers).
    public var comparesSchedules: Bool = false
    /// Draw the step −α∇J (and the momentum's share) at the current point on every contour.
    public var arrows: Bool = false
    /// The indices in θ of the two weights a contour of several features is drawn over (the others at
    /// their optimum); ignored for one feature, whose contour is over (m, b).
    public var axes: [Int] = [0, 1]
    /// Leave the page transparent: frames mark the page's pixels outside the plots (see ``Frame``).
    public var transparentPage: Bool
    /// Where the surface scene's camera stands, and how far it turns over the animation.
    public var camera: SurfaceCamera = SurfaceCamera()
    /// The dashboard shows the 3-D surface in place of the contour.
    public var dashboardSurface: Bool = false
    /// Points per pixel of the line scene's plot (alone or the dashboard's panel) when `data` holds only the
    /// points' statistics: counted as the points streamed past, over
    /// ``SceneDrawing/densityFrame(input:width:height:)``. Unused when `data` holds the points.
    public var density: DensityCounts?

    /// The input for the run `result` on `data`; the defaults give one run with readouts, no b-only run,
    /// no best-epoch mark, an automatic loss scale, the light theme and an opaque page.
    public init(data: Dataset, result: TrainingResult, lossScale: LossScale = .auto, bOnly: TrainingResult? = nil,
                runs: [LabelledRun] = [], markBest: Bool = false, readout: Bool = true, theme: Theme = .light,
                transparentPage: Bool = false) {
        self.data = data
        self.result = result
        self.lossScale = lossScale
        self.bOnly = bOnly
        self.runs = runs
        self.markBest = markBest
        self.readout = readout
        self.theme = theme
        self.transparentPage = transparentPage
    }
}

/// The surface scene's camera: `elevation` degrees above the (m, b) plane, `azimuth` degrees around the
/// vertical axis (as matplotlib's `view_init`; nil: chosen from the data so the path is in sight), and
/// `orbit` degrees it turns by over the animation (0: a still camera).
public struct SurfaceCamera: Sendable, Equatable {
    /// Degrees above the (m, b) plane, −90 to 90 exclusive (default 35, the peer's).
    public var elevation: Double
    /// Degrees around the vertical axis; nil: the one that hides least of the path, nearest to −60.
    public var azimuth: Double?
    /// Degrees turned from the first frame to the last.
    public var orbit: Double

    /// A camera `elevation` degrees up, at `azimuth` (nil: chosen), turning `orbit` degrees.
    public init(elevation: Double = 35, azimuth: Double? = nil, orbit: Double = 0) {
        self.elevation = elevation
        self.azimuth = azimuth
        self.orbit = orbit
    }
}
