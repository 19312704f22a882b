import Foundation
import Testing
@testable import Training

/// Linear regression over several features (issue 23, item 1) against NumPy: histories of every optimizer
/// over 3 correlated features with means away from zero, the optimum against `numpy.linalg.lstsq` and the
/// stability limit against `eigvalsh`, all made by Scripts/make-fixtures.py.
struct FeatureModelTests {
    static let fixtures = ReferenceHistoryTests.fixtures

    /// The rows of a fixture CSV after its header, as numbers.
    static func rows(_ name: String) throws -> [[Double]] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double(String($0))! } }
    }

    /// features3.csv: columns a, c, e and y.
    static func data() throws -> Dataset {
        let r = try rows("features3.csv")
        return Dataset(columns: (0..<3).map { j in r.map { $0[j] } }, ys: r.map { $0[3] }, names: ["a", "c", "e"], source: "features3.csv")
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var optimizer: Optimizer
        var lr: Double
        var epochs: Int
        var start = 0.0, b0 = 0.0
        var seed: UInt64 = 0
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "features3-batch-lr0.01.csv", optimizer: .batch, lr: 0.01, epochs: 1000),
        Case(fixture: "features3-sgd-lr0.002-seed5.csv", optimizer: .sgd, lr: 0.002, epochs: 30, seed: 5),
        Case(fixture: "features3-minibatch10-lr0.005-seed1.csv", optimizer: .minibatch(size: 10), lr: 0.005, epochs: 60, seed: 1),
        Case(fixture: "features3-momentum0.9-lr0.002.csv", optimizer: .momentum(beta: 0.9), lr: 0.002, epochs: 500),
        Case(fixture: "features3-nesterov0.9-lr0.002.csv", optimizer: .nesterov(beta: 0.9), lr: 0.002, epochs: 500),
        Case(fixture: "features3-adam-lr0.05.csv", optimizer: .adam(beta1: 0.9, beta2: 0.999), lr: 0.05, epochs: 500),
        Case(fixture: "features3-rmsprop-lr0.01.csv", optimizer: .rmsprop(decay: 0.99), lr: 0.01, epochs: 500),
        Case(fixture: "features3-adagrad-lr0.5.csv", optimizer: .adagrad, lr: 0.5, epochs: 500),
        Case(fixture: "features3-newton-lr1.csv", optimizer: .newton, lr: 1, epochs: 20, start: 1, b0: -2),
    ]

    @Test("three features: history matches NumPy to 1e-9 relative per value", arguments: cases)
    func historyMatchesNumPy(_ c: Case) throws {
        var config = TrainingConfig()
        config.optimizer = c.optimizer
        config.learningRate = c.lr
        config.epochs = c.epochs
        config.initialM = c.start
        config.initialB = c.b0
        config.seed = c.seed
        let ours = try GradientDescent.run(try Self.data(), config).snapshots
        let theirs = try Self.rows(c.fixture)
        #expect(ours.count == theirs.count)
        var worst = 0.0
        for (a, row) in zip(ours, theirs) {
            #expect(Double(a.epoch) == row[0])
            #expect(a.theta.count == 4)
            // Near the optimum Newton's steps are rounding noise: compare against the row's scale there.
            for (x, y) in zip(a.theta + [a.loss], row.dropFirst()) { worst = max(worst, abs(x - y) / max(abs(y), 1e-12)) }
        }
        #expect(worst <= 1e-9, "worst relative difference \(worst)")
        print("NumPy fixture \(c.fixture): worst relative difference \(worst)")
    }

    /// θ* by the normal equations against lstsq, J* against its mean squared residual, 2/λmax against eigvalsh.
    @Test func optimumAndStabilityLimitMatchNumPy() throws {
        let model = try LinearRegression(try Self.data())
        let reference = try Self.rows("features3-optimum.csv")[0]
        let best = try #require(model.optimum)
        #expect(model.parameterNames == ["w1", "w2", "w3", "b"])
        for (x, y) in zip(best.theta, reference.prefix(4)) { #expect(Self.relative(x, y) < 1e-10, "θ* \(x) vs \(y)") }
        #expect(Self.relative(best.loss, reference[4]) < 1e-10)
        #expect(Self.relative(try #require(model.stabilityLimit), reference[5]) < 1e-12)
        // The gradient vanishes at θ* and J there is J*.
        var g = [Double](repeating: 1, count: 4)
        model.gradient(best.theta, into: &g)
        #expect(g.allSatisfy { abs($0) < 1e-12 })
        #expect(Self.relative(model.loss(best.theta), reference[4]) < 1e-10)
    }

    /// The gradient of the statistics' form agrees with central differences of J, and J with a two-pass sum.
    @Test func lossAndGradientAgreeWithTheDefinition() throws {
        let data = try Self.data()
        let model = try LinearRegression(data)
        let theta = [0.4, -1.1, 0.2, 3.0]
        var direct = 0.0
        for i in 0..<data.count {
            let r = data.ys[i] - (theta[0] * data.xs[i] + theta[1] * data.extraFeatures[0][i] + theta[2] * data.extraFeatures[1][i] + theta[3])
            direct += r * r
        }
        direct /= Double(data.count)
        #expect(Self.relative(model.loss(theta), direct) < 1e-13)
        var g = [Double](repeating: 0, count: 4)
        model.gradient(theta, into: &g)
        for j in 0..<4 {
            var up = theta, down = theta
            up[j] += 1e-6; down[j] -= 1e-6
            let numeric = (model.loss(up) - model.loss(down)) / 2e-6
            #expect(abs(numeric - g[j]) < 1e-6 * max(1, abs(g[j])), "∂J/∂θ\(j): \(g[j]) vs \(numeric)")
        }
    }

    /// With one feature the model is the line: the same loss, gradient and optimum as ``LossSurface``.
    @Test func oneFeatureIsTheLine() throws {
        let data = try ReferenceHistoryTests.data("peer-data.csv")
        let model = try LinearRegression(data), surface = try LossSurface(data)
        #expect(model.parameterNames == ["m", "b"])
        #expect(model.loss([1.5, -0.5]) == surface.loss(m: 1.5, b: -0.5))
        var g = [0.0, 0.0]
        model.gradient([1.5, -0.5], into: &g)
        let d = surface.gradient(m: 1.5, b: -0.5)
        #expect(g == [d.dm, d.db])
        #expect(model.optimum?.theta == [surface.leastSquares.m, surface.leastSquares.b])
    }

    /// Features that determine no weights are refused with the reason, before any step.
    @Test func constantAndCollinearFeaturesAreRefused() throws {
        let x = [1.0, 2, 3, 4, 5], y = [2.0, 4, 5, 4, 5]
        let constant = Dataset(columns: [x, [7, 7, 7, 7, 7]], ys: y, names: ["hours", "room"], source: "t")
        #expect(throws: LossSurface.SetupError.constantFeature(name: "room", value: 7)) { try LinearRegression(constant) }
        let collinear = Dataset(columns: [x, x.map { 2 * $0 - 1 }], ys: y, names: ["hours", "minutes"], source: "t")
        #expect(throws: LossSurface.SetupError.collinearFeatures(["hours", "minutes"])) { try LinearRegression(collinear) }
        #expect(LossSurface.SetupError.collinearFeatures(["hours", "minutes"]).description.contains("'minutes'"))
    }
}
