#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parameters after some number of epochs (or updates) and the loss at exactly those parameters.
public struct Snapshot: Sendable, Equatable {
    /// Completed epochs: 0 for the starting point. In per-update recording this is the epoch the update
    /// belongs to (1 for the updates of the first pass).
    public var epoch: Int
    /// Completed parameter updates.
    public var step: Int
    /// The slope m at this snapshot.
    public var m: Double
    /// The intercept b at this snapshot.
    public var b: Double
    /// J(m, b) evaluated at this snapshot's own m and b.
    public var loss: Double

    /// A snapshot of (m, b) with its loss, after `epoch` epochs and `step` updates.
    public init(epoch: Int, step: Int, m: Double, b: Double, loss: Double) {
        self.epoch = epoch
        self.step = step
        self.m = m
        self.b = b
        self.loss = loss
    }
}

/// How each update is made. `batch`, `sgd` and `minibatch` differ in how many points an update looks at;
/// `momentum`, `nesterov` and `adam` use every point (full-batch gradients) and differ in how the gradient
/// becomes a step, with PyTorch's conventions (`torch.optim.SGD` with `momentum`, with `nesterov=True`,
/// and `torch.optim.Adam`), so their paths match what students see there.
public enum Optimizer: Sendable, Equatable {
    /// Every point in every update: one update per epoch.
    case batch
    /// One point per update, in an order reshuffled every epoch.
    case sgd
    /// `size` points per update, reshuffled every epoch; the last batch of an epoch may be smaller.
    case minibatch(size: Int)
    /// Heavy ball: v ← βv + g, p ← p − αv.
    case momentum(beta: Double)
    /// Nesterov: v ← βv + g, p ← p − α(g + βv).
    case nesterov(beta: Double)
    /// Adam: first and second moments of g with bias correction, p ← p − α·m̂ / (√v̂ + 1e-8).
    case adam(beta1: Double, beta2: Double)

    /// The optimizer's plain lowercase name, without its settings: `batch`, `sgd`, `minibatch`, `momentum`, `nesterov`, `adam`.
    public var name: String {
        switch self {
        case .batch: return "batch"
        case .sgd: return "sgd"
        case .minibatch: return "minibatch"
        case .momentum: return "momentum"
        case .nesterov: return "nesterov"
        case .adam: return "adam"
        }
    }

    /// How legends and readouts name it.
    public var label: String {
        switch self {
        case .batch: return "batch"
        case .sgd: return "SGD"
        case .minibatch(let size): return "mini-batch (\(size))"
        case .momentum: return "momentum"
        case .nesterov: return "Nesterov"
        case .adam: return "Adam"
        }
    }

    /// Whether updates look at a shuffled subset of the points.
    public var isStochastic: Bool {
        switch self {
        case .sgd, .minibatch: return true
        default: return false
        }
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
    /// The starting slope m (ignored when `fixedM` is set).
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
    /// The closed-form optimum of the same data, to compare the run with.
    public var leastSquares: LeastSquares
    /// The epoch whose loss was non-finite or exceeded `divergenceFactor` × the initial loss, if any.
    public var divergedAtEpoch: Int?
    /// The update whose loss diverged, when the run looked at every update's loss (a per-update run,
    /// ``isPerUpdate``); a per-epoch run looks at the loss once an epoch, so knows only the epoch.
    public var divergedAtUpdate: Int?
    /// α < this keeps batch descent stable (nil for the stochastic optimizers, whose limit depends on the batch).
    public var stabilityLimit: Double?
    /// The number of epochs asked for.
    public var epochsRequested: Int
    /// The loss surface of the data the run descended.
    public var surface: LossSurface
    /// The run's settings (optimizer, rate, start), for captions.
    public var config: TrainingConfig

    /// The last snapshot: where the run ended, or its last finite point if it diverged.
    public var final: Snapshot { snapshots[snapshots.count - 1] }

    /// Whether the snapshots count updates rather than epochs (`--snapshot step` of a stochastic optimizer;
    /// a long run keeps every s-th update, see ``GradientDescent/snapshotLimit``).
    public var isPerUpdate: Bool { config.interval == .step && config.optimizer.isStochastic }
}

/// Gradient descent on J(m, b) = 1/n Σ (yᵢ − (m·xᵢ + b))²: p ← p − α·∂J/∂p.
public enum GradientDescent {
    /// A run stops at the first loss above this multiple of the initial loss (or non-finite).
    public static let divergenceFactor = 1e10
    /// At most about this many snapshots of a per-update run are kept: every s-th update, s = ⌈updates / limit⌉,
    /// and the last, so 10⁸ updates take megabytes, not gigabytes (frames and traces can show no more).
    public static let snapshotLimit = 100_000

