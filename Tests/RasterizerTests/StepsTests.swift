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
            // The gradients to the digits shown (four, more where the update row needs them).
            for (row, g) in [(rows[2][0], gm), (rows[3][0], gb)] {
                let text = try #require(Self.numbers(row).last)
                let digits = text.prefix { $0 != "e" }.filter(\.isNumber).drop(while: { $0 == "0" }).count
                let value = try #require(Double(text))
                #expect(abs(value - g) <= max(1e-300, abs(g)) * 6 * Self.ten(-max(4, digits)), "epoch \(k): \(row) vs \(g)")
            }
            // The update the rows state is the one the run made.
            let next = r.snapshots[k + 1]
            #expect(abs(s.m - lr * gm - next.m) <= 1e-9 * max(1, abs(next.m)))
            #expect(abs(s.b - lr * gb - next.b) <= 1e-9 * max(1, abs(next.b)))
            #expect(rows[4][0].hasSuffix("= " + #"\mathrm{"# + digits.m.text(next.m) + "}"))
            // Each update row adds up as shown: now − α × g = new, to the rounding of the three numbers
            // (half a unit of new's last place each for now and new, as much for α·g).
            for (row, p) in [(rows[4][0], digits.m), (rows[5][0], digits.b)] {
                let n = try Self.numbers(row).map { try #require(Double($0)) }
                try #require(n.count == 4, "\(row)")
                #expect(abs(n[0] - n[1] * n[2] - n[3]) <= 1.51 * p.resolution(n[3]), "epoch \(k): \(row)")
            }
            for row in rows { for line in row { _ = try MathFormula.parse(line) } }
        }
    }

    /// The numbers of a formula's text, as written in its `\mathrm{…}` (a parenthesised negative as −).
    static func numbers(_ row: String) -> [String] {
        row.components(separatedBy: #"\mathrm{"#).dropFirst().map { part in
            String(part.prefix { $0 != "}" }).replacingOccurrences(of: "−", with: "-")
        }
    }

    static func ten(_ k: Int) -> Double { k >= 0 ? (0..<k).reduce(1.0) { p, _ in p * 10 } : 1 / ten(-k) }

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
