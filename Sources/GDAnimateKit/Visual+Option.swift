extension Visual.Property {
    /// The `gdanimate` option that sets this property, without its dashes (`lr` for ``learningRate``): the
    /// one table of the command line's names, which a file's remake command (``Visual/arguments``) and the
    /// command line's wording of errors and warnings both read, and which a test holds to the options
    /// `gdanimate --help` lists. A manifest's keys are the same names. nil for ``camera``, which three
    /// options set (``elevation``, ``azimuth``, ``orbit``).
    public var option: String? {
        switch self {
        case .scene: "mode"
        case .name: "name"
        case .data: "data"
        case .seed: "seed"
        case .optimizer: "optimizer"
        case .compared: "optimizers"
        case .batchSize: "batch-size"
        case .momentum: "momentum"
        case .beta1: "beta1"
        case .beta2: "beta2"
        case .rmsDecay: "rms-decay"
        case .learningRate: "lr"
        case .schedule: "lr-schedule"
        case .comparedSchedules: "lr-schedules"
        case .sweepRates: "lrs"
        case .epochs: "epochs"
        case .initialM: "init-m"
        case .initialB: "init-b"
        case .fixedM: "fixed-m"
        case .snapshot: "snapshot"
        case .scheduleEvery: "lr-step"
        case .scheduleGamma: "lr-gamma"
        case .scheduleMinimum: "lr-min"
        case .scheduleDecay: "lr-decay"
        case .width: "width"
        case .height: "height"
        case .frames: "frames"
        case .fps: "fps"
        case .holdEnd: "hold"
        // A flag: the first frame is held as long as --hold holds the last.
        case .holdStart: "hold-start"
        case .loop: "loop"
        case .formats: "format"
        case .poster: "poster"
        case .lossScale: "loss-scale"
        case .markBest: "mark-best"
        case .readout: "readout"
        case .arrows: "arrows"
        case .theme: "theme"
        case .background: "background"
        case .camera: nil
        case .elevation: "elevation"
        case .azimuth: "azimuth"
        case .orbit: "orbit"
        case .surfacePanel: "surface-panel"
        case .extraXColumns: "x-column"
        case .standardize: "standardize"
        case .axes: "axes"
        case .penalty: "penalty"
        case .lambda: "lambda"
        case .l1Ratio: "l1-ratio"
        case .degree: "degree"
        case .validation: "validation"
        }
    }
}
