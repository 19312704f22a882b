import Foundation
import Testing
@testable import Training

/// Logistic regression (issue 26) against independent references: the optimum against scikit-learn's
/// `LogisticRegression` (newton-cholesky, tol 1e-12), every update against NumPy written from the rules
/// (Scripts/make-logistic-fixtures.py), and the loss at large |z| against hand-worked values.
struct LogisticTests {
    static func rows(_ name: String) throws -> [[Double]] { try FeatureModelTests.rows(name) }

    /// A fixture CSV of points: every column but the last a feature, the last the label.
    static func fixtureData(_ name: String) throws -> Dataset {
        let r = try rows(name)
        let p = r[0].count - 1
        return Dataset(columns: (0..<p).map { j in r.map { $0[j] } }, ys: r.map { $0[p] }, names: (1...p).map { "x\($0)" }, source: name)
    }

    static func data(_ name: String) throws -> Dataset {
        switch name {
        case "small": return try fixtureData("logistic-small.csv")
        case "features3": return try fixtureData("logistic-features3.csv")
        case "gen1000": return LogisticData.generated(n: 1000, p: 2, seed: 11)
        case "gen2000p1": return LogisticData.generated(n: 2000, p: 1, seed: 13)
        default: return LogisticData.generated(n: 100_000, p: 2, seed: 12)
        }
    }

