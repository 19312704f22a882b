import Rasterizer
import Training

/// Trains the runs of one visual with its settings, and notes each divergence (``PlanWarning/diverged(_:)``).
struct Trainer {
    let visual: Visual
    let data: Dataset
    private(set) var warnings: [PlanWarning] = []

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
            if let penalty = visual.penalty, !bOnly {
                result = try GradientDescent.run(model: PenalizedRegression(data, penalty: penalty), config, each: each)
            } else {
                result = try GradientDescent.run(data, config, each: each)
            }
        } catch {
            throw VisualError.unfittable(source: data.source, problem: "\(error)")
        }
        if let epoch = result.divergedAtEpoch, warn {
            let run: PlanWarning.Divergence.Run = bOnly ? .bOnly : !visual.scene.definition.namesRunsInWarnings ? .main
                : visual.comparedSchedules == nil ? .optimizer(optimizer) : .schedule(config.schedule.name)
            let schedule = result.config.schedule
            warnings.append(.diverged(PlanWarning.Divergence(
                run: run, epoch: epoch, update: result.divergedAtUpdate, snapshots: result.snapshots.count, stabilityLimit: result.stabilityLimit,
                learningRate: lr, schedule: schedule == .constant ? nil : schedule.name,
                scheduledRate: schedule == .constant ? nil : result.config.rate(epoch: epoch - 1))))
        }
        return result
    }
}
