import Testing
@testable import GDAnimateKit

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

    /// The plan draws the curve scene and the loss scene's second curve: the held-out MSE at every snapshot.
    @Test func theLossSceneMeasuresTheHeldOutPoints() throws {
        var visual = Visual(scene: .loss, data: .points(Self.cubic(40)))
        visual.degree = 2
        visual.validation = 0.25
        visual.epochs = 30
        visual.formats = []
        visual.poster = true
        let data = try visual.loadData()
        let plan = try Plan(visual, data: data)
        let held = try #require(data.heldOut)
        let run = try #require(plan.main)
        // A quadratic cannot fit a cubic: both losses stay above 0, and the validation MSE is the held-out points' own.
        for s in run.snapshots {
            var total = 0.0
            for i in held.ys.indices {
                var yHat = s.theta[2]
                for j in 0..<2 { yHat += s.theta[j] * held.columns[j][i] }
                total += (held.ys[i] - yHat) * (held.ys[i] - yHat)
            }
            #expect(abs(held.meanSquaredError(s.theta) - total / 10) <= 1e-12 * total)
        }
        #expect(plan.scenes.count == 1)
    }
}
