extension Visual {
    /// Checks every setting on its own and against the others, before any data is read, and that each
    /// format's `OutputFormat.requirement` is met (the program it runs is installed); throws the first
    /// problem found, naming the setting (``VisualError/invalid(property:value:requirement:reason:)``
    /// and the other cases). Checks that need the data (a batch larger than the points, a frame too
    /// small for the scene's panels) are made by ``Plan/init(_:data:scenes:threads:history:)``.
    public func validate() throws(VisualError) {
        func invalid(_ p: Property, _ value: Any, _ requirement: String, _ reason: String? = nil) -> VisualError {
            .invalid(property: p, value: "\(value)", requirement: requirement, reason: reason)
        }
        guard learningRate.isFinite && learningRate > 0 else { throw invalid(.learningRate, learningRate, "a positive finite number") }
        guard (1...Self.maximumEpochs).contains(epochs) else { throw invalid(.epochs, epochs, "from 1 to \(Self.maximumEpochs)") }
        guard batchSize >= 1 else { throw invalid(.batchSize, batchSize, "at least 1") }
        for (p, side) in [(Property.width, width), (.height, height)] {
            if let side, !Self.sizeRange.contains(side) {
                throw invalid(p, side, "from \(Self.sizeRange.lowerBound) to \(Self.sizeRange.upperBound) pixels")
            }
        }
        if let frames, !Self.frameRange.contains(frames) {
            throw invalid(.frames, frames, "from \(Self.frameRange.lowerBound) to \(Self.frameRange.upperBound)")
        }
        for (p, value) in [(Property.momentum, momentum), (.beta1, beta1), (.beta2, beta2), (.rmsDecay, rmsDecay)] where !(value.isFinite && value >= 0 && value < 1) {
            throw invalid(p, value, "at least 0 and below 1")
        }
        guard (1...6).contains(compared.count) else { throw .count(property: .compared, count: compared.count, allowed: 1...6) }
        if let twice = compared.first(where: { o in compared.filter { $0 == o }.count > 1 }) {
            throw .repeated(property: .compared, item: twice.rawValue)
        }
        try scene.definition.check(self)
        try checkFeatures(for: [scene])
        try checkAxes()
        try checkPenalty(for: [scene])
        if let degree, !PolynomialFeatures.degrees.contains(degree) {
            throw invalid(.degree, degree, "from \(PolynomialFeatures.degrees.lowerBound) to \(PolynomialFeatures.degrees.upperBound)")
        }
        if degree != nil, inputCount > 1 {
            throw .oneFeatureSetting(property: .degree, parameters: (1...inputCount).map { "w\($0)" } + ["b"])
        }
        if let validation, !(validation > 0 && validation < 1) {
            throw invalid(.validation, validation, "a fraction above 0 and below 1")
        }
        for s in [schedule] + (comparedSchedules ?? []) {
            try Self.check(s, learningRate: learningRate)
            if case .step(let every, _) = s, every >= epochs, epochs > 1 { throw .scheduleNeverDrops(every: every, epochs: epochs) }
        }
        if comparedSchedules != nil && !scene.definition.options(self).contains(.comparedSchedules) {
            throw .comparedSchedulesOutsideCompare(scene: scene)
        }
        if let schedules = comparedSchedules {
            guard (1...6).contains(schedules.count) else { throw .count(property: .comparedSchedules, count: schedules.count, allowed: 1...6) }
            if let twice = schedules.first(where: { s in schedules.filter { $0 == s }.count > 1 }) {
                throw .repeated(property: .comparedSchedules, item: twice.name)
            }
        }
        if let rates = sweepRates {
            if let bad = rates.first(where: { !($0.isFinite && $0 > 0) }) { throw invalid(.sweepRates, bad, "positive finite learning rates") }
            guard (1...6).contains(rates.count) else { throw .count(property: .sweepRates, count: rates.count, allowed: 1...6) }
        }
        if let name {
            guard !name.isEmpty else { throw .emptyName }
            guard !name.contains("/"), name != ".", name != ".." else { throw invalid(.name, "'\(name)'", "a plain file name without '/'") }
        }
        guard Self.fpsRange.contains(timing.fps) else {
            throw invalid(.fps, timing.fps, "from 1 to 50", "GIF delays are whole centiseconds and browsers slow anything faster")
        }
        guard timing.holdEnd.isFinite && (0...60).contains(timing.holdEnd) else { throw invalid(.holdEnd, timing.holdEnd, "from 0 to 60 seconds") }
        guard timing.holdStart.isFinite && (0...60).contains(timing.holdStart) else { throw invalid(.holdStart, timing.holdStart, "from 0 to 60 seconds") }
        guard (0...65535).contains(timing.loop) else { throw invalid(.loop, timing.loop, "from 0 (forever) to 65535") }
        guard camera.elevation.isFinite && camera.elevation > -90 && camera.elevation < 90 else {
            throw invalid(.elevation, camera.elevation, "above -90 and below 90 degrees", "straight up or down the box has no depth to show")
        }
        for (p, value) in [(Property.azimuth, camera.azimuth ?? 0), (.orbit, camera.orbit)] where !(value.isFinite && abs(value) <= 3600) {
            throw invalid(p, value, "a number of degrees from -3600 to 3600")
        }
        for (p, value) in [(Property.initialM, initialM), (.initialB, initialB), (.fixedM, fixedM ?? 0)] where !value.isFinite {
            throw invalid(p, value, "a finite number")
        }
        if let twice = formats.first(where: { f in formats.filter { $0 == f }.count > 1 }) { throw .repeated(property: .formats, item: twice.name) }
        for format in formats {
            do { try format.checkRequirement() } catch { throw .formatUnavailable(format: format.name, reason: "\(error)") }
        }
    }

