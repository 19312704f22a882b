import Foundation
import Testing
@testable import Training

/// The optimizers' registry and the new rules' defining properties, each against a hand-worked value
/// (their whole paths are checked against NumPy in ReferenceHistoryTests).
struct OptimizerTests {
    static let data = try! ReferenceHistoryTests.data("peer-data.csv")

    static func run(_ optimizer: Optimizer, lr: Double, epochs: Int, from start: (m: Double, b: Double) = (0, 0), fixedM: Double? = nil,
                    schedule: LearningRateSchedule = .constant, on data: Dataset = data) throws -> TrainingResult {
        var config = TrainingConfig()
        config.optimizer = optimizer
        config.learningRate = lr
        config.epochs = epochs
        (config.initialM, config.initialB, config.fixedM, config.schedule) = (start.m, start.b, fixedM, schedule)
        return try GradientDescent.run(data, config)
    }

    /// The lesson: the mean squared error is exactly quadratic, so Newton's step at α = 1 lands on the
    /// least-squares optimum (the normal equations' m*, b*) from any start, in one update.
    @Test(arguments: [(0.0, 0.0), (5.0, -3.0), (-40.0, 1e3), (1e6, 1e6)])
    func newtonAtRateOneLandsOnTheOptimumInOneStep(_ m0: Double, _ b0: Double) throws {
        let r = try Self.run(.newton, lr: 1, epochs: 3, from: (m0, b0))
        let best = r.leastSquares, first = r.snapshots[1]
        let scale = max(1, abs(m0), abs(b0))
        #expect(abs(first.m - best.m) <= 1e-12 * scale, "m after one step: \(first.m), m* = \(best.m)")
        #expect(abs(first.b - best.b) <= 1e-12 * scale, "b after one step: \(first.b), b* = \(best.b)")
        #expect(abs(first.loss - best.loss) <= 1e-12 * best.loss * scale * scale)
        // Batch descent at its best constant rate is still far away after one step.
        let batch = try Self.run(.batch, lr: r.surface.stabilityLimit / 2, epochs: 1, from: (m0, b0))
        #expect(batch.snapshots[1].loss > 1.01 * best.loss)
    }

    /// With m held fixed, H = ∂²J/∂b² = 2 and one step at α = 1 lands on the best b for that m, ȳ − m·x̄.
    @Test func bOnlyNewtonLandsOnTheBestInterceptInOneStep() throws {
        let r = try Self.run(.newton, lr: 1, epochs: 2, fixedM: 2.5)
        let best = r.surface.meanY - 2.5 * r.surface.meanX
        #expect(r.snapshots[1].m == 2.5)
        #expect(abs(r.snapshots[1].b - best) <= 1e-14 * abs(best))
    }

    /// At 0 < α < 2 each step takes the fraction α of the way along the straight line to the optimum,
    /// at the rate of its epoch: a schedule applies as to every optimizer.
    @Test func newtonShrinksTheDistanceByOneMinusTheEpochsRate() throws {
        let schedule = LearningRateSchedule.exponential(gamma: 0.8)
        let r = try Self.run(.newton, lr: 0.5, epochs: 6, from: (5, -3), schedule: schedule)
        let best = r.leastSquares
        var expected = (m: 5 - best.m, b: -3 - best.b)
        for k in 1...6 {
            let alpha = r.config.rate(epoch: k - 1)
            expected = ((1 - alpha) * expected.m, (1 - alpha) * expected.b)
            #expect(abs((r.snapshots[k].m - best.m) - expected.m) <= 1e-12, "epoch \(k)")
            #expect(abs((r.snapshots[k].b - best.b) - expected.b) <= 1e-12, "epoch \(k)")
        }
    }

    /// A singular Hessian is a clear error, never NaNs: the data's (constant x) is refused with its
    /// reason before any step, and a Hessian that cannot be inverted solves nothing.
    @Test func aSingularHessianIsAClearError() throws {
        let flat = Dataset(xs: [3, 3, 3, 3], ys: [1, 2, 3, 4], source: "flat")
        #expect(throws: LossSurface.SetupError.constantX(3)) { try Self.run(.newton, lr: 1, epochs: 5, on: flat) }
        #expect(LossSurface.SetupError.constantX(3).description.contains("no spread in x"))
        let singular = Hessian(mm: 2 * 9, mb: 2 * 3, bb: 2, determinant: 0)       // mean x² = x̄² = 9
        #expect(!singular.isInvertible && singular.solve([1, 1]) == nil)
        #expect(LossSurface.SetupError.singularHessian.description.contains("singular"))
        // The data's own Hessian: H·H⁻¹v = v.
        let h = try LossSurface(Self.data).hessian
        let v = [0.7, -1.3], d = try #require(h.solve(v))
        #expect(abs(h.mm * d[0] + h.mb * d[1] - v[0]) < 1e-14 && abs(h.mb * d[0] + h.bb * d[1] - v[1]) < 1e-14)
    }

    /// RMSprop's first step is α·g/(√((1 − ρ)g²) + ε) = α/√(1 − ρ) per coordinate against the gradient's
    /// sign (10·α at ρ = 0.99), and Adagrad's α: whatever the gradient's size.
    @Test func adaptiveFirstStepsIgnoreTheGradientsSize() throws {
        let g = try LossSurface(Self.data).gradient(m: 0, b: 0)
        let rms = try Self.run(.rmsprop(decay: 0.99), lr: 0.01, epochs: 1).snapshots[1]
        let big = 0.01 / (0.01).squareRoot()
        #expect(abs(rms.m - (g.dm < 0 ? big : -big)) < 1e-8 && abs(rms.b - (g.db < 0 ? big : -big)) < 1e-8)
        let ada = try Self.run(.adagrad, lr: 0.3, epochs: 1).snapshots[1]
        #expect(abs(ada.m - (g.dm < 0 ? 0.3 : -0.3)) < 1e-10 && abs(ada.b - (g.db < 0 ? 0.3 : -0.3)) < 1e-10)
    }

    /// One list: every registered optimizer has a distinct lowercase name, is made from the settings by
    /// name, and says whether it is stochastic; the configured optimizer compares by rule and settings.
    @Test func theRegistryIsTheOneListOfOptimizers() {
        let names = Optimizer.registered.map { $0.name }
        #expect(names == ["batch", "sgd", "minibatch", "momentum", "nesterov", "adam", "rmsprop", "adagrad", "newton"])
        #expect(Set(names).count == names.count && names.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
        var settings = OptimizerSettings()
        (settings.batchSize, settings.momentum, settings.rmsDecay) = (7, 0.5, 0.9)
        #expect(Optimizer(named: "minibatch", settings: settings) == .minibatch(size: 7))
        #expect(Optimizer(named: "nesterov", settings: settings) == .nesterov(beta: 0.5))
        #expect(Optimizer(named: "rmsprop", settings: settings) == .rmsprop(decay: 0.9))
        #expect(Optimizer(named: "rmsprop", settings: settings) != .rmsprop(decay: 0.99))
        #expect(Optimizer(named: "newton") == .newton && Optimizer(named: "lbfgs") == nil)
        #expect(Optimizer.registered.filter { $0.isStochastic }.map { $0.name } == ["sgd", "minibatch"])
        #expect(Optimizer.newton.heading { "\($0)" } == "Newton's method" && Optimizer.rmsprop(decay: 0.9).heading { "\($0)" } == "RMSprop (ρ = 0.9)")
    }
}
