/// Gradient descent on a model's loss J(θ), the line's J(m, b) = 1/n Σ (yᵢ − (m·xᵢ + b))² or that of
/// several features (``LinearRegression``): epoch after epoch, each update asks the
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
        try run(model: LinearRegression(data), config, each: each)
    }

    /// Runs `config` on `model`, any ``Model``: the loop is compiled for each model and optimizer, so an
    /// update calls both directly. `config.fixedM` holds θ₀ (the line's m) at that value.
    ///
    /// - Throws: ``LossSurface/SetupError`` when the start's loss overflows, or the optimizer needs the
    ///   Hessian and the model has none or it is singular.
    public static func run<M: Model>(model: M, _ config: TrainingConfig, each: ((Snapshot) -> Void)? = nil) throws(LossSurface.SetupError) -> TrainingResult {
        let bOnly = config.fixedM != nil
        let usesHessian = type(of: config.optimizer.rule).usesHessian
        var hessian = Hessian(SymmetricMatrix(size: model.parameterCount))
        // A Hessian that changes with θ (logistic regression's) is taken at the start here, and again at
        // every update by the epochs' loop.
        if let h = model.hessian ?? (usesHessian ? model.hessian(at: start(config, parameters: model.parameterCount)) : nil) {
            // Held fixed, m leaves the 1×1 matrix ∂²J/∂b² (2 for the mean squared error); otherwise the model's own.
            hessian = bOnly ? Hessian(h.matrix, held: [0]) : h
        } else if usesHessian {
            throw .singularHessian
        }
        if usesHessian && !hessian.isInvertible { throw .singularHessian }
        var run = try Run(model: model, config: config, hessian: hessian, each: each)
        var rule = config.optimizer.rule
        rule.descend(&run)

        // Only batch descent has a stability limit of its own: the others' depends on the batch or the rule.
        let limit: Double? = config.optimizer != .batch ? nil : bOnly ? LossSurface.bOnlyStabilityLimit : model.stabilityLimit
        return TrainingResult(snapshots: run.snapshots, model: model, divergedAtEpoch: run.diverged,
                              divergedAtUpdate: config.interval == .step && config.optimizer.isStochastic ? run.divergedStep : nil,
                              stabilityLimit: limit, epochsRequested: config.epochs, config: config)
    }

    /// The starting θ of `config` for a model of `parameters` parameters: (m₀ or the held m, b₀) for the
    /// line; every weight m₀ (the first the held m) and b₀ for several features.
    static func start(_ config: TrainingConfig, parameters k: Int) -> [Double] {
        var theta = [Double](repeating: config.initialM, count: k)
        theta[0] = config.fixedM ?? config.initialM
        theta[k - 1] = config.initialB
        return theta
    }

    /// One run as it goes: the settings, the snapshots made so far and where it diverged. An
    /// ``OptimizerRule`` hands itself to ``descend(_:)`` (through ``OptimizerRule/descend(_:)``), which
    /// runs the epochs; nothing else needs this type.
    public struct Run<M: Model> {
        let model: M
        let config: TrainingConfig
        let hessian: Hessian
        let each: ((Snapshot) -> Void)?
        let bOnly: Bool
        /// The loss above which the run stops.
        let ceiling: Double
        /// The parameters at the start.
        let theta: [Double]
        private(set) var snapshots: [Snapshot]
        private(set) var diverged: Int?, divergedStep: Int?
        /// The last snapshot made but not kept (a long per-update run): kept after all if the next update's
        /// loss is not finite, so the run ends on its last finite point. Its θ is copied into a buffer of
        /// its own, so that no update allocates.
        private var skipped: (epoch: Int, step: Int, loss: Double)?
        private var skippedTheta: [Double]

        init(model: M, config: TrainingConfig, hessian: Hessian, each: ((Snapshot) -> Void)?) throws(LossSurface.SetupError) {
            (self.model, self.config, self.hessian, self.each) = (model, config, hessian, each)
            bOnly = config.fixedM != nil
            theta = GradientDescent.start(config, parameters: model.parameterCount)
            skippedTheta = theta
            let initialLoss = model.loss(theta)
            guard initialLoss.isFinite else { throw .startOverflow(m: theta[0], b: theta[theta.count - 1]) }
            ceiling = initialLoss * divergenceFactor
            snapshots = [Snapshot(epoch: 0, step: 0, theta: theta, loss: initialLoss)]
            snapshots.reserveCapacity(min(config.epochs, snapshotLimit) + 1)
            each?(snapshots[0])
        }

        /// Makes the snapshot of θ after `step` updates, keeps it if `keep` (or it is the last), and
        /// reports whether the run may go on: a run stops at its first non-finite or exploding loss, kept or not.
        @inline(never)   // once an epoch, or once an update of a per-update run: kept out of the loop's registers
        mutating func record(epoch: Int, step: Int, theta: [Double], keep: Bool = true) -> Bool {
            let loss = model.loss(theta)
            let finite = loss.isFinite && theta.allSatisfy(\.isFinite)
            let stops = !finite || loss > ceiling
            if finite {
                if keep || stops {
                    let snapshot = Snapshot(epoch: epoch, step: step, theta: theta, loss: loss)
                    each?(snapshot)
                    snapshots.append(snapshot)
                    skipped = nil
                } else {
                    for i in theta.indices { skippedTheta[i] = theta[i] }
                    skipped = (epoch, step, loss)
                    each?(Snapshot(epoch: epoch, step: step, theta: skippedTheta, loss: loss))
                }
            } else if let last = skipped {
                // The run ends on the last finite point, as a run keeping every update would.
                snapshots.append(Snapshot(epoch: last.epoch, step: last.step, theta: skippedTheta, loss: last.loss))
            }
            if stops {
                diverged = epoch
                divergedStep = step
                return false
            }
            return true
        }

        /// θ ← θ + Δθ, leaving a held parameter (m of the b-only run) where it is.
        @inline(__always)
        private func apply(_ change: [Double], to theta: inout [Double]) {
            for i in theta.indices where !(bOnly && i == 0) { theta[i] += change[i] }
        }

        /// Every epoch of the run with `rule`: one update per epoch from the full gradient, or, for a
        /// stochastic rule, one per batch of shuffled points.
        @inline(__always)
        mutating func descend<Rule: OptimizerRule>(_ rule: inout Rule) {
            if Rule.isStochastic { descendByBatches(&rule) } else { descendByEpochs(&rule) }
        }

        /// One update an epoch, from the model's full gradient (O(k²) from its statistics).
        private mutating func descendByEpochs<Rule: OptimizerRule>(_ rule: inout Rule) {
            // Local copies: the loop reads constants that no call can change (`self` is inout).
            let model = model, config = config, bOnly = bOnly
            var hessian = hessian
            let varies = Rule.usesHessian && model.hessian == nil
            // The model's proximal step after each update (lasso's thresholding), if it has one; none in the
            // b-only run, which moves only the unpenalised b.
            let proximal = model.takesProximalSteps && !bOnly
            var theta = self.theta
            var g = [Double](repeating: 0, count: theta.count), change = g
            for epoch in stride(from: 1, through: config.epochs, by: 1) {
                if varies, epoch > 1, let h = model.hessian(at: theta) { hessian = bOnly ? Hessian(h.matrix, held: [0]) : h }
                model.gradient(theta, into: &g)
                if bOnly { g[0] = 0 }
                let alpha = config.rate(epoch: epoch - 1)
                rule.step(g, into: &change, StepContext(rate: alpha, update: epoch, hessian: hessian))
                apply(change, to: &theta)
                if proximal { model.proximal(&theta, rate: alpha) }
                if !record(epoch: epoch, step: epoch, theta: theta) { break }
            }
        }

        /// ⌈n / batch⌉ updates an epoch, each from the gradient of its batch of points, visited in an
        /// order reshuffled every epoch (``EpochOrder``).
        private mutating func descendByBatches<Rule: OptimizerRule>(_ rule: inout Rule) {
            // Local copies: the loop reads constants that no call can change (`self` is inout), so the
            // points' buffers are not looked up again around every call.
            let model = model, config = config, hessian = hessian, bOnly = bOnly
            let proximal = model.takesProximalSteps && !bOnly
            let n = model.count
            let size = min(max(rule.pointsPerUpdate, 1), n)
            var rng = SplitMix64(seed: config.seed ^ 0x5348_5546_464C_4521)  // "SHUFFLE!": its own stream
            var order = EpochOrder(count: n)
            var ahead = EpochOrder.Ahead()
            let perEpoch = (n + size - 1) / size
            let total = perEpoch * config.epochs
            // Per update: every `every`-th update is kept (and the last).
            let every = config.interval == .step ? max(1, (total + snapshotLimit - 1) / snapshotLimit) : 0
            var theta = self.theta, step = 0
            var g = [Double](repeating: 0, count: theta.count), change = g
            training: for epoch in stride(from: 1, through: config.epochs, by: 1) {
                let alpha = config.rate(epoch: epoch - 1)
                order.reshuffle(&rng)
                ahead.reset()
                var start = 0
                while start < order.count {
                    let end = min(start + size, order.count)
                    model.gradient(ofBatch: start..<end, order, &ahead, at: theta, into: &g)
                    if bOnly { g[0] = 0 }
                    step += 1
                    rule.step(g, into: &change, StepContext(rate: alpha, update: step, hessian: hessian))
                    apply(change, to: &theta)
                    if proximal { model.proximal(&theta, rate: alpha) }
                    start = end
                    // Per update: every update is looked at (the history, divergence), every `every`-th kept.
                    if every > 0 {
                        if !record(epoch: epoch, step: step, theta: theta, keep: step % every == 0 || step == total) { break training }
                    } else if start == order.count, !record(epoch: epoch, step: step, theta: theta) {
                        break training
                    }
                }
            }
        }
    }
}
