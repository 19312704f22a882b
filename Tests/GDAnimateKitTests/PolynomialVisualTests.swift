import Testing
@testable import GDAnimateKit
@testable import Rasterizer

/// `--degree` and `--validation` through the library: the points split, the powers made and scaled, and
/// the curve the line scene draws, against hand-worked polynomials.
struct PolynomialVisualTests {
    /// Noiseless points of y = 1 − 2x + 0.5x³ on [−2, 3): a cubic's least squares is the cubic itself, so
    /// the curve through θ* gives y exactly at any x, points or not, held out or not.
    static func cubic(_ n: Int) -> Dataset {
        let xs = (0..<n).map { -2 + 5 * Double($0) / Double(n) }
        return Dataset(xs: xs, ys: xs.map { 1 - 2 * $0 + 0.5 * $0 * $0 * $0 }, source: "cubic")
    }

    @Test func theCurveOfTheOptimumIsTheCubic() throws {
        var visual = Visual(scene: .line, data: .points(Self.cubic(40)))
        visual.degree = 3
        visual.validation = 0.25
        let data = try visual.loadData()
        #expect(data.count == 30 && data.heldOut?.count == 10)
        let curve = try #require(data.curve)
        #expect(curve.inputs.count == 30 && data.featureNames == ["x", "x²", "x³"])
        let best = try #require(try LinearRegression(data).optimum).theta
        for x in [-1.7, 0, 0.37, 2.9, 4] {
            let want = 1 - 2 * x + 0.5 * x * x * x
            #expect(abs(curve.prediction(best, at: x) - want) <= 1e-9 * max(1, abs(want)), "x = \(x)")
        }
        // The held-out points are measured with the training scaling: the cubic fits them exactly too.
        #expect(try #require(data.heldOut).meanSquaredError(best) < 1e-18)
        // Training and held-out inputs are the 40 points, each once.
        #expect((curve.inputs + data.heldOut!.inputs).sorted() == Self.cubic(40).xs)
    }

    /// The loss scene's second curve is the held-out points' MSE at every snapshot, measured here the
    /// independent way: each held-out point's raw x through the curve (powers, then the training scaling).
    /// A quadratic cannot fit a cubic, so both curves stay above 0.
    @Test func theLossSceneMeasuresTheHeldOutPoints() throws {
        var visual = Visual(scene: .loss, data: .points(Self.cubic(40)))
        visual.degree = 2
        visual.validation = 0.25
        visual.epochs = 30
        visual.formats = []
        visual.poster = true
        let data = try visual.loadData()
        let plan = try Plan(visual, data: data)
        let held = try #require(data.heldOut), curve = try #require(data.curve)
        let run = try #require(plan.main)
        let series = LossScene.validation(plan.scenes[0].input, color: RGB(0))
        #expect(series.count == 1 && series[0].snapshots.count == run.snapshots.count)
        for (s, v) in zip(run.snapshots, series[0].snapshots) {
            let expected = zip(held.inputs, held.ys).reduce(0) { $0 + ($1.1 - curve.prediction(s.theta, at: $1.0)) * ($1.1 - curve.prediction(s.theta, at: $1.0)) } / Double(held.count)
            #expect(abs(v.loss - expected) <= 1e-12 * expected, "epoch \(s.epoch)")
            #expect(v.loss > 0.01 && s.loss > 0.01)
        }
    }
}
