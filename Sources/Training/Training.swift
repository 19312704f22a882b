/// The parameters θ after some number of epochs (or updates) and the loss at exactly those parameters.
///
/// θ lists the model's parameters in its order (``Model/parameterNames``): the line's (m, b), or p weights
/// w₁…w_p then the intercept b. ``m`` and ``b`` read the first and the last, the line's names.
public struct Snapshot: Sendable, Equatable {
    /// Completed epochs: 0 for the starting point. In per-update recording this is the epoch the update
    /// belongs to (1 for the updates of the first pass).
    public var epoch: Int
    /// Completed parameter updates.
    public var step: Int
    /// θ, in the model's order: the weights, then the intercept.
    public var theta: [Double]
    /// J(θ) evaluated at this snapshot's own θ.
    public var loss: Double

    /// The first parameter: the line's slope m (w₁ of several features).
    public var m: Double { theta[0] }
    /// The last parameter: the intercept b.
    public var b: Double { theta[theta.count - 1] }
    /// The weights w₁…w_p, θ without the intercept (the line's [m]).
    public var weights: ArraySlice<Double> { theta.dropLast() }

    /// A snapshot of the line's (m, b) with its loss, after `epoch` epochs and `step` updates.
    public init(epoch: Int, step: Int, m: Double, b: Double, loss: Double) {
        self.init(epoch: epoch, step: step, theta: [m, b], loss: loss)
    }

    /// A snapshot of θ with its loss, after `epoch` epochs and `step` updates.
    public init(epoch: Int, step: Int, theta: [Double], loss: Double) {
        self.epoch = epoch
        self.step = step
        self.theta = theta
        self.loss = loss
    }
}

/// When a snapshot is recorded.
public enum SnapshotInterval: String, Sendable, CaseIterable {
    /// After every epoch.
    case epoch
    /// After every parameter update (for batch descent the same as `epoch`).
    case step
}

/// The settings of one gradient-descent run. The defaults: batch descent, α = 0.1, 100 epochs from (m, b) = (0, 0).
public struct TrainingConfig: Sendable {
    /// How each update is made.
    public var optimizer: Optimizer = .batch
    /// The learning rate α, the multiple of the gradient each update steps by (of the first epoch, when
    /// `schedule` changes it).
    public var learningRate: Double = 0.1
    /// How the rate changes from epoch to epoch.
    public var schedule: LearningRateSchedule = .constant
    /// The number of passes over the data to run (fewer if the run diverges).
    public var epochs: Int = 100
    /// The starting slope m (ignored when `fixedM` is set); with several features, every weight's start.
    public var initialM: Double = 0
    /// The starting intercept b.
    public var initialB: Double = 0
    /// When set, m is held at this value and only b is descended (the b-only lesson).
    public var fixedM: Double?
    /// Whether a snapshot is recorded per epoch or per update (different only for `sgd` and `minibatch`).
    public var interval: SnapshotInterval = .epoch
    /// Seeds the shuffles of the stochastic optimizers.
    public var seed: UInt64 = 0

    /// The default settings; set the properties to change them.
    public init() {}
}

/// What a run produced.
public struct TrainingResult: Sendable {
    /// Snapshot 0 is the start; all are finite.
    public var snapshots: [Snapshot]
    /// The model the run descended: its parameters' names, loss, optimum (a ``LinearRegression`` for the
    /// runs of ``GradientDescent/run(_:_:each:)``).
    public var model: any Model
    /// The epoch whose loss was non-finite or exceeded `divergenceFactor` × the initial loss, if any.
    public var divergedAtEpoch: Int?
    /// The update whose loss diverged, when the run looked at every update's loss (a per-update run,
    /// ``isPerUpdate``); a per-epoch run looks at the loss once an epoch, so knows only the epoch.
    public var divergedAtUpdate: Int?
    /// α < this keeps batch descent stable (nil for the stochastic optimizers, whose limit depends on the batch).
    public var stabilityLimit: Double?
    /// The number of epochs asked for.
    public var epochsRequested: Int
    /// The run's settings (optimizer, rate, start), for captions.
    public var config: TrainingConfig

    /// The closed-form optimum of the same data, to compare the run with: the line's (m*, b*) (w₁* and b*
    /// of several features) and J*.
    public var leastSquares: LeastSquares {
        let best = model.optimum!
        return LeastSquares(m: best.theta[0], b: best.theta[best.theta.count - 1], loss: best.loss)
    }

    /// The loss surface J(m, b) of a run of one feature, the line's, which the scenes of (m, b) draw. A run
    /// of several features has none (``model``'s ``LinearRegression/features`` holds its statistics):
    /// asking for it is a programming error.
    public var surface: LossSurface {
        guard let line = (model as? LinearRegression)?.line else {
            preconditionFailure("a run of \(model.parameterNames.joined(separator: ", ")) has no loss surface J(m, b); read `model`")
        }
        return line
    }

    /// The last snapshot: where the run ended, or its last finite point if it diverged.
    public var final: Snapshot { snapshots[snapshots.count - 1] }

    /// Whether the snapshots count updates rather than epochs (`--snapshot step` of a stochastic optimizer;
    /// a long run keeps every s-th update, see ``GradientDescent/snapshotLimit``).
    public var isPerUpdate: Bool { config.interval == .step && config.optimizer.isStochastic }
}
