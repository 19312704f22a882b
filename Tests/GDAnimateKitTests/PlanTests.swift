import Foundation
import Testing
@testable import GDAnimateKit

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
        #expect(throws: VisualError("--batch-size 101 is larger than the data (100 points); give at most 100")) { try Plan(v, data: Self.data) }
        // A comparison of schedules trains none of the compared optimizers (minibatch among them): the
        // batch size is idle, said rather than refused.
        var schedules = Visual(scene: .compare)
        (schedules.comparedSchedules, schedules.batchSize) = ([.constant, .cosine(minimum: 0)], 101)
        #expect(try Plan(schedules, data: Self.data).warnings.contains { $0.hasPrefix("--batch-size sets the batches of --optimizer minibatch") })
        var small = Visual(scene: .lrSweep)
        small.width = 320
        small.height = 240
        #expect(throws: VisualError.self) { try Plan(small, data: Self.data) }
        var named = Visual(scene: .contour)
        named.name = "loss"
        #expect(throws: VisualError("two scenes would both write 'loss'; give each its own name")) { try Plan(named, data: Self.data, scenes: [.contour, .loss]) }
        #expect(try Plan(Visual(scene: .bsweep), data: Self.data, scenes: [.bsweep, .compare, .scaling]).scenes.count == 3)
        let unpaired = Dataset(xs: [1, 2, 3], ys: [1, 2], source: "mine")
        #expect(throws: VisualError("mine: 3 x values but 2 y values; give one y for each x")) { try Plan(Visual(), data: unpaired) }
        let flat = Dataset(xs: [1, 1, 1], ys: [1, 2, 3], source: "flat")
        #expect(throws: VisualError.self) { try Plan(Visual(), data: flat) }
    }

    @Test func divergenceIsAWarningNamingTheLimit() throws {
        var v = Visual()
        v.learningRate = 0.6
        let plan = try Plan(v, data: Self.data)
        #expect(plan.warnings.count == 1)
        #expect(plan.warnings[0].contains("2/λmax = \(NumberFormat.plain(Self.stabilityLimit(Self.data)))"))
    }

    @Test func validationNamesTheOption() {
        var v = Visual()
        v.learningRate = -1
        #expect(throws: VisualError("--lr must be a positive finite number (got -1.0)")) { try v.validate() }
        v = Visual()
        v.compared = [.sgd, .sgd]
        #expect(throws: VisualError("--optimizers names sgd twice")) { try v.validate() }
        v = Visual()
        v.rmsDecay = 1
        #expect(throws: VisualError("--rms-decay must be at least 0 and below 1 (got 1.0)")) { try v.validate() }
        v = Visual()
        v.timing.fps = 60
        #expect(throws: VisualError.self) { try v.validate() }
        v = Visual()
        v.name = "a/b"
        #expect(throws: VisualError.self) { try v.validate() }
        #expect(throws: Never.self) { try Visual().validate() }
    }
}
