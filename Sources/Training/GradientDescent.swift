/// Gradient descent on J(m, b) = 1/n Σ (yᵢ − (m·xᵢ + b))²: epoch after epoch, each update asks the
/// run's ``Optimizer`` for the step θ ← θ + Δθ, given the gradient (of every point, or of a shuffled batch
/// for a stochastic optimizer) and the Hessian.
public enum GradientDescent {
    /// A run stops at the first loss above this multiple of the initial loss (or non-finite).
    public static let divergenceFactor = 1e10
    /// At most about this many snapshots of a per-update run are kept: every s-th update, s = ⌈updates / limit⌉,
    /// and the last, so 10⁸ updates take megabytes, not gigabytes (frames and traces can show no more).
    public static let snapshotLimit = 100_000

    /// Runs `config` on `data`. A full-batch optimizer costs O(1) per epoch (the loss surface's statistics);
    /// a stochastic one costs O(batch) per update and O(1) per recorded loss.
    ///
    /// `each` hears every snapshot of the run's history as it is made, the start first: one per epoch, or
    /// one per update for a per-update run, including the updates a long run does not keep
    /// (``snapshotLimit``), so a history can be written whole in constant memory.
    ///
    /// - Throws: ``LossSurface/SetupError`` when the data has no line to fit, the start's loss overflows,
    ///   or the optimizer needs the Hessian and it is singular.
    public static func run(_ data: Dataset, _ config: TrainingConfig, each: ((Snapshot) -> Void)? = nil) throws(LossSurface.SetupError) -> TrainingResult {
        let surface = try LossSurface(data)
        let bOnly = config.fixedM != nil
        let hessian = bOnly ? Hessian.bOnly : surface.hessian
        if type(of: config.optimizer.rule).usesHessian && !hessian.isInvertible { throw .singularHessian }
        var run = try Run(data: data, config: config, surface: surface, hessian: hessian, each: each)
        var rule = config.optimizer.rule
        rule.descend(&run)

        // Only batch descent has a stability limit of its own: the others' depends on the batch or the rule.
        let limit: Double? = config.optimizer != .batch ? nil : bOnly ? LossSurface.bOnlyStabilityLimit : surface.stabilityLimit
        return TrainingResult(snapshots: run.snapshots, leastSquares: surface.leastSquares, divergedAtEpoch: run.diverged,
                              divergedAtUpdate: config.interval == .step && config.optimizer.isStochastic ? run.divergedStep : nil,
                              stabilityLimit: limit, epochsRequested: config.epochs, surface: surface, config: config)
    }

    /// One run as it goes: the settings, the snapshots made so far and where it diverged. An
    /// ``OptimizerRule`` hands itself to ``descend(_:)`` (through ``OptimizerRule/descend(_:)``), which
    /// runs the epochs; nothing else needs this type.
    public struct Run {
        let data: Dataset
        let config: TrainingConfig
        let surface: LossSurface
        let hessian: Hessian
        let each: ((Snapshot) -> Void)?
        let bOnly: Bool
        /// The loss above which the run stops.
        let ceiling: Double
        /// The parameters at the last snapshot made.
        private(set) var m: Double, b: Double
        private(set) var snapshots: [Snapshot]
        private(set) var diverged: Int?, divergedStep: Int?
        /// The last snapshot made but not kept (a long per-update run): kept after all if the next update's
        /// loss is not finite, so the run ends on its last finite point.
        private var skipped: Snapshot?

        init(data: Dataset, config: TrainingConfig, surface: LossSurface, hessian: Hessian, each: ((Snapshot) -> Void)?) throws(LossSurface.SetupError) {
            (self.data, self.config, self.surface, self.hessian, self.each) = (data, config, surface, hessian, each)
            bOnly = config.fixedM != nil
            m = config.fixedM ?? config.initialM
            b = config.initialB
            let initialLoss = surface.loss(m: m, b: b)
            guard initialLoss.isFinite else { throw .startOverflow(m: m, b: b) }
            ceiling = initialLoss * divergenceFactor
            snapshots = [Snapshot(epoch: 0, step: 0, m: m, b: b, loss: initialLoss)]
            snapshots.reserveCapacity(min(config.epochs, snapshotLimit) + 1)
            each?(snapshots[0])
        }

        /// Makes the snapshot of (m, b) after `step` updates, keeps it if `keep` (or it is the last), and
        /// reports whether the run may go on: a run stops at its first non-finite or exploding loss, kept or not.
        @inline(never)   // once an epoch, or once an update of a per-update run: kept out of the loop's registers
        mutating func record(epoch: Int, step: Int, m: Double, b: Double, keep: Bool = true) -> Bool {
            (self.m, self.b) = (m, b)
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

        /// Every epoch of the run with `rule`: one update per epoch from the full gradient, or, for a
        /// stochastic rule, one per batch of shuffled points.
        @inline(__always)
        mutating func descend<Rule: OptimizerRule>(_ rule: inout Rule) {
            if Rule.isStochastic { descendByBatches(&rule) } else { descendByEpochs(&rule) }
        }

        /// One update an epoch, from the loss surface's gradient in O(1).
        private mutating func descendByEpochs<Rule: OptimizerRule>(_ rule: inout Rule) {
            // Local copies: the loop reads constants that no call can change (`self` is inout).
            let surface = surface, config = config, hessian = hessian, bOnly = bOnly
            var m = self.m, b = self.b
            for epoch in stride(from: 1, through: config.epochs, by: 1) {
                var g = surface.gradient(m: m, b: b)
                if bOnly { g.dm = 0 }
                let update = rule.step(g, StepContext(rate: config.rate(epoch: epoch - 1), update: epoch, hessian: hessian))
                if !bOnly { m += update.change.m }
                b += update.change.b
                if !record(epoch: epoch, step: epoch, m: m, b: b) { break }
            }
        }

        /// ⌈n / batch⌉ updates an epoch, each from the gradient of its batch of points, visited in an
        /// order reshuffled every epoch (``EpochOrder``).
        private mutating func descendByBatches<Rule: OptimizerRule>(_ rule: inout Rule) {
            // Local copies: the loop reads constants that no call can change (`self` is inout), so the
            // points' buffers are not looked up again around every call.
            let data = data, config = config, hessian = hessian, bOnly = bOnly
            let size = min(max(rule.pointsPerUpdate, 1), data.count)
            var rng = SplitMix64(seed: config.seed ^ 0x5348_5546_464C_4521)  // "SHUFFLE!": its own stream
            var order = EpochOrder(count: data.count)
            var ahead = EpochOrder.Ahead()
            let perEpoch = (data.count + size - 1) / size
            let total = perEpoch * config.epochs
            // Per update: every `every`-th update is kept (and the last).
            let every = config.interval == .step ? max(1, (total + snapshotLimit - 1) / snapshotLimit) : 0
            var m = self.m, b = self.b, step = 0
            training: for epoch in stride(from: 1, through: config.epochs, by: 1) {
                let alpha = config.rate(epoch: epoch - 1)
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
                    step += 1
                    let update = rule.step((dm: bOnly ? 0 : scale * sx, db: scale * s1), StepContext(rate: alpha, update: step, hessian: hessian))
                    if !bOnly { m += update.change.m }
                    b += update.change.b
                    start = end
                    // Per update: every update is looked at (the history, divergence), every `every`-th kept.
                    if every > 0 {
                        if !record(epoch: epoch, step: step, m: m, b: b, keep: step % every == 0 || step == total) { break training }
                    } else if start == order.count, !record(epoch: epoch, step: step, m: m, b: b) {
                        break training
                    }
                }
            }
        }
    }
}
