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
        let run = history, form = HistoryForm(visual, run: run)
        let names = visual.parameterNames
        guard json else { return History.csv(run.snapshots, names: names, includeStep: form.includeStep, rate: form.rate) }
        return History.json(parameters: historyParameters(mode: mode), optimum: run.model.optimum!, names: names, snapshots: run.snapshots,
                            includeStep: form.includeStep, rate: form.rate)
    }

    /// The JSON history's `parameters`: every setting of the run, where the data came from, and whether and
    /// where it diverged.
    func historyParameters(mode: String?) -> [(String, JSONValue)] {
        let run = history, v = visual, bOnly = main == nil
        var parameters: [(String, JSONValue)] = [
            ("source", .string(data.source)),
            ("points", .int(data.count)),
            ("mode", .string(mode ?? v.scene.rawValue)),
            ("run", .string(bOnly ? "b-only" : v.featureCount == 1 ? "m and b" : v.parameterNames.joined(separator: ", "))),
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
        if v.featureCount > 1 || v.standardize {
            parameters.insert(("features", .string(data.featureNames.joined(separator: ","))), at: 2)
            parameters.insert(("standardized", .bool(v.standardize || v.degree != nil)), at: 3)
        }
        // The overfitting lecture's settings, only when given (older histories keep their bytes).
        if let degree = v.degree { parameters.append(("degree", .int(degree))) }
        if let validation = v.validation { parameters.append(("validation", .number(validation))) }
        if let held = data.heldOut { parameters.append(("validationPoints", .int(held.count))) }
        if let penalty = v.penalty {
            parameters.append(("penalty", .string(penalty.kind.rawValue)))
            parameters.append(("lambda", .number(penalty.lambda)))
            if penalty.kind == .elastic { parameters.append(("l1Ratio", .number(penalty.l1Ratio))) }
        }
        if case .file(_, let x, let y) = v.data {
            parameters.insert(("xColumn", x.map { .string(([$0] + v.extraXColumns).map(\.text).joined(separator: ",")) } ?? .null), at: 2)
            parameters.insert(("yColumn", y.map { .string($0.text) } ?? .null), at: 3)
        }
        return parameters
    }
}

/// The columns of a run's history: `step` for a per-update run, `lr` under a learning-rate schedule.
struct HistoryForm {
    let includeStep: Bool
    let rate: ((Snapshot) -> Double)?

    init(_ visual: Visual, run config: TrainingConfig) {
        includeStep = visual.snapshot == .step && visual.optimizer != .batch
        rate = config.schedule == .constant ? nil : { config.rate(at: $0) }
    }

    init(_ visual: Visual, run: TrainingResult) { self.init(visual, run: run.config) }
}
