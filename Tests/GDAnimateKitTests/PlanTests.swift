import Foundation
import Testing
@testable import GDAnimateKit
import Rasterizer

/// The plan: which runs a visual trains, at which rates, with which labels and frame sizes, and the
/// refusals that need the data.
struct PlanTests {
    static let data = Preset.linear.generate(seed: 0)

    /// 2/λmax of the loss's Hessian [[2·mean x², 2·mean x], [2·mean x, 2]], computed here from the points.
    static func stabilityLimit(_ d: Dataset) -> Double {
        let n = Double(d.count)
        let sxx = d.xs.map { $0 * $0 }.reduce(0, +) / n, sx = d.xs.reduce(0, +) / n
        let a = 2 * sxx, b = 2 * sx, c = 2.0
        let lambdaMax = (a + c) / 2 + (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot()
        return 2 / lambdaMax
    }

    @Test func lrSweepRunsTheDefaultFactorsOfTheStabilityLimit() throws {
        let plan = try Plan(Visual(scene: .lrSweep), data: Self.data)
        let runs = plan.scenes[0].input.runs
        let limit = Self.stabilityLimit(Self.data)
        #expect(runs.count == LearningRateSweep.defaultFactors.count)
        for (run, factor) in zip(runs, LearningRateSweep.defaultFactors) {
            #expect(abs(run.result.config.learningRate - factor * limit) <= 1e-12 * limit)
            #expect(run.label.hasSuffix("(\(NumberFormat.significant(factor)) × 2/λmax)"))
        }
        let last = runs.last!.result
        #expect(last.final.loss > last.snapshots[0].loss && runs.first!.result.divergedAtEpoch == nil)
        // The sweep shows divergence on purpose: no warning for it.
        #expect(plan.warnings.isEmpty)
    }

    @Test func compareTrainsEachOptimizerOnceAndReusesTheMainRun() throws {
        var v = Visual(scene: .compare)
        v.compared = [.batch, .adam, .sgd]
        let plan = try Plan(v, data: Self.data)
        let runs = plan.scenes[0].input.runs
        // One run an optimizer, in the order given, each at the visual's rate and for its epochs.
        #expect(runs.map(\.label) == ["batch", "Adam", "SGD"])
        #expect(runs.allSatisfy { $0.result.config.learningRate == 0.1 && $0.result.snapshots.count == 101 })
        #expect(runs[0].result.snapshots == plan.main!.snapshots)
        #expect(plan.scenes[0].width == 960 && plan.scenes[0].height == 540)
    }

    /// The optimizers added through the registry compare like the others, each with its own settings.
    @Test func compareRunsRMSpropAdagradAndNewton() throws {
        var v = Visual(scene: .compare)
        (v.compared, v.rmsDecay, v.learningRate) = ([.batch, .rmsprop, .adagrad, .newton], 0.9, 1)
        let runs = try Plan(v, data: Self.data).scenes[0].input.runs
        #expect(runs.map(\.label) == ["batch", "RMSprop", "Adagrad", "Newton"])
        #expect(runs[1].result.config.optimizer == .rmsprop(decay: 0.9))
        let newton = runs[3].result, best = newton.leastSquares
        #expect(abs(newton.snapshots[1].m - best.m) < 1e-12 && abs(newton.snapshots[1].b - best.b) < 1e-12, "α = 1: one step")
    }

    @Test func bOnlyRunsOnlyWhereAScenesShowsThem() throws {
        #expect(try Plan(Visual(scene: .bsweep), data: Self.data).main == nil)
        #expect(try Plan(Visual(scene: .contour), data: Self.data).bOnly == nil)
        let all = try Plan(Visual(), data: Self.data, scenes: SceneKind.single)
        #expect(all.main != nil && all.bOnly != nil && all.scenes.map(\.name) == ["line", "loss", "bsweep", "contour"])
        var dashboard = Visual(scene: .dashboard)
        dashboard.fixedM = 2.5
        let d = try Plan(dashboard, data: Self.data)
        #expect(d.bOnly!.snapshots[0].m == 2.5 && d.scenes[0].height == 720)
        var none = Visual(scene: .contour)
        none.formats = []
        #expect(try Plan(none, data: Self.data).scenes.isEmpty)
        none.poster = true   // a poster alone is drawn
        #expect(try Plan(none, data: Self.data).scenes.count == 1)
    }

    @Test func refusalsThatNeedTheData() throws {
        var v = Visual(scene: .line)
        v.optimizer = .minibatch
        v.batchSize = 101
        #expect(throws: VisualError.batchLargerThanData(batchSize: 101, points: 100)) { try Plan(v, data: Self.data) }
        // A comparison of schedules trains none of the compared optimizers (minibatch among them): the
        // batch size is idle, said rather than refused.
        var schedules = Visual(scene: .compare)
        (schedules.comparedSchedules, schedules.batchSize) = ([.constant, .cosine(minimum: 0)], 101)
        #expect(try Plan(schedules, data: Self.data).warnings.contains { if case .unused(.batchSize, _, _) = $0 { true } else { false } })
        var small = Visual(scene: .lrSweep)
        small.width = 320
        small.height = 240
        // The sweep's four panels need 400×360 (the command line's error contract says so too).
        #expect(throws: VisualError.frameTooSmall(scene: .lrSweep, panels: 4, least: .init(width: 400, height: 360), given: .init(width: 320, height: 240))) {
            try Plan(small, data: Self.data)
        }
        var named = Visual(scene: .contour)
        named.name = "loss"
        #expect(throws: VisualError.sameFileName("loss")) { try Plan(named, data: Self.data, scenes: [.contour, .loss]) }
        #expect(try Plan(Visual(scene: .bsweep), data: Self.data, scenes: [.bsweep, .compare, .scaling]).scenes.count == 3)
        let unpaired = Dataset(xs: [1, 2, 3], ys: [1, 2], source: "mine")
        #expect(throws: VisualError.unfittable(source: "mine", problem: "3 x values but 2 y values; give one y for each x")) { try Plan(Visual(), data: unpaired) }
        let flat = Dataset(xs: [1, 1, 1], ys: [1, 2, 3], source: "flat")
        #expect(throws: VisualError.self) { try Plan(Visual(), data: flat) }
    }

