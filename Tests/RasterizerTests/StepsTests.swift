import Testing
@testable import Rasterizer
import Training

/// `--mode steps`: which epochs it walks through, the numbers its formulas show (against sums computed
/// here point by point, not through the loss surface's centred statistics), its sample, its timing, and
/// each beat against goldens.
struct StepsTests {
    static func run(_ preset: Preset = .linear, lr: Double = 0.1, epochs: Int = 100) throws -> (Dataset, TrainingResult) {
        let data = preset.generate(seed: 0)
        var config = TrainingConfig()
        config.learningRate = lr
        config.epochs = epochs
        return (data, try GradientDescent.run(data, config))
    }

    @Test func showsTheFirstEpochsThenSpreadsToTheEnd() {
        let shown = StepsSchedule.epochs(snapshots: 101, limit: nil)
        #expect(shown.count == StepsSchedule.defaultEpochs)
        #expect(Array(shown.prefix(5)) == [0, 1, 2, 3, 4])
        #expect(shown.last == 99, "the last update shown is the run's last")
        #expect(zip(shown, shown.dropFirst()).allSatisfy { $0 < $1 })
        // Geometric: the gaps grow.
        let gaps = zip(shown.dropFirst(5), shown.dropFirst(6)).map { $1 - $0 }
        #expect(zip(gaps, gaps.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(StepsSchedule.epochs(snapshots: 101, limit: 3) == [0, 1, 2])
        #expect(StepsSchedule.epochs(snapshots: 3, limit: nil) == [0, 1])
        #expect(StepsSchedule.epochs(snapshots: 12, limit: 11) == Array(0...10))
        #expect(StepsSchedule.frameCount(snapshots: 101, limit: 7) == 28)
    }

    /// J, ∂J/∂m, ∂J/∂b as the formulas define them, summed over the points, and the update m − α·∂J/∂m:
    /// the numbers the rows show for every shown epoch.
    @Test(arguments: [Preset.linear, .wide, .noisy])
    func formulasShowTheEpochsNumbers(_ preset: Preset) throws {
        let lr = preset == .linear ? 0.1 : preset == .wide ? 0.01 : 0.5
        let (data, r) = try Self.run(preset, lr: lr)
        let digits = r.readoutPrecision
        let n = Double(data.count)
        for k in StepsSchedule.epochs(snapshots: r.snapshots.count, limit: nil) {
            let s = r.snapshots[k]
            var j = 0.0, gm = 0.0, gb = 0.0
            for (x, y) in zip(data.xs, data.ys) {
                let e = y - (s.m * x + s.b)
                j += e * e
                gm += x * e
                gb += e
            }
            j /= n; gm *= -2 / n; gb *= -2 / n
            // A converged run's gradient is rounding noise (sums that cancel): shown as 0.
            let start = r.surface.gradient(m: r.snapshots[0].m, b: r.snapshots[0].b)
            let noise = 1e-8 * max(abs(start.dm), abs(start.db))
            if abs(gm) < noise { gm = 0 }
            if abs(gb) < noise { gb = 0 }
            let rows = StepEquations.formulas(r, k: k, digits: digits, split: false)
            func shown(_ v: Double) -> String { #"\mathrm{"# + SceneText.number(v) + "}" }
            #expect(rows[1][0].hasSuffix("= " + shown(j)), "epoch \(k): \(rows[1][0])")
            #expect(rows[2][0].hasSuffix("= " + shown(gm)), "epoch \(k): \(rows[2][0])")
            #expect(rows[3][0].hasSuffix("= " + shown(gb)), "epoch \(k): \(rows[3][0])")
            // The update the rows state is the one the run made.
            let next = r.snapshots[k + 1]
            #expect(abs(s.m - lr * gm - next.m) <= 1e-9 * max(1, abs(next.m)))
            #expect(abs(s.b - lr * gb - next.b) <= 1e-9 * max(1, abs(next.b)))
            #expect(rows[4][0].hasSuffix("= " + #"\mathrm{"# + digits.m.text(next.m) + "}"))
            for row in rows { for line in row { _ = try MathFormula.parse(line) } }
        }
    }

    @Test func samplesSpreadOverXReproducibly() {
        let data = Preset.wide.generate(seed: 0)
        let sample = StepsScene.sample(data, count: 20)
        #expect(sample.count == 20 && Set(sample).count == 20)
        #expect(sample == StepsScene.sample(data, count: 20))
        let xs = sample.map { data.xs[$0] }
        #expect(xs == xs.sorted())
        #expect(xs.first == data.xs.min() && xs.last == data.xs.max())
        #expect(StepsScene.sample(Preset.linear.generate(seed: 0), count: 200) == Array(0..<100))
    }

    /// Each beat its own time, the running total rounded to centiseconds so it never drifts.
    /// The points at given ranks of x, found by selection, are those of the sorted order (ties by index),
    /// for sizes from 1 to 5,000, few distinct values (many ties), and sorted or reversed data.
    @Test func rankSelectionAgreesWithSorting() {
        var rng = SplitMix64(seed: 17)
        for round in 0..<300 {
            let n = 1 + rng.below(round < 250 ? 60 : 5000)
            var xs = (0..<n).map { _ in round % 3 == 0 ? Double(rng.below(4)) : rng.uniform() }
            if round % 7 == 1 { xs.sort() }
            if round % 7 == 2 { xs.sort(by: >) }
            let order = xs.indices.sorted { (xs[$0], $0) < (xs[$1], $1) }
            let ranks = Array(Set((0..<(1 + rng.below(25))).map { _ in rng.below(n) })).sorted()
            #expect(RankSelection.indices(of: xs, atRanks: ranks) == ranks.map { order[$0] }, "n = \(n), ranks \(ranks)")
        }
    }

    @Test func beatsKeepTheirTimes() throws {
        let (data, r) = try Self.run()
        let animation = try Animation(kind: .steps, input: SceneInput(data: data, result: r), width: 640, height: 480, frameLimit: 4)
        let seconds = try #require(animation.frameSeconds)
        #expect(animation.frameCount == 16 && seconds.count == 16)
        #expect(Array(seconds.prefix(4)) == StepsSchedule.Beat.allCases.map(\.seconds))
        #expect(abs(seconds[8] - StepsSchedule.Beat.predict.seconds * StepsSchedule.laterPace) < 1e-12)
    }

    @Test func beatsMatchGoldens() throws {
        let (data, r) = try Self.run()
        let animation = try Animation(kind: .steps, input: SceneInput(data: data, result: r), width: 640, height: 480)
        for j in [0, 1, 2, 3, 37] { try GoldenImageTests.check(try animation.render(j), golden: "steps-\(j)") }
    }
}
