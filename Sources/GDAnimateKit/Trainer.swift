import Rasterizer
import Training

/// Trains the runs of one visual with its settings, and words each divergence for the person running it.
struct Trainer {
    let visual: Visual
    let data: Dataset
    private(set) var warnings: [String] = []

    init(visual: Visual, data: Dataset) {
        self.visual = visual
        self.data = data
    }

    /// The training settings of `optimizer` at rate `lr`, as the visual sets them.
    static func config(_ visual: Visual, _ optimizer: OptimizerKind, lr: Double, schedule: LearningRateSchedule? = nil) -> TrainingConfig {
        var config = TrainingConfig()
        config.optimizer = optimizer.optimizer(visual.optimizerSettings)
        config.learningRate = lr
        config.schedule = schedule ?? visual.schedule
        config.epochs = visual.epochs
        config.initialM = visual.initialM
        config.initialB = visual.initialB
        config.interval = visual.snapshot
        config.seed = visual.seed
        return config
    }

    /// One run: `bOnly` holds m at `fixedM` (default the least-squares slope); `warn: false` keeps a
    /// divergence out of the warnings (the sweep shows it on purpose); `each` hears every snapshot of the
    /// run's history as it is made.
    mutating func run(_ optimizer: OptimizerKind, lr: Double, schedule: LearningRateSchedule? = nil, bOnly: Bool = false, on other: Dataset? = nil,
                      warn: Bool = true, each: ((Snapshot) -> Void)? = nil) throws(VisualError) -> TrainingResult {
        let data = other ?? self.data
        var config = Self.config(visual, optimizer, lr: lr, schedule: schedule)
        let result: TrainingResult
        do {
            if bOnly { config.fixedM = try visual.fixedM ?? LossSurface(data).leastSquares.m }
            result = try GradientDescent.run(data, config, each: each)
        } catch {
            throw VisualError("\(data.source): \(error)")
        }
        if let epoch = result.divergedAtEpoch, warn {
            let who = bOnly ? "b-only run" : !visual.scene.definition.namesRunsInWarnings ? "run"
                : visual.comparedSchedules == nil ? "\(optimizer.rawValue) run" : "\(config.schedule.name)-schedule run"
            let update = result.divergedAtUpdate.map { " (update \(NumberFormat.count($0)))" } ?? ""
            var message = "the \(who) diverged at epoch \(epoch)\(update): each step overshot the minimum by more than the last, so the loss grew instead of shrinking. Training stopped there; the animation shows the \(result.snapshots.count) finite snapshot\(result.snapshots.count == 1 ? "" : "s")."
            if let limit = result.stabilityLimit {
                message += " Batch gradient descent on this data is stable only for a learning rate below 2/λmax = \(NumberFormat.plain(limit)) (λmax is the largest eigenvalue of the loss's Hessian); --lr is \(lr)\(scheduled(result, epoch))."
            } else {
                message += " Try a smaller --lr\(scheduled(result, epoch))."
            }
            warnings.append(message)
        }
        return result
    }

    /// ", and the cosine schedule's rate at epoch 12 was 0.45": the rate the run diverged at, when a
    /// schedule changed it (empty for a constant rate).
    private func scheduled(_ r: TrainingResult, _ epoch: Int) -> String {
        guard r.config.schedule != .constant else { return "" }
        let rate = r.config.rate(epoch: epoch - 1)
        return ", and the \(r.config.schedule.name) schedule's rate at epoch \(epoch) was \(NumberFormat.plain(rate))"
    }
}