    @Test func divergenceIsAWarningNamingTheLimit() throws {
        var v = Visual()
        v.learningRate = 0.6
        let plan = try Plan(v, data: Self.data)
        #expect(plan.warnings.count == 1)
        guard case .diverged(let d) = plan.warnings.first else { Issue.record("\(plan.warnings)"); return }
        #expect(d.run == .main && d.learningRate == 0.6 && d.stabilityLimit == Self.stabilityLimit(Self.data))
        #expect(plan.warnings[0].description.contains("2/λmax = \(NumberFormat.plain(Self.stabilityLimit(Self.data)))"))
    }

    @Test func validationNamesTheProperty() {
        var v = Visual()
        v.learningRate = -1
        #expect(throws: VisualError.invalid(property: .learningRate, value: "-1.0", requirement: "a positive finite number")) { try v.validate() }
        v = Visual()
        v.compared = [.sgd, .sgd]
        #expect(throws: VisualError.repeated(property: .compared, item: "sgd")) { try v.validate() }
        v = Visual()
        v.rmsDecay = 1
        #expect(throws: VisualError.invalid(property: .rmsDecay, value: "1.0", requirement: "at least 0 and below 1")) { try v.validate() }
        v = Visual()
        v.timing.fps = 60
        #expect(throws: VisualError.invalid(property: .fps, value: "60", requirement: "from 1 to 50",
                                            reason: "GIF delays are whole centiseconds and browsers slow anything faster")) { try v.validate() }
        v = Visual()
        v.name = "a/b"
        #expect(throws: VisualError.invalid(property: .name, value: "'a/b'", requirement: "a plain file name without '/'")) { try v.validate() }
        #expect(throws: Never.self) { try Visual().validate() }
    }
}

