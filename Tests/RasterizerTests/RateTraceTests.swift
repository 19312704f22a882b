import Foundation
import Testing
@testable import Rasterizer
import Training

/// The learning-rate trace on the loss chart: the schedule's α per snapshot, drawn where its right axis
/// says, none for a constant rate, and as the golden shows.
struct RateTraceTests {
    static func input(_ schedule: LearningRateSchedule) throws -> SceneInput {
        let data = Preset.linear.generate(seed: 0)
        var config = TrainingConfig()
        config.learningRate = 0.3
        config.schedule = schedule
        return SceneInput(data: data, result: try GradientDescent.run(data, config))
    }

    @Test func tracesTheScheduleOnItsOwnAxis() throws {
        let input = try Self.input(.step(every: 25, gamma: 0.5))
        let scene = LossScene(input, panel: .full(width: 640, height: 480), font: try Font.make())
        let trace = try #require(scene.rate)
        // α of the updates into snapshot k is the rate of epoch k − 1: 0.3 up to epoch 25, then halved every 25.
        for (k, rate) in trace.rates.enumerated() {
            #expect(rate == 0.3 * pow(0.5, Double(max(0, k - 1) / 25)), "snapshot \(k)")
        }
        let canvas = try Canvas(width: 640, height: 480)
        scene.drawBackground(on: canvas)
        // The first step sits at α = 0.3 on the right axis: a pixel on it, halfway through epochs 1–25, is
        // drawn (not the plot's white), and one well above it is not.
        let x = Int(scene.chart.x.map(12).rounded()), y = Int(trace.axis.map(0.3).rounded())
        #expect((y - 1...y + 1).contains { canvas.pixel(x, $0) != Theme.light.plot })
        #expect(canvas.pixel(x, y - 12) == Theme.light.plot || canvas.pixel(x, y - 12) == Theme.light.grid)
        #expect(LossScene(try Self.input(.constant), panel: .full(width: 640, height: 480), font: try Font.make()).rate == nil)
    }

    @Test func traceMatchesGolden() throws {
        let animation = try Animation(kind: .loss, input: Self.input(.cosine(minimum: 0)), width: 320, height: 240)
        try GoldenImageTests.check(try animation.render(100), golden: "loss-cosine-rate-100")
    }
}
