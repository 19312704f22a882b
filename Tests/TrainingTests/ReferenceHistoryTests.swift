import Foundation
import Testing
@testable import Training

/// Histories against NumPy (float64, per-sample sums), computed by Scripts/make-fixtures.py.
struct ReferenceHistoryTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Dataset {
        let bytes = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))
        return try CSVData.parse(bytes, file: name)
    }

    static func reference(_ name: String) throws -> [Snapshot] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            return Snapshot(epoch: Int(f[0])!, step: 0, m: Double(f[1])!, b: Double(f[2])!, loss: Double(f[3])!)
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var data: String
        var optimizer: Optimizer
        var lr: Double
        var epochs: Int
        var m0 = 0.0, b0 = 0.0
        var fixedM: Double?
        var seed: UInt64 = 0
        var schedule: LearningRateSchedule = .constant
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "batch-lr0.1.csv", data: "peer-data.csv", optimizer: .batch, lr: 0.1, epochs: 1000),
        Case(fixture: "batch-lr0.3-from-5,-3.csv", data: "peer-data.csv", optimizer: .batch, lr: 0.3, epochs: 1000, m0: 5, b0: -3),
        Case(fixture: "sgd-lr0.01-seed7.csv", data: "peer-data.csv", optimizer: .sgd, lr: 0.01, epochs: 60, seed: 7),
        Case(fixture: "minibatch16-lr0.05-seed3.csv", data: "peer-data.csv", optimizer: .minibatch(size: 16), lr: 0.05, epochs: 100, seed: 3),
        Case(fixture: "bonly-m2.5-lr0.1.csv", data: "peer-data.csv", optimizer: .batch, lr: 0.1, epochs: 300, fixedM: 2.5),
        Case(fixture: "momentum0.9-lr0.05.csv", data: "peer-data.csv", optimizer: .momentum(beta: 0.9), lr: 0.05, epochs: 300),
        Case(fixture: "nesterov0.8-lr0.05-from-5,-3.csv", data: "peer-data.csv", optimizer: .nesterov(beta: 0.8), lr: 0.05, epochs: 300, m0: 5, b0: -3),
        Case(fixture: "adam-lr0.1.csv", data: "peer-data.csv", optimizer: .adam(beta1: 0.9, beta2: 0.999), lr: 0.1, epochs: 300),
        Case(fixture: "large-y-batch-lr0.01-from-0,1e6.csv", data: "large-y.csv", optimizer: .batch, lr: 0.01, epochs: 1000, b0: 1e6),
        Case(fixture: "batch-lr0.3-cosine.csv", data: "peer-data.csv", optimizer: .batch, lr: 0.3, epochs: 200, schedule: .cosine(minimum: 0)),
        Case(fixture: "batch-lr0.4-cosine-min0.01.csv", data: "peer-data.csv", optimizer: .batch, lr: 0.4, epochs: 150, schedule: .cosine(minimum: 0.01)),
        Case(fixture: "sgd-lr0.05-step10x0.5-seed2.csv", data: "peer-data.csv", optimizer: .sgd, lr: 0.05, epochs: 40, seed: 2,
             schedule: .step(every: 10, gamma: 0.5)),
        Case(fixture: "momentum0.9-lr0.05-exp0.97.csv", data: "peer-data.csv", optimizer: .momentum(beta: 0.9), lr: 0.05, epochs: 200,
             schedule: .exponential(gamma: 0.97)),
        Case(fixture: "adam-lr0.2-inverse0.05.csv", data: "peer-data.csv", optimizer: .adam(beta1: 0.9, beta2: 0.999), lr: 0.2, epochs: 200,
             schedule: .inverse(decay: 0.05)),
        // torch.optim.RMSprop and Adagrad with their defaults, and Newton's method (issue 23).
        Case(fixture: "rmsprop-lr0.01.csv", data: "peer-data.csv", optimizer: .rmsprop(decay: 0.99), lr: 0.01, epochs: 1000),
        Case(fixture: "rmsprop-lr0.05-from-5,-3.csv", data: "peer-data.csv", optimizer: .rmsprop(decay: 0.99), lr: 0.05, epochs: 300, m0: 5, b0: -3),
        Case(fixture: "rmsprop0.9-lr0.005-from-5,-3.csv", data: "peer-data.csv", optimizer: .rmsprop(decay: 0.9), lr: 0.005, epochs: 500, m0: 5, b0: -3),
        Case(fixture: "rmsprop-lr0.1-exp0.98.csv", data: "peer-data.csv", optimizer: .rmsprop(decay: 0.99), lr: 0.1, epochs: 300,
             schedule: .exponential(gamma: 0.98)),
        Case(fixture: "adagrad-lr0.5.csv", data: "peer-data.csv", optimizer: .adagrad, lr: 0.5, epochs: 1000),
        Case(fixture: "adagrad-lr1-from-5,-3.csv", data: "peer-data.csv", optimizer: .adagrad, lr: 1, epochs: 500, m0: 5, b0: -3),
        Case(fixture: "adagrad-lr0.5-cosine.csv", data: "peer-data.csv", optimizer: .adagrad, lr: 0.5, epochs: 300, schedule: .cosine(minimum: 0)),
        Case(fixture: "newton-lr1.csv", data: "peer-data.csv", optimizer: .newton, lr: 1, epochs: 300),
        Case(fixture: "newton-lr0.3-from-5,-3.csv", data: "peer-data.csv", optimizer: .newton, lr: 0.3, epochs: 300, m0: 5, b0: -3),
        Case(fixture: "newton-lr0.5-step10x0.5.csv", data: "peer-data.csv", optimizer: .newton, lr: 0.5, epochs: 300,
             schedule: .step(every: 10, gamma: 0.5)),
        Case(fixture: "newton-bonly-m2.5-lr0.5.csv", data: "peer-data.csv", optimizer: .newton, lr: 0.5, epochs: 300, fixedM: 2.5),
        Case(fixture: "large-y-newton-lr1-from-0,1e6.csv", data: "large-y.csv", optimizer: .newton, lr: 1, epochs: 300, b0: 1e6),
    ]

    @Test("history matches NumPy to 1e-9 relative per value", arguments: cases)
    func matchesNumPy(_ c: Case) throws {
        try Self.check(c, data: try Self.data(c.data))
    }

    /// The same from the points' statistics alone (read streaming, points not kept), for every optimizer
    /// that uses the whole batch.
    @Test("from streamed statistics, history matches NumPy to 1e-9", arguments: cases.filter { !$0.optimizer.isStochastic })
    func statisticsMatchNumPy(_ c: Case) throws {
        let points = try Self.data(c.data)
        var summary = DataSummary()
        for (x, y) in zip(points.xs, points.ys) { summary.add(x, y) }
        try Self.check(c, data: Dataset(summary: summary, source: c.data))
    }

    static func check(_ c: Case, data: Dataset) throws {
        var config = TrainingConfig()
        config.optimizer = c.optimizer
        config.learningRate = c.lr
        config.epochs = c.epochs
        config.initialM = c.m0
        config.initialB = c.b0
        config.fixedM = c.fixedM
        config.seed = c.seed
        config.schedule = c.schedule
        let ours = try GradientDescent.run(data, config).snapshots
        let theirs = try Self.reference(c.fixture)
        #expect(ours.count == c.epochs + 1)
        #expect(ours.count == theirs.count)
        var worst = 0.0
        for (a, b) in zip(ours, theirs) {
            #expect(a.epoch == b.epoch)
            for (x, y) in [(a.m, b.m), (a.b, b.b), (a.loss, b.loss)] {
                worst = max(worst, abs(x - y) / max(abs(y), 1e-300))
            }
        }
        #expect(worst <= 1e-9, "worst relative difference \(worst)")
        print("NumPy fixture \(c.fixture)\(data.hasPoints ? "" : ", from statistics"): worst relative difference \(worst)")
    }

    /// The loss against a two-pass float64 evaluation at the same parameters, on data with y ≈ 10⁶.
    @Test func lossMatchesTwoPassOnLargeY() throws {
        let data = try Self.data("large-y.csv")
        let surface = try LossSurface(data)
        var worst = 0.0
        for (m, b) in [(0.0, 1e6), (0.5, 1e6), (0.49, 1e6 + 0.1), (surface.leastSquares.m, surface.leastSquares.b), (-3.0, 999_990.0)] {
            var residuals = [Double]()
            for i in 0..<data.count { residuals.append(data.ys[i] - (m * data.xs[i] + b)) }
            let mean = residuals.reduce(0, +) / Double(data.count)
            let twoPass = residuals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(data.count) + mean * mean
            worst = max(worst, abs(surface.loss(m: m, b: b) - twoPass) / twoPass)
        }
        #expect(worst <= 1e-10, "worst relative difference \(worst)")
    }

    /// What raw sums would give, to show the test above can fail: they lose digits on this data.
    @Test func rawSumsWouldFailTheSameCheck() throws {
        let data = try Self.data("large-y.csv")
        let surface = try LossSurface(data)
        let (m, b) = (surface.leastSquares.m, surface.leastSquares.b)
        let n = Double(data.count)
        var sxx = 0.0, sx = 0.0, sy = 0.0, sxy = 0.0, syy = 0.0
        for i in 0..<data.count {
            let x = data.xs[i], y = data.ys[i]
            sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y
        }
        let raw = (syy - 2 * m * sxy - 2 * b * sy + m * m * sxx + 2 * m * b * sx + n * b * b) / n
        #expect(abs(raw - surface.leastSquares.loss) / surface.leastSquares.loss > 1e-8)
    }
}