    /// A schedule's settings: a step of at least one epoch, a positive factor, a floor below the rate, a
    /// decay that is not negative.
    static func check(_ s: LearningRateSchedule, learningRate: Double) throws(VisualError) {
        switch s {
        case .constant: break
        case .step(let every, let gamma):
            guard every >= 1 else { throw .invalid(property: .scheduleEvery, value: "\(every)", requirement: "at least 1 epoch") }
            guard gamma.isFinite && gamma > 0 else { throw .invalid(property: .scheduleGamma, value: "\(gamma)", requirement: "a positive finite number") }
        case .exponential(let gamma):
            guard gamma.isFinite && gamma > 0 else { throw .invalid(property: .scheduleGamma, value: "\(gamma)", requirement: "a positive finite number") }
        case .cosine(let minimum):
            guard minimum.isFinite && minimum >= 0 && minimum < learningRate else {
                throw .scheduleMinimumOutOfRange(minimum: minimum, learningRate: learningRate)
            }
        case .inverse(let decay):
            guard decay.isFinite && decay >= 0 else { throw .invalid(property: .scheduleDecay, value: "\(decay)", requirement: "a finite number of at least 0") }
        }
    }
}

extension Visual {
    /// Checks that `kinds` can draw a model of this visual's features, and that one-feature settings are
    /// not given to several.
    func checkFeatures(for kinds: [SceneKind]) throws(VisualError) {
        let p = featureCount
        guard p > 1 else { return }
        if let kind = kinds.first(where: { !$0.definition.drawsSeveralFeatures }) {
            let able = SceneKind.allCases.filter(\.definition.drawsSeveralFeatures)
            throw .oneFeatureScene(scene: kind, parameters: parameterNames, drawingSeveral: able)
        }
        if fixedM != nil { throw .oneFeatureSetting(property: .fixedM, parameters: parameterNames) }
    }

    /// Checks that `kinds` can draw a penalised run, when ``penalty`` is set.
    func checkPenalty(for kinds: [SceneKind]) throws(VisualError) {
        // Lasso's part is a proximal step at the rate α (ISTA): the fixed point of plain descent, not of a
        // rule that rescales or accumulates its steps, which would settle somewhere else.
        if let penalty, penalty.l1Weight > 0, ![.batch, .sgd, .minibatch].contains(optimizer) {
            throw .proximalNeedsPlainDescent(optimizer: optimizer, penalty: penalty.kind.rawValue)
        }
        guard penalty != nil, let kind = kinds.first(where: { !$0.definition.drawsPenalty }) else { return }
        throw .unpenalizedScene(scene: kind, drawingPenalty: SceneKind.allCases.filter(\.definition.drawsPenalty))
    }

    /// The indices in θ of the two weights a contour is drawn over (``axes``): (0, 1) by default, and for
    /// one feature, whose only pair is (m, b).
    var axisIndices: [Int] {
        guard let axes, featureCount > 1 else { return [0, 1] }
        return axes.map { parameterNames.firstIndex(of: $0)! }
    }

    /// Checks ``axes``: two different weights of this visual's model (b is held at its optimum, as the other
    /// weights are), or (m, b) for one feature.
    func checkAxes() throws(VisualError) {
        guard let axes else { return }
        let weights = featureCount == 1 ? ["m", "b"] : Array(parameterNames.dropLast())
        let text = axes.joined(separator: ",")
        let choices = featureCount == 1 ? "m,b, the only pair of one feature" : "two different weights of \(weights.joined(separator: ", "))"
        guard axes.count == 2, axes[0] != axes[1], axes.allSatisfy(weights.contains), featureCount > 1 || axes == weights else {
            throw .invalid(property: .axes, value: text, requirement: choices)
        }
    }
}
