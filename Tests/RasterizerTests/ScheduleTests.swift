import Testing
@testable import Rasterizer
import Training

/// The frame schedule and the scenes' wording, checked against what they promise.
struct ScheduleTests {
    static func run(lr: Double, epochs: Int, dataset: Preset = .linear) throws -> TrainingResult {
        let data = dataset.generate(seed: 0)
        var config = TrainingConfig()
        config.learningRate = lr
        config.epochs = epochs
        return try GradientDescent.run(data, config)
    }

    @Test func aScheduleIsIncreasingStartsAtZeroAndEndsAtTheLastSnapshot() throws {
        let r = try Self.run(lr: 0.01, epochs: 1000, dataset: .wide)
        for count in [2, 3, 17, 150, 1000] {
            let k = FrameSchedule.indices(for: [r.snapshots], count: count)
            #expect(k.count == count)
            #expect(k.first == 0 && k.last == 1000)
            #expect(zip(k, k.dropFirst()).allSatisfy { $0 < $1 })
        }
        #expect(FrameSchedule.indices(for: [r.snapshots], count: 5000) == Array(0...1000))
    }

    @Test func framesCrowdWhereTheParametersMove() throws {
        // The first steps move the parameters most: the first tenth of the frames covers far fewer
        // epochs than the last tenth.
        let r = try Self.run(lr: 0.01, epochs: 1000, dataset: .wide)
        let k = FrameSchedule.indices(for: [r.snapshots], count: 150)
        let early = k[15] - k[0], late = k[149] - k[134]
        #expect(early * 5 < late, "first 15 frames span \(early) epochs, last 15 span \(late)")
        // And every scheduled frame's path step is at most a few percent of the whole path.
        #expect(k[1] <= 3)
    }

    @Test func anAnimationWithAFrameLimitShowsTheTrueEpochs() throws {
        let r = try Self.run(lr: 0.01, epochs: 1000, dataset: .wide)
        let input = SceneInput(data: Preset.wide.generate(seed: 0), result: r)
        let a = try Animation(kind: .loss, input: input, width: 320, height: 240, frameLimit: 40)
        #expect(a.frameCount == 40)
        #expect(a.frames == FrameSchedule.indices(for: [r.snapshots], count: 40))
        // Default: every snapshot up to 201, then 200 frames.
        #expect(try Animation(kind: .loss, input: input, width: 320, height: 240).frameCount == FrameSchedule.defaultLimit)
        let short = try Self.run(lr: 0.1, epochs: 200)
        #expect(try Animation(kind: .line, input: SceneInput(data: Preset.linear.generate(seed: 0), result: short), width: 320, height: 240).frameCount == 201)
    }

    @Test func theSweepsDefaultRatesCreepConvergeOscillateAndDiverge() throws {
        let limit = try LossSurface(Preset.linear.generate(seed: 0)).stabilityLimit
        let words = try [0.1, 0.5, 0.9, 1.05].map { SceneText.behaviour(try Self.run(lr: $0 * limit, epochs: 100)) }
        #expect(words == ["creeps", "converges", "oscillates", "diverges"])
    }

    @Test func theComparisonsLossPanelPlotsTheDistanceToJStarOnALogAxis() throws {
        let r = try Self.run(lr: 0.1, epochs: 100)
        let input = SceneInput(data: Preset.linear.generate(seed: 0), result: r)
        let scene = LossScene(input, panel: .full(width: 480, height: 360), font: try Font.make(), excess: true)
        #expect(scene.chart.y.scale == .log)
        let jStar = r.leastSquares.loss
        for k in [0, 1, 10, 100] {
            let want = max(r.snapshots[k].loss - jStar, jStar * 1e-15)
            #expect(scene.curves[0].snapshots[k].loss == want)
        }
        // Batch descent's distance falls by a constant factor per epoch late in the run (a straight
        // line on the log axis): the ratios over two later stretches agree to 1 %.
        let e = scene.curves[0].snapshots.map(\.loss)
        let a = e[60] / e[40], b = e[90] / e[70]
        #expect(abs(a / b - 1) < 0.01, "ratios \(a) and \(b)")
    }
}