    /// Runs `config` on `data`. Batch descent costs O(1) per epoch (the loss surface's statistics);
    /// the stochastic optimizers cost O(batch) per update and O(1) per recorded loss.
    ///
    /// `each` hears every snapshot of the run's history as it is made, the start first: one per epoch, or
    /// one per update for a per-update run, including the updates a long run does not keep
    /// (``snapshotLimit``), so a history can be written whole in constant memory.
    public static func run(_ data: Dataset, _ config: TrainingConfig, each: ((Snapshot) -> Void)? = nil) throws(LossSurface.SetupError) -> TrainingResult {
        let surface = try LossSurface(data)
        var m = config.fixedM ?? config.initialM
        var b = config.initialB
        let bOnly = config.fixedM != nil
        let initialLoss = surface.loss(m: m, b: b)
        guard initialLoss.isFinite else { throw .startOverflow(m: m, b: b) }
        let ceiling = initialLoss * divergenceFactor
        var snapshots = [Snapshot(epoch: 0, step: 0, m: m, b: b, loss: initialLoss)]
        snapshots.reserveCapacity(min(config.epochs, snapshotLimit) + 1)
        each?(snapshots[0])
        var diverged: Int?, divergedStep: Int?
        var step = 0
        var alpha = config.learningRate
        /// The last snapshot made but not kept (a long per-update run): kept after all if the next update's
        /// loss is not finite, so the run ends on its last finite point.
        var skipped: Snapshot?

        /// Makes the snapshot of (m, b), keeps it if `keep` (or it is the last), and reports whether the run
        /// may go on: a run stops at its first non-finite or exploding loss, kept or not.
        func record(epoch: Int, keep: Bool = true) -> Bool {
            let loss = surface.loss(m: m, b: b)
            let finite = loss.isFinite && m.isFinite && b.isFinite
            let stops = !finite || loss > ceiling
            if finite {
                let snapshot = Snapshot(epoch: epoch, step: step, m: m, b: b, loss: loss)
                each?(snapshot)
                if keep || stops { snapshots.append(snapshot); skipped = nil } else { skipped = snapshot }
            } else if let last = skipped {
                // The run ends on the last finite point, as a run keeping every update would.
                snapshots.append(last)
            }
            if stops {
                diverged = epoch
                divergedStep = step
                return false
            }
            return true
        }

        switch config.optimizer {
        case .batch:
            for epoch in stride(from: 1, through: config.epochs, by: 1) {
                alpha = config.rate(epoch: epoch - 1)
                let g = surface.gradient(m: m, b: b)
                if !bOnly { m -= alpha * g.dm }
                b -= alpha * g.db
                step += 1
                if !record(epoch: epoch) { break }
            }
        case .momentum(let beta), .nesterov(let beta):
            let nesterov = if case .nesterov = config.optimizer { true } else { false }
            var vm = 0.0, vb = 0.0
            for epoch in stride(from: 1, through: config.epochs, by: 1) {
                alpha = config.rate(epoch: epoch - 1)
                let g = surface.gradient(m: m, b: b)
                vm = beta * vm + g.dm
                vb = beta * vb + g.db
                if !bOnly { m -= alpha * (nesterov ? g.dm + beta * vm : vm) }
                b -= alpha * (nesterov ? g.db + beta * vb : vb)
                step += 1
                if !record(epoch: epoch) { break }
            }
        case .adam(let beta1, let beta2):
            let eps = 1e-8
            var m1 = (m: 0.0, b: 0.0), m2 = (m: 0.0, b: 0.0)
            for epoch in stride(from: 1, through: config.epochs, by: 1) {
                alpha = config.rate(epoch: epoch - 1)
                let g = surface.gradient(m: m, b: b)
                m1 = (beta1 * m1.m + (1 - beta1) * g.dm, beta1 * m1.b + (1 - beta1) * g.db)
                m2 = (beta2 * m2.m + (1 - beta2) * g.dm * g.dm, beta2 * m2.b + (1 - beta2) * g.db * g.db)
                // torch.optim.Adam's order of operations: step = α / (1 − β1ᵗ), denominator √v / √(1 − β2ᵗ) + ε.
                let stepSize = alpha / (1 - pow(beta1, Double(epoch)))
                let root2 = (1 - pow(beta2, Double(epoch))).squareRoot()
                if !bOnly { m -= stepSize * (m1.m / (m2.m.squareRoot() / root2 + eps)) }
                b -= stepSize * (m1.b / (m2.b.squareRoot() / root2 + eps))
                step += 1
                if !record(epoch: epoch) { break }
            }
        case .sgd, .minibatch:
            let size: Int
            if case .minibatch(let s) = config.optimizer { size = min(max(s, 1), data.count) } else { size = 1 }
            var rng = SplitMix64(seed: config.seed ^ 0x5348_5546_464C_4521)  // "SHUFFLE!": its own stream
            var order = EpochOrder(count: data.count)
            var ahead = EpochOrder.Ahead()
            let perEpoch = (data.count + size - 1) / size
            let total = perEpoch * config.epochs
            // Per update: every `every`-th update is kept (and the last).
            let every = config.interval == .step ? max(1, (total + snapshotLimit - 1) / snapshotLimit) : 0
            training: for epoch in stride(from: 1, through: config.epochs, by: 1) {
                alpha = config.rate(epoch: epoch - 1)
                order.reshuffle(&rng)
                ahead.reset()
                var start = 0
                while start < order.count {
                    let end = min(start + size, order.count)
                    var sx = 0.0, s1 = 0.0
                    for k in start..<end {
                        let (x, y) = ahead.point(k, order, data)
                        let r = y - (m * x + b)
                        sx += x * r
                        s1 += r
                    }
                    let scale = -2 / Double(end - start)
                    if !bOnly { m -= alpha * (scale * sx) }
                    b -= alpha * (scale * s1)
                    step += 1
                    start = end
                    // Per update: every update is looked at (the history, divergence), every `every`-th kept.
                    if every > 0 {
                        if !record(epoch: epoch, keep: step % every == 0 || step == total) { break training }
                    } else if start == order.count, !record(epoch: epoch) {
                        break training
                    }
                }
            }
        }

        let limit: Double?
        switch (config.optimizer, bOnly) {
        case (_, true) where config.optimizer == .batch: limit = LossSurface.bOnlyStabilityLimit
        case (.batch, _): limit = surface.stabilityLimit
        default: limit = nil
        }
        return TrainingResult(snapshots: snapshots, leastSquares: surface.leastSquares, divergedAtEpoch: diverged,
                              divergedAtUpdate: config.interval == .step && config.optimizer.isStochastic ? divergedStep : nil,
                              stabilityLimit: limit, epochsRequested: config.epochs, surface: surface, config: config)
    }
}