/// A Swift program is told about its properties, never about the command line's options.
struct LibraryWordsTests {
    /// One visual per refusal `validate()` makes, with the property each must name.
    static let refusals: [(Visual.Property, @Sendable (inout Visual) -> Void)] = [
        (.learningRate, { $0.learningRate = -1 }), (.epochs, { $0.epochs = 0 }), (.batchSize, { $0.batchSize = 0 }),
        (.width, { $0.width = 10 }), (.height, { $0.height = 5000 }), (.frames, { $0.frames = 1 }),
        (.momentum, { $0.momentum = 1 }), (.beta1, { $0.beta1 = -0.1 }), (.beta2, { $0.beta2 = .nan }), (.rmsDecay, { $0.rmsDecay = 1 }),
        (.compared, { $0.compared = [] }), (.compared, { $0.compared = [.sgd, .sgd] }),
        (.scheduleEvery, { $0.schedule = .step(every: 0, gamma: 0.5) }), (.scheduleGamma, { $0.schedule = .exponential(gamma: -1) }),
        (.scheduleMinimum, { $0.schedule = .cosine(minimum: 0.5) }), (.scheduleDecay, { $0.schedule = .inverse(decay: -1) }),
        (.scheduleEvery, { $0.schedule = .step(every: 100, gamma: 0.5) }),
        (.comparedSchedules, { $0.comparedSchedules = [.constant] }),
        (.sweepRates, { $0.sweepRates = [0.1, -2] }), (.sweepRates, { $0.sweepRates = [] }),
        (.name, { $0.name = "" }), (.name, { $0.name = "a/b" }),
        (.fps, { $0.timing.fps = 0 }), (.holdEnd, { $0.timing.holdEnd = 61 }), (.holdStart, { $0.timing.holdStart = -1 }),
        (.loop, { $0.timing.loop = -1 }), (.elevation, { $0.camera.elevation = 90 }), (.azimuth, { $0.camera.azimuth = .infinity }),
        (.orbit, { $0.camera.orbit = -1e9 }), (.initialM, { $0.initialM = .nan }), (.initialB, { $0.initialB = .infinity }),
        (.fixedM, { $0.fixedM = -.infinity }), (.formats, { $0.formats = [.gif, .gif] }),
        (.snapshot, { $0.scene = .compare; $0.snapshot = .step }), (.optimizer, { $0.scene = .steps; $0.optimizer = .adam }),
    ]

    @Test(arguments: refusals.indices)
    func everyRefusalNamesItsPropertyAndNoOption(_ i: Int) {
        let (property, change) = Self.refusals[i]
        var v = Visual()
        change(&v)
        let error = #expect(throws: VisualError.self) { try v.validate() }
        let message = error?.description ?? ""
        #expect(message.contains(property.description), "\(message)")
        // No word of the command line: an option is "--" and a letter.
        #expect(message.range(of: "--[a-z]", options: .regularExpression) == nil, "\(message)")
    }

    @Test func messagesInTheLibrarysWords() {
        var v = Visual()
        v.learningRate = -1
        #expect(throws: VisualError.self) { try v.validate() }
        do { try v.validate() } catch { #expect(error.description == "learningRate must be a positive finite number (got -1.0)") }
        v = Visual()
        v.timing.fps = 60
        do { try v.validate() } catch {
            #expect(error.description == "timing.fps must be from 1 to 50 (got 60): GIF delays are whole centiseconds and browsers slow anything faster")
        }
        v = Visual(scene: .steps)
        v.optimizer = .adam
        do { try v.validate() } catch { #expect(error == .stepsNeedsBatch(optimizer: .adam) && error.description.contains("use optimizer batch")) }
    }

    @Test func warningsAreTypedAndNameProperties() throws {
        let data = Preset.linear.generate(seed: 0)
        var v = Visual(scene: .contour)
        (v.markBest, v.batchSize, v.camera.orbit) = (true, 5, 90)
        let warnings = try Plan(v, data: data).warnings
        #expect(warnings == [.unused(.camera, scenes: [.contour], runs: [.batch]), .unused(.batchSize, scenes: [.contour], runs: [.batch]),
                             .unused(.markBest, scenes: [.contour], runs: [.batch])])
        #expect(warnings.map(\.description) == [
            "camera places the camera of the 3-D surface, which scene contour does not show",
            "batchSize sets the batches of optimizer minibatch, which scene contour does not use (it runs batch)",
            "markBest stars the lowest loss on a loss curve, which scene contour does not show",
        ])
        v = Visual()
        v.learningRate = 0.6
        let diverged = try Plan(v, data: data).warnings
        #expect(diverged.count == 1 && diverged[0].description.contains("learningRate is 0.6") && !diverged[0].description.contains("--"))
    }
}
