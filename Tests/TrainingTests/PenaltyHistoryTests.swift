import Foundation
import Testing
@testable import Training

/// Penalised descent (issue 25) against NumPy loops written from the rule by Scripts/make-penalty-fixtures.py:
/// plain, ridge, ISTA lasso and elastic-net histories over 1,000 epochs, full-batch and stochastic, including
/// the weights ISTA sets to exactly 0.
struct PenaltyHistoryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var data: String
        var kind: Penalty.Kind?
        var lambda = 0.0
        var l1Ratio: Double?
        var optimizer: Optimizer = .batch
        var lr: Double
        var seed: UInt64 = 0
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "penalty-sparse-batch-lr0.01.csv", data: "penalty-sparse.csv", kind: nil, lr: 0.01),
        Case(fixture: "penalty-sparse-batch-lr0.01.csv", data: "penalty-sparse.csv", kind: .l2, lambda: 0, lr: 0.01),
        Case(fixture: "penalty-sparse-ridge1-lr0.01.csv", data: "penalty-sparse.csv", kind: .l2, lambda: 1, lr: 0.01),
        Case(fixture: "penalty-sparse-lasso0.8-lr0.01.csv", data: "penalty-sparse.csv", kind: .l1, lambda: 0.8, lr: 0.01),
        Case(fixture: "penalty-sparse-elastic0.6r0.5-lr0.01.csv", data: "penalty-sparse.csv", kind: .elastic, lambda: 0.6, l1Ratio: 0.5, lr: 0.01),
        Case(fixture: "penalty-sparse-sgd-lasso0.8-lr0.001-seed3.csv", data: "penalty-sparse.csv", kind: .l1, lambda: 0.8,
             optimizer: .sgd, lr: 0.001, seed: 3),
        Case(fixture: "penalty-line-ridge0.5-lr0.1.csv", data: "peer-data.csv", kind: .l2, lambda: 0.5, lr: 0.1),
        Case(fixture: "penalty-line-lasso2.5-lr0.1.csv", data: "peer-data.csv", kind: .l1, lambda: 2.5, lr: 0.1),
    ]

    static func config(_ c: Case) -> TrainingConfig {
        var config = TrainingConfig()
        config.optimizer = c.optimizer
        config.learningRate = c.lr
        config.epochs = 1000
        config.seed = c.seed
        return config
    }

    static func run(_ c: Case) throws -> [Snapshot] {
        let data = try PenaltyTests.points(c.data)
        guard let kind = c.kind else { return try GradientDescent.run(data, config(c)).snapshots }
        let model = try PenalizedRegression(data, penalty: Penalty(kind, lambda: c.lambda, l1Ratio: c.l1Ratio))
        return try GradientDescent.run(model: model, config(c)).snapshots
    }

    /// Every epoch's θ and J within 1e-9 of NumPy's (relative, against the row's largest |θ| for a value
    /// near 0), and exactly the same weights at 0.
    @Test("penalised history matches NumPy over 1,000 epochs", arguments: cases)
    func historyMatchesNumPy(_ c: Case) throws {
        let ours = try Self.run(c)
        let theirs = try FeatureModelTests.rows(c.fixture)
        #expect(ours.count == 1001 && ours.count == theirs.count)
        var worst = 0.0, zeros = 0
        for (a, row) in zip(ours, theirs) {
            #expect(Double(a.epoch) == row[0])
            let theta = Array(row[1..<(row.count - 1)]), loss = row[row.count - 1]
            let scale = max(theta.reduce(0) { max($0, abs($1)) }, 1e-300)
            for (x, y) in zip(a.theta, theta) { worst = max(worst, abs(x - y) / scale) }
            worst = max(worst, abs(a.loss - loss) / loss)
            let ourZeros = (0..<(theta.count - 1)).filter { a.theta[$0] == 0 }
            #expect(ourZeros == (0..<(theta.count - 1)).filter { theta[$0] == 0 }, "epoch \(a.epoch): zero weights differ")
            zeros += a.epoch > 0 ? ourZeros.count : 0
        }
        #expect(worst <= 1e-9, "worst relative difference \(worst)")
        if c.kind == .l1 && c.optimizer == .batch { #expect(zeros > 0, "ISTA should zero a weight here") }
        print("NumPy fixture \(c.fixture) (\(c.kind.map(\.rawValue) ?? "plain")): worst relative difference \(worst), \(zeros) zero weights over the run")
    }

    /// ISTA's fixed points are the penalised optima: long batch runs land on the optimum that coordinate
    /// descent finds (two unrelated algorithms), lasso's irrelevant weights exactly at 0.
    @Test func istaLandsOnTheCoordinateDescentOptimum() throws {
        let data = try PenaltyTests.points("penalty-sparse.csv")
        for penalty in [try Penalty(.l1, lambda: 0.8), try Penalty(.elastic, lambda: 0.6, l1Ratio: 0.5), try Penalty(.l2, lambda: 1)] {
            let model = try PenalizedRegression(data, penalty: penalty)
            var config = TrainingConfig()
            config.learningRate = 0.9 * (try #require(model.stabilityLimit))
            config.epochs = 20_000
            let final = try GradientDescent.run(model: model, config).final.theta
            let best = try #require(model.optimum)
            #expect(zip(final, best.theta).allSatisfy { abs($0 - $1) <= 1e-9 }, "\(penalty): \(final) vs \(best.theta)")
            #expect(model.zeroWeights(final) == model.zeroWeights(best.theta))
            #expect(abs(model.loss(final) - best.loss) <= 1e-12 * best.loss)
        }
    }

    /// The smooth part's gradient against central differences of J (ridge, where J is smooth), and its Hessian
    /// against differences of that gradient; Newton's method at rate 1 lands on the ridge optimum in one step.
    @Test func ridgeGradientHessianAndNewton() throws {
        for data in [try PenaltyTests.points("penalty-sparse.csv"), try ReferenceHistoryTests.data("peer-data.csv")] {
            let model = try PenalizedRegression(data, penalty: Penalty(.l2, lambda: 0.7))
            let k = model.parameterCount
            let theta = (0..<k).map { 0.3 * Double($0) - 0.5 }
            var g = [Double](repeating: 0, count: k), up = g, down = g
            model.gradient(theta, into: &g)
            let h = try #require(model.hessian)
            for j in 0..<k {
                var a = theta, b = theta
                a[j] += 1e-5; b[j] -= 1e-5
                let numeric = (model.loss(a) - model.loss(b)) / 2e-5
                #expect(abs(numeric - g[j]) <= 1e-6 * max(1, abs(g[j])), "∂J/∂θ\(j)")
                model.gradient(a, into: &up); model.gradient(b, into: &down)
                for i in 0..<k { #expect(abs((up[i] - down[i]) / 2e-5 - h.matrix[i, j]) <= 1e-6 * max(1, abs(h.matrix[i, j]))) }
            }
            var config = TrainingConfig()
            config.optimizer = .newton
            config.learningRate = 1
            config.epochs = 1
            let after = try GradientDescent.run(model: model, config).final.theta
            let best = try #require(model.optimum).theta
            #expect(zip(after, best).allSatisfy { abs($0 - $1) <= 1e-10 * max(1, abs($1)) }, "\(after) vs \(best)")
            // 2/λmax of that Hessian, by its eigenvalues (the line's closed form against Jacobi's rotations).
            let top = try #require(h.matrix.eigenvalues.first)
            #expect(abs(try #require(model.stabilityLimit) - 2 / top) <= 1e-12 * (2 / top))
        }
    }

    /// A b-only run (m held) moves b alone: no proximal step touches the held weight.
    @Test func heldSlopeIsNotThresholded() throws {
        let model = try PenalizedRegression(try ReferenceHistoryTests.data("peer-data.csv"), penalty: Penalty(.l1, lambda: 100))
        var config = TrainingConfig()
        config.fixedM = 2.5
        config.epochs = 50
        let run = try GradientDescent.run(model: model, config)
        #expect(run.snapshots.allSatisfy { $0.m == 2.5 })
    }
}
