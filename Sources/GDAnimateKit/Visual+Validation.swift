extension Visual {
    /// Checks every setting on its own and against the others, before any data is read, and that each
    /// format's `OutputFormat.requirement` is met (the program it runs is installed); throws the first
    /// problem found. Checks that need the data (a batch larger than the points, a frame too small for
    /// the scene's panels) are made by ``Plan/init(_:data:scenes:threads:history:)``.
    public func validate() throws(VisualError) {
        guard learningRate.isFinite && learningRate > 0 else { throw VisualError("--lr must be a positive finite number (got \(learningRate))") }
        guard (1...Self.maximumEpochs).contains(epochs) else {
            throw VisualError("--epochs must be from 1 to \(Self.maximumEpochs) (got \(epochs))")
        }
        guard batchSize >= 1 else { throw VisualError("--batch-size must be at least 1 (got \(batchSize))") }
        for (flag, side) in [("--width", width), ("--height", height)] {
            if let side, !Self.sizeRange.contains(side) {
                throw VisualError("\(flag) must be from \(Self.sizeRange.lowerBound) to \(Self.sizeRange.upperBound) pixels (got \(side))")
            }
        }
        if let frames, !Self.frameRange.contains(frames) {
            throw VisualError("--frames must be from \(Self.frameRange.lowerBound) to \(Self.frameRange.upperBound) (got \(frames))")
        }
        for (flag, value) in [("--momentum", momentum), ("--beta1", beta1), ("--beta2", beta2), ("--rms-decay", rmsDecay)] where !(value.isFinite && value >= 0 && value < 1) {
            throw VisualError("\(flag) must be at least 0 and below 1 (got \(value))")
        }
        guard !compared.isEmpty else { throw VisualError("--optimizers names no optimizer") }
        guard compared.count <= 6 else { throw VisualError("--optimizers takes at most 6 (got \(compared.count))") }
        if let twice = compared.first(where: { o in compared.filter { $0 == o }.count > 1 }) {
            throw VisualError("--optimizers names \(twice.rawValue) twice")
        }
        try scene.definition.check(self)
        try checkFeatures(for: [scene])
        for s in [schedule] + (comparedSchedules ?? []) {
            try Self.check(s, learningRate: learningRate)
            if case .step(let every, _) = s, every >= epochs, epochs > 1 {
                throw VisualError("--lr-step \(every) is not below --epochs \(epochs): the rate would never drop")
            }
        }
        if comparedSchedules != nil && !scene.definition.options(self).contains(.comparedSchedules) {
            throw VisualError("--lr-schedules lists the schedules --mode compare shows; this is --mode \(scene.rawValue)")
        }
        if let schedules = comparedSchedules {
            guard (1...6).contains(schedules.count) else { throw VisualError("--lr-schedules takes 1 to 6 schedules (got \(schedules.count))") }
            if let twice = schedules.first(where: { s in schedules.filter { $0 == s }.count > 1 }) {
                throw VisualError("--lr-schedules names \(twice.name) twice")
            }
        }
        if let rates = sweepRates {
            if let bad = rates.first(where: { !($0.isFinite && $0 > 0) }) { throw VisualError("--lrs: '\(bad)' is not a positive learning rate") }
            guard (1...6).contains(rates.count) else { throw VisualError("--lrs takes 1 to 6 rates (got \(rates.count))") }
        }
        if let name {
            guard !name.isEmpty else { throw VisualError("--name is empty; give the files a name, or leave --name out for the mode's") }
            guard !name.contains("/"), name != ".", name != ".." else {
                throw VisualError("--name must be a plain file name without '/' (got '\(name)')")
            }
        }
        guard Self.fpsRange.contains(timing.fps) else {
            throw VisualError("--fps must be from 1 to 50 (got \(timing.fps)): GIF delays are whole centiseconds and browsers slow anything faster")
        }
        guard timing.holdEnd.isFinite && (0...60).contains(timing.holdEnd) else { throw VisualError("--hold must be from 0 to 60 seconds (got \(timing.holdEnd))") }
        guard timing.holdStart.isFinite && (0...60).contains(timing.holdStart) else { throw VisualError("--hold must be from 0 to 60 seconds (got \(timing.holdStart))") }
        guard (0...65535).contains(timing.loop) else { throw VisualError("--loop must be from 0 (forever) to 65535 (got \(timing.loop))") }
        guard camera.elevation.isFinite && camera.elevation > -90 && camera.elevation < 90 else {
            throw VisualError("--elevation must be above -90 and below 90 degrees (got \(camera.elevation)): straight up or down the box has no depth to show")
        }
        for (flag, value) in [("--azimuth", camera.azimuth ?? 0), ("--orbit", camera.orbit)] where !(value.isFinite && abs(value) <= 3600) {
            throw VisualError("\(flag) must be a number of degrees from -3600 to 3600 (got \(value))")
        }
        for (flag, value) in [("--init-m", initialM), ("--init-b", initialB), ("--fixed-m", fixedM ?? 0)] where !value.isFinite {
            throw VisualError("\(flag) must be a finite number (got \(value))")
        }
        if Set(formats).count != formats.count { throw VisualError("--format names a format twice") }
        for format in formats {
            do { try format.checkRequirement() } catch { throw VisualError("--format \(format.name): \(error)") }
        }
    }

    /// A schedule's settings: a step of at least one epoch, a positive factor, a floor below the rate, a
    /// decay that is not negative.
    static func check(_ s: LearningRateSchedule, learningRate: Double) throws(VisualError) {
        switch s {
        case .constant: break
        case .step(let every, let gamma):
            guard every >= 1 else { throw VisualError("--lr-step must be at least 1 epoch (got \(every))") }
            guard gamma.isFinite && gamma > 0 else { throw VisualError("--lr-gamma must be a positive finite number (got \(gamma))") }
        case .exponential(let gamma):
            guard gamma.isFinite && gamma > 0 else { throw VisualError("--lr-gamma must be a positive finite number (got \(gamma))") }
        case .cosine(let minimum):
            guard minimum.isFinite && minimum >= 0 && minimum < learningRate else {
                throw VisualError("--lr-min must be at least 0 and below --lr \(learningRate) (got \(minimum))")
            }
        case .inverse(let decay):
            guard decay.isFinite && decay >= 0 else { throw VisualError("--lr-decay must be a finite number of at least 0 (got \(decay))") }
        }
    }
}

extension Visual {
    /// Checks that `kinds` can draw a model of this visual's features, and that one-feature settings are
    /// not given to several.
    func checkFeatures(for kinds: [SceneKind]) throws(VisualError) {
        let p = featureCount
        guard p > 1 else { return }
        let names = parameterNames.joined(separator: ", ")
        if let kind = kinds.first(where: { !$0.definition.drawsSeveralFeatures }) {
            let able = SceneKind.allCases.filter(\.definition.drawsSeveralFeatures).map { "--mode \($0.rawValue)" }.joined(separator: ", ")
            throw VisualError("--mode \(kind.rawValue) draws the line ŷ = m·x + b of one feature, but the data has \(p) features (θ = \(names)); \(able) show\(able.contains(",") ? "" : "s") their descent")
        }
        if fixedM != nil {
            throw VisualError("--fixed-m holds the slope m of one feature, but the data has \(p) features (θ = \(names))")
        }
    }
}
