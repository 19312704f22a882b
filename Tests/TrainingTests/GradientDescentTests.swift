import Testing
@testable import Training

struct GradientDescentTests {
    let data = Preset.linear.generate(seed: 0)

    @Test func snapshotZeroIsTheStartAndEachLossBelongsToItsParameters() throws {
        var config = TrainingConfig()
        config.epochs = 25
        config.initialM = 1.5
        config.initialB = -2
        let r = try GradientDescent.run(data, config)
        #expect(r.snapshots.count == 26)
        #expect(r.snapshots[0].m == 1.5 && r.snapshots[0].b == -2)
        for s in r.snapshots {
            var sum = 0.0
            for i in 0..<data.count { let e = data.ys[i] - (s.m * data.xs[i] + s.b); sum += e * e }
            let direct = sum / Double(data.count)
            #expect(abs(s.loss - direct) <= 1e-12 * direct)
        }
        #expect(r.snapshots.map(\.epoch) == Array(0...25))
    }

    @Test func leastSquaresMatchesTheNormalEquations() throws {
        let s = try LossSurface(data)
        // Normal equations from raw sums, solved by Cramer's rule: independent of the centered form.
        let n = Double(data.count)
        let sx = data.xs.reduce(0, +), sy = data.ys.reduce(0, +)
        let sxx = data.xs.reduce(0) { $0 + $1 * $1 }
        let sxy = zip(data.xs, data.ys).reduce(0) { $0 + $1.0 * $1.1 }
        let det = n * sxx - sx * sx
        let m = (n * sxy - sx * sy) / det
        let b = (sxx * sy - sx * sxy) / det
        #expect(abs(s.leastSquares.m - m) <= 1e-12 * abs(m))
        #expect(abs(s.leastSquares.b - b) <= 1e-12 * abs(b))
        let g = s.gradient(m: s.leastSquares.m, b: s.leastSquares.b)
        #expect(abs(g.dm) < 1e-12 && abs(g.db) < 1e-12)
    }

    @Test func divergenceStopsWithFiniteSnapshotsAndStatesTheLimit() throws {
        let surface = try LossSurface(data)
        // λmax of H = 2[[E x², E x], [E x, 1]] from raw means, by the quadratic formula.
        let ex = data.xs.reduce(0, +) / Double(data.count)
        let ex2 = data.xs.reduce(0) { $0 + $1 * $1 } / Double(data.count)
        let trace = 2 * ex2 + 2, det = 4 * ex2 - 4 * ex * ex
        let lambdaMax = (trace + (trace * trace - 4 * det).squareRoot()) / 2
        #expect(abs(surface.stabilityLimit - 2 / lambdaMax) <= 1e-12 * surface.stabilityLimit)

        var config = TrainingConfig()
        config.learningRate = surface.stabilityLimit * 1.2
        config.epochs = 5000
        let r = try GradientDescent.run(data, config)
        let stop = try #require(r.divergedAtEpoch)
        #expect(stop < 5000)
        #expect(r.snapshots.allSatisfy { $0.loss.isFinite && $0.m.isFinite && $0.b.isFinite })
        #expect(r.snapshots.last!.loss > r.snapshots[0].loss * GradientDescent.divergenceFactor)
        #expect(r.stabilityLimit == surface.stabilityLimit)

        config.learningRate = surface.stabilityLimit * 0.95
        let stable = try GradientDescent.run(data, config)
        #expect(stable.divergedAtEpoch == nil)
        #expect(abs(stable.final.loss - surface.leastSquares.loss) < 1e-9)
    }

    @Test func bOnlyKeepsMFixedAndConvergesToTheOneDimensionalMinimum() throws {
        var config = TrainingConfig()
        config.fixedM = 2.5
        config.initialM = 99  // ignored: m is fixed
        config.epochs = 200
        let r = try GradientDescent.run(data, config)
        #expect(r.snapshots.allSatisfy { $0.m == 2.5 })
        let bStar = data.ys.reduce(0, +) / 100 - 2.5 * data.xs.reduce(0, +) / 100
        #expect(abs(r.final.b - bStar) < 1e-9)
        #expect(r.stabilityLimit == 1)
    }

    /// A per-update SGD run looks at every update's loss, so it names the update it diverged at: the first
    /// whose loss, recomputed here from the kept parameters, passes the ceiling; a per-epoch run names
    /// only the epoch.
    @Test func aPerUpdateRunNamesTheUpdateItDivergedAt() throws {
        var config = TrainingConfig()
        config.optimizer = .sgd
        config.learningRate = 3
        config.epochs = 50
        config.interval = .step
        let r = try GradientDescent.run(data, config)
        let update = try #require(r.divergedAtUpdate)
        let ceiling = r.snapshots[0].loss * GradientDescent.divergenceFactor
        let surface = try LossSurface(data)
        let before = r.snapshots.dropLast().map { surface.loss(m: $0.m, b: $0.b) }
        #expect(before.allSatisfy { $0 <= ceiling } && r.snapshots.dropLast().last!.step == update - 1)
        #expect(r.final.step == update && surface.loss(m: r.final.m, b: r.final.b) > ceiling)
        #expect(r.divergedAtEpoch == (update - 1) / data.count + 1)
        config.interval = .epoch
        let perEpoch = try GradientDescent.run(data, config)
        #expect(perEpoch.divergedAtEpoch != nil && perEpoch.divergedAtUpdate == nil)
    }

