extension Visual {
    /// A setting of a ``Visual``, as errors (``VisualError``) and warnings (``PlanWarning``) name it. Its
    /// `description` is the setting's path in Swift (`learningRate`, `timing.fps`, `camera.elevation`).
    public enum Property: String, CaseIterable, Sendable, CustomStringConvertible {
        case scene, name, data, seed
        case optimizer, compared, batchSize, momentum, beta1, beta2, rmsDecay, learningRate
        case schedule, comparedSchedules, sweepRates, epochs, initialM, initialB, fixedM, snapshot
        /// The `every` of a step schedule (`LearningRateSchedule.step(every:gamma:)`).
        case scheduleEvery = "schedule's every"
        /// The `gamma` of a step or exponential schedule.
        case scheduleGamma = "schedule's gamma"
        /// The `minimum` of a cosine schedule.
        case scheduleMinimum = "schedule's minimum"
        /// The `decay` of an inverse schedule.
        case scheduleDecay = "schedule's decay"
        case width, height, frames
        case fps = "timing.fps"
        case holdEnd = "timing.holdEnd"
        case holdStart = "timing.holdStart"
        case loop = "timing.loop"
        case formats, poster, lossScale, markBest, readout, arrows, theme, background
        case camera
        case elevation = "camera.elevation"
        case azimuth = "camera.azimuth"
        case orbit = "camera.orbit"
        case surfacePanel
        case extraXColumns, standardize, axes
        case penalty, lambda, l1Ratio, degree, validation

        /// The setting's path in Swift: `learningRate`, `timing.fps`; a schedule's setting is "schedule's every".
        public var description: String { rawValue }
    }
}
