import Training

extension Plan {
    /// The history of the run (``history``) as a file's text: CSV (`epoch,m,b,loss`, plus `step` for a
    /// per-update history and `lr` under a learning-rate schedule) or JSON with every setting of the run and the least-squares optimum. `mode`
    /// is what the JSON records as the mode (default: the visual's scene).
    ///
    /// - Parameters:
    ///   - json: JSON with the settings and the optimum; false for CSV.
    ///   - mode: The mode the JSON records (the command line's `all` draws four scenes).
    public func historyText(json: Bool, mode: String? = nil) -> String {
        let run = history, v = visual, bOnly = main == nil
        let perStep = v.snapshot == .step && v.optimizer != .batch
        let rate: ((Snapshot) -> Double)? = run.config.schedule == .constant ? nil : { run.rate(at: $0) }
        guard json else { return History.csv(run.snapshots, includeStep: perStep, rate: rate) }
        var parameters: [(String, JSONValue)] = [
            ("source", .string(data.source)),
            ("points", .int(data.count)),
            ("mode", .string(mode ?? v.scene.rawValue)),
            ("run", .string(bOnly ? "b-only" : "m and b")),
            ("optimizer", .string(v.optimizer.rawValue)),
            ("batchSize", v.optimizer == .minibatch ? .int(v.batchSize) : .null),
            ("snapshot", .string(v.snapshot.rawValue)),
            ("lr", .number(v.learningRate)),
            ("lrSchedule", .string(v.schedule.description)),
            ("epochs", .int(v.epochs)),
            ("seed", .int(Int(truncatingIfNeeded: v.seed))),
            ("initM", .number(v.initialM)),
            ("initB", .number(v.initialB)),
            ("fixedM", bOnly ? .number(run.snapshots[0].m) : .null),
            ("divergedAtEpoch", run.divergedAtEpoch.map { .int($0) } ?? .null),
            ("stabilityLimit", run.stabilityLimit.map { .number($0) } ?? .null),
        ]
        if case .file(_, let x, let y) = v.data {
            parameters.insert(("xColumn", x.map { .string($0.text) } ?? .null), at: 2)
            parameters.insert(("yColumn", y.map { .string($0.text) } ?? .null), at: 3)
        }
        return History.json(parameters: parameters, leastSquares: run.leastSquares, snapshots: run.snapshots, includeStep: perStep, rate: rate)
    }
}