extension ReferenceHistoryTests {
    /// The schedules' rates at the epochs where their definitions pin them down.
    @Test func schedulesGiveTheirDefiningRates() {
        let a = 0.4
        let step = LearningRateSchedule.step(every: 10, gamma: 0.5)
        #expect(step.rate(a, epoch: 0, of: 100) == a && step.rate(a, epoch: 9, of: 100) == a)
        #expect(step.rate(a, epoch: 10, of: 100) == a / 2 && step.rate(a, epoch: 29, of: 100) == a / 4)
        #expect(LearningRateSchedule.exponential(gamma: 0.5).rate(a, epoch: 3, of: 100) == a / 8)
        let cosine = LearningRateSchedule.cosine(minimum: 0.1)
        #expect(cosine.rate(a, epoch: 0, of: 100) == a)
        #expect(abs(cosine.rate(a, epoch: 50, of: 100) - 0.25) < 1e-15)          // halfway: the mean of α and α_min
        #expect(abs(cosine.rate(a, epoch: 100, of: 100) - 0.1) < 1e-15)          // K: α_min
        #expect(cosine.rate(a, epoch: 25, of: 100) > cosine.rate(a, epoch: 26, of: 100))
        #expect(LearningRateSchedule.inverse(decay: 0.02).rate(a, epoch: 50, of: 100) == a / 2)
        #expect(LearningRateSchedule.constant.rate(a, epoch: 77, of: 100) == a)
    }

    /// A constant schedule is the plain run, bit for bit.
    @Test func constantScheduleChangesNothing() throws {
        let data = try Self.data("peer-data.csv")
        var config = TrainingConfig()
        config.optimizer = .adam(beta1: 0.9, beta2: 0.999)
        let plain = try GradientDescent.run(data, config).snapshots
        config.schedule = .step(every: 1000, gamma: 0.5)      // never drops within 100 epochs
        #expect(try GradientDescent.run(data, config).snapshots == plain)
    }
}