    @Test func perStepSnapshotsRecordEveryUpdate() throws {
        var config = TrainingConfig()
        config.optimizer = .minibatch(size: 30)  // 100 points: batches of 30, 30, 30, 10
        config.epochs = 3
        config.interval = .step
        let r = try GradientDescent.run(data, config)
        #expect(r.snapshots.count == 1 + 3 * 4)
        #expect(r.snapshots.map(\.step) == Array(0...12))
        #expect(r.snapshots.map(\.epoch) == [0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
        config.interval = .epoch
        let perEpoch = try GradientDescent.run(data, config)
        #expect(perEpoch.snapshots.map(\.m) == [r.snapshots[0], r.snapshots[4], r.snapshots[8], r.snapshots[12]].map(\.m))
    }

    @Test func sgdIsDeterministicPerSeedAndDiffersAcrossSeeds() throws {
        var config = TrainingConfig()
        config.optimizer = .sgd
        config.learningRate = 0.01
        config.epochs = 5
        let a = try GradientDescent.run(data, config).snapshots
        let b = try GradientDescent.run(data, config).snapshots
        config.seed = 1
        let c = try GradientDescent.run(data, config).snapshots
        #expect(a == b)
        #expect(a.last!.m != c.last!.m)
    }

    @Test func zeroVarianceInXIsAClearError() {
        let flat = Dataset(xs: [2, 2, 2], ys: [1, 2, 3], source: "flat")
        #expect(throws: LossSurface.SetupError.constantX(2)) { try LossSurface(flat) }
        let message = LossSurface.SetupError.constantX(2).description
        #expect(message.contains("no slope"))
    }

    @Test func presetsFollowTheirRecipes() throws {
        let linear = Preset.linear.generate(seed: 0)
        #expect(linear.count == 100 && linear.xs.allSatisfy { (0..<2).contains($0) })
        let fit = try LossSurface(linear).leastSquares
        #expect(abs(fit.m - 3) < 0.6 && abs(fit.b - 4) < 0.6)
        let wide = Preset.wide.generate(seed: 0)
        #expect(wide.count == 1000 && wide.xs.allSatisfy { (0..<10).contains($0) })
        let wfit = try LossSurface(wide).leastSquares
        #expect(abs(wfit.m - 5) < 0.2 && abs(wfit.loss - 16) < 3)
        let noisy = Preset.noisy.generate(seed: 0)
        let nfit = try LossSurface(noisy).leastSquares
        #expect(noisy.count == 100 && (5...105).contains(nfit.m))
        #expect(Preset.linear.generate(seed: 1) != linear)
        #expect(Preset.linear.generate(seed: 0) == linear)
    }

    @Test func splitMix64MatchesTheReferenceStream() {
        // Vigna's splitmix64.c seeded with 0 yields these first outputs.
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func standardizedXHasZeroMeanUnitSpreadAndTheSameLine() throws {
        let data = Preset.wide.generate(seed: 4)
        let z = try #require(data.standardizingX())
        let n = Double(z.count)
        let mean = z.xs.reduce(0, +) / n
        let sd = (z.xs.reduce(0) { $0 + $1 * $1 } / n).squareRoot()
        #expect(abs(mean) < 1e-12 && abs(sd - 1) < 1e-12)
        #expect(z.ys == data.ys)
        // The least-squares line is the same line: m = m'/σ, b = b' − m'·x̄/σ.
        let raw = try LossSurface(data).leastSquares, scaled = try LossSurface(z).leastSquares
        let xm = data.xs.reduce(0, +) / n
        let sx = (data.xs.reduce(0) { $0 + ($1 - xm) * ($1 - xm) } / n).squareRoot()
        #expect(abs(scaled.m / sx - raw.m) <= 1e-12 * abs(raw.m))
        #expect(abs((scaled.b - scaled.m * xm / sx) - raw.b) <= 1e-9 * max(1, abs(raw.b)))
        #expect(Dataset(xs: [2, 2, 2], ys: [1, 2, 3], source: "flat").standardizingX() == nil)
    }
}

/// Per-update histories stay bounded: past `GradientDescent.snapshotLimit` updates a run keeps every s-th
/// (s = ⌈updates / limit⌉) and its last, the kept ones exactly those of the full run.
struct BoundedHistoryTests {
    @Test func longPerUpdateRunsKeepEverySthUpdate() throws {
        let data = Preset.wide.generate(seed: 0)   // 1,000 points: 1,000 SGD updates an epoch
        var config = TrainingConfig()
        config.optimizer = .sgd
        config.learningRate = 0.005
        config.interval = .step
        config.epochs = 90                          // 90,000 updates: under the limit, every one kept
        let full = try GradientDescent.run(data, config)
        #expect(full.snapshots.count == 90_001 && full.snapshots.map(\.step) == Array(0...90_000))
        config.epochs = 250                         // 250,000 updates: every 3rd kept, and the last
        let long = try GradientDescent.run(data, config)
        let s = (250_000 + GradientDescent.snapshotLimit - 1) / GradientDescent.snapshotLimit
        #expect(s == 3 && long.snapshots.count <= GradientDescent.snapshotLimit + 2)
        #expect(long.snapshots.dropLast().allSatisfy { $0.step % s == 0 } && long.final.step == 250_000)
        #expect(long.isPerUpdate)
        // The kept snapshots are the full run's at those updates (the same arithmetic, only fewer recorded).
        let shared = long.snapshots.prefix { $0.step <= 90_000 }
        for snap in shared { #expect(snap == full.snapshots[snap.step], "update \(snap.step)") }
    }
}