    @Test("the fitted optimum matches scikit-learn within 1e-6", arguments: [
        ("small", ""), ("features3", ""), ("gen1000", ""), ("gen2000p1", ""), ("gen100000", ""), ("gen1000", "-C0.05"), ("features3", "-C0.01"),
    ])
    func optimumMatchesScikitLearn(_ name: String, _ penalty: String) throws {
        let reference = try Self.rows("logistic-optimum-\(name)\(penalty).csv")[0]
        let k = reference.count - 2
        let model = try LogisticRegression(try Self.data(name), l2: reference[k + 1], threads: 2)
        let fit = model.fitted()
        let best = try #require(fit.optimum, "\(fit)")
        var worst = 0.0
        for (a, b) in zip(best.theta, reference.prefix(k)) { worst = max(worst, abs(a - b)) }
        #expect(worst <= 1e-6)
        #expect(abs(best.loss - reference[k]) <= 1e-12)
        print("scikit-learn \(name)\(penalty): max |θ − θ_sklearn| = \(worst), |ΔJ| = \(abs(best.loss - reference[k]))")
        var g = [Double](repeating: 1, count: k)
        model.gradient(best.theta, into: &g)
        #expect(g.allSatisfy { abs($0) < 1e-12 }, "∇J(θ*) = \(g)")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var data: String
        var optimizer: Optimizer
        var lr: Double
        var epochs: Int
        var seed: UInt64 = 0
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "gen1000-batch-lr0.5", data: "gen1000", optimizer: .batch, lr: 0.5, epochs: 1000),
        Case(fixture: "gen1000-momentum0.9-lr0.1", data: "gen1000", optimizer: .momentum(beta: 0.9), lr: 0.1, epochs: 1000),
        Case(fixture: "gen1000-adam-lr0.05", data: "gen1000", optimizer: .adam(beta1: 0.9, beta2: 0.999), lr: 0.05, epochs: 1000),
        Case(fixture: "gen1000-newton-lr1", data: "gen1000", optimizer: .newton, lr: 1, epochs: 8),
        Case(fixture: "small-batch-lr1", data: "small", optimizer: .batch, lr: 1, epochs: 1000),
        Case(fixture: "small-sgd-lr0.05-seed4", data: "small", optimizer: .sgd, lr: 0.05, epochs: 1000, seed: 4),
        Case(fixture: "features3-batch-lr0.01", data: "features3", optimizer: .batch, lr: 0.01, epochs: 1000),
        Case(fixture: "features3-minibatch16-lr0.01-seed2", data: "features3", optimizer: .minibatch(size: 16), lr: 0.01, epochs: 100, seed: 2),
        Case(fixture: "features3-newton-lr1", data: "features3", optimizer: .newton, lr: 1, epochs: 8),
    ]

    @Test("every epoch matches NumPy within 1e-9", arguments: cases)
    func historyMatchesNumPy(_ c: Case) throws {
        var config = TrainingConfig()
        config.optimizer = c.optimizer
        config.learningRate = c.lr
        config.epochs = c.epochs
        config.initialM = 0
        config.initialB = 0
        config.seed = c.seed
        let ours = try GradientDescent.run(model: try LogisticRegression(try Self.data(c.data)), config).snapshots
        let theirs = try Self.rows("logistic-\(c.fixture).csv")
        #expect(ours.count == theirs.count)
        var worst = 0.0
        for (a, row) in zip(ours, theirs) {
            #expect(Double(a.epoch) == row[0])
            for (x, y) in zip(a.theta + [a.loss], row.dropFirst()) { worst = max(worst, abs(x - y) / max(abs(y), 1)) }
        }
        #expect(worst <= 1e-9)
        print("NumPy logistic-\(c.fixture): worst difference \(worst)")
    }

    /// Two points, x = 1 (class 1) and x = 2 (class 0), so z = (w + b, 2w + b), worked by hand:
    /// the loss terms are softplus(z) − y·z.
    @Test func lossIsFiniteAndExactForLargeZ() throws {
        let model = try LogisticRegression(Dataset(xs: [1, 2], ys: [1, 0], source: "two"))
        // z = (1000, 2000): the first term is 0, the second 2000.
        #expect(model.loss([1000, 0]) == 1000)
        // z = (−1000, −2000): the first term is 1000, the second 0.
        #expect(model.loss([-1000, 0]) == 500)
        // z = 0: log 2 each.
        #expect(model.loss([0, 0]) == log(2.0))
        // z = (30, 60): log1p(e⁻³⁰) and 60 + log1p(e⁻⁶⁰) = 60 to double precision; e⁻³⁰ = 9.357622968840175e-14.
        #expect(abs(model.loss([30, 0]) - (60 + 9.357622968840175e-14) / 2) <= 30.0.ulp)
        // σ(1000) = σ(2000) = 1: ∇J = ((0·1 + 1·2)/2, (0 + 1)/2).
        var g = [0.0, 0.0]
        model.gradient([1000, 0], into: &g)
        #expect(g == [1, 0.5])
        model.gradient([-1000, 0], into: &g)
        #expect(g == [-0.5, -0.5])
        // Far beyond: still finite, and the Hessian is 0 (σ(1 − σ) underflows to 0), not NaN.
        #expect(model.loss([1e300, 0]) == 1e300)
        let h = try #require(model.hessian(at: [1e4, 0]))
        #expect(h.matrix.entries.allSatisfy { $0 == 0 })
        // At z = 0: σ(1 − σ) = 1/4, so H = 1/4 · mean (x, 1)(x, 1)ᵀ = 1/4 · [[2.5, 1.5], [1.5, 1]].
        let h0 = try #require(model.hessian(at: [0, 0]))
        #expect(h0.matrix[0, 0] == 0.625 && h0.matrix[0, 1] == 0.375 && h0.matrix[1, 1] == 0.25)
    }

    /// Accuracy against a direct count with σ ≥ 1/2 and the loss scale against the base rate's entropy.
    @Test func accuracyAndLossScale() throws {
        let data = try Self.data("features3")
        let model = try LogisticRegression(data)
        let theta = [0.8, -1.2, 0.25, -3.5]
        var right = 0
        for i in 0..<data.count {
            let z = theta[0] * data.xs[i] + theta[1] * data.extraFeatures[0][i] + theta[2] * data.extraFeatures[1][i] + theta[3]
            if (1 / (1 + exp(-z)) >= 0.5) == (data.ys[i] == 1) { right += 1 }
        }
        #expect(model.accuracy(theta) == Double(right) / Double(data.count))
        let q = data.ys.reduce(0, +) / Double(data.count)
        #expect(abs(model.lossScale - -(q * log(q) + (1 - q) * log(1 - q))) < 1e-15)
        // The best constant's loss is J at w = 0, b = log(q/(1 − q)) (a mean of 300 terms: a few ulps apart).
        #expect(abs(model.loss([0, 0, 0, log(q / (1 - q))]) - model.lossScale) < 1e-14)
        #expect(model.parameterNames == ["w1", "w2", "w3", "b"])
        #expect(model.epochCost == 300 * 4)
    }

    /// The same bits for 1, 2 and 8 threads: batch descent and Newton's method on points spanning several
    /// chunks, two features (the unrolled pass) and three (the general one).
    @Test(arguments: [2, 3])
    func sameBitsForAnyThreadCount(_ p: Int) throws {
        let data = LogisticData.generated(n: 5 * FixedChunks.size + 123, p: p, seed: 99)
        func run(_ threads: Int, _ optimizer: Optimizer) throws -> [Snapshot] {
            var config = TrainingConfig()
            config.optimizer = optimizer
            config.learningRate = optimizer == .newton ? 1 : 0.5
            config.epochs = optimizer == .newton ? 4 : 20
            config.initialM = 0
            config.initialB = 0
            return try GradientDescent.run(model: try LogisticRegression(data, threads: threads), config).snapshots
        }
        for optimizer in [Optimizer.batch, .newton] {
            let one = try run(1, optimizer)
            for threads in [2, 8] {
                let many = try run(threads, optimizer)
                #expect(many.map { $0.theta.map(\.bitPattern) } == one.map { $0.theta.map(\.bitPattern) })
                #expect(many.map { $0.loss.bitPattern } == one.map { $0.loss.bitPattern })
            }
        }
        let fits = try [1, 2, 8].map { try LogisticRegression(data, threads: $0).fitted() }
        #expect(fits[1] == fits[0] && fits[2] == fits[0])
    }

    /// The separable preset has no finite optimum, and says so; an l2 penalty gives it one. The
    /// overlapping presets converge, and descent on the separable one grows the weights while the loss falls.
    @Test func separabilityIsTold() throws {
        let separable = try LogisticRegression(Preset.separable.generate(seed: 0))
        let fit = separable.fitted()
        #expect(fit.isSeparable)
        if case .separable(let w, _) = fit {
            for i in 0..<separable.count {
                let z = w[0] * separable.data.xs[i] + w[1] * separable.data.extraFeatures[0][i] + w[2]
                #expect(separable.data.ys[i] == 1 ? z > 0 : z < 0)
            }
        }
        #expect(try LogisticRegression(Preset.separable.generate(seed: 0), l2: 1e-3).fitted().optimum != nil)
        for preset in [Preset.passFail, .twoBlobs] {
            let data = preset.generate(seed: 1)
            #expect(preset.isClassification && data.featureCount == preset.featureCount)
            #expect(try LogisticRegression(data).fitted().optimum != nil, "\(preset)")
        }
        var config = TrainingConfig()
        config.learningRate = 1
        config.epochs = 2000
        config.initialM = 0
        config.initialB = 0
        let path = try GradientDescent.run(model: separable, config).snapshots
        let norms = path.map { ($0.theta[0] * $0.theta[0] + $0.theta[1] * $0.theta[1]).squareRoot() }
        #expect(norms[2000] > norms[1000] && norms[1000] > norms[100])
        #expect(path[2000].loss < path[1000].loss && path[2000].loss > 0)
    }

    @Test func presetsHaveTheirShape() {
        let passFail = Preset.passFail.generate(seed: 0)
        #expect(passFail.count == 40 && passFail.featureNames == ["hours"] && Set(passFail.ys) == [0, 1])
        #expect(Preset.twoBlobs.generate(seed: 0).count == 200 && Preset.separable.generate(seed: 0).count == 100)
        #expect(Preset(rawValue: "pass-fail") == .passFail && Preset(rawValue: "two-blobs") == .twoBlobs)
    }

    @Test func refusesWhatIsNotTwoClasses() {
        #expect(throws: LogisticRegression.SetupError.oneClass(label: 1)) { try LogisticRegression(Dataset(xs: [1, 2], ys: [1, 1], source: "")) }
        #expect(throws: LogisticRegression.SetupError.notALabel(index: 1, value: 2)) { try LogisticRegression(Dataset(xs: [1, 2], ys: [0, 2], source: "")) }
    }
}
