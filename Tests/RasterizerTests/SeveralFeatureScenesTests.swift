import Foundation
import GDAnimateKit
import Testing
@testable import Rasterizer
import Training

/// The scenes of several features (issue 23, item 1): the line scene draws each point's prediction against
/// its truth, the contour the loss over two weights (exact for two standardized features, else a slice).
struct SeveralFeatureScenesTests {
    /// The correlated preset, standardized, planned by the library: first, middle and last frames against
    /// goldens (at most 0.5 % of pixels off by more than 2 levels), light and dark.
    @Test(arguments: ["light", "dark"])
    func framesMatchGoldens(_ theme: String) throws {
        var visual = Visual(scene: .line, data: .preset(.correlated))
        (visual.standardize, visual.learningRate) = (true, 0.3)
        visual.theme = theme == "dark" ? .dark : .light
        let scene = try Plan(visual, data: visual.loadData()).scenes[0]
        let animation = try Animation(kind: .line, input: scene.input, width: 320, height: 240)
        for k in [0, animation.frameCount / 2, animation.frameCount - 1] {
            try GoldenImageTests.check(try animation.render(k), golden: "prediction-\(theme)-\(k)")
        }
    }

    /// The contour over (w1, w2) of the correlated preset, standardized (exact) and raw (a slice at b*):
    /// first, middle and last frames against goldens, light and dark.
    @Test(arguments: ["light", "dark"], [true, false])
    func contourFramesMatchGoldens(_ theme: String, _ standardize: Bool) throws {
        var visual = Visual(scene: .contour, data: .preset(.correlated))
        (visual.standardize, visual.learningRate) = (standardize, standardize ? 0.3 : 0.1)
        visual.theme = theme == "dark" ? .dark : .light
        let scene = try Plan(visual, data: visual.loadData()).scenes[0]
        let animation = try Animation(kind: .contour, input: scene.input, width: 320, height: 240)
        for k in [0, animation.frameCount / 2, animation.frameCount - 1] {
            try GoldenImageTests.check(try animation.render(k), golden: "weights-\(standardize ? "standardized" : "raw")-\(theme)-\(k)")
        }
    }

    /// The slice's J is the model's own J at (w1, w2) with b at b* (exact for standardized features at any b,
    /// less (ȳ − b)²), and its gradient the model's first two entries there.
    @Test func theSliceIsTheModelsLoss() throws {
        for standardize in [false, true] {
            var data = Preset.correlated.generate(seed: 0)
            if standardize { data = try #require(data.standardizingFeatures()) }
            let model = try LinearRegression(data)
            let best = try #require(model.optimum).theta
            let slice = WeightSlice(model)
            #expect(slice.isExact == standardize)
            for (u, v) in [(0.0, 0.0), (1.5, -3.0), (best[0] + 0.2, best[1])] {
                let theta = [u, v, best[2]]
                #expect(abs(slice.loss(u, v) - model.loss(theta)) <= 1e-12 * model.loss(theta))
                var g = [0.0, 0.0, 0.0]
                model.gradient(theta, into: &g)
                let s = slice.gradient(u, v)
                #expect(abs(s.du - g[0]) <= 1e-10 * max(1, abs(g[0])) && abs(s.dv - g[1]) <= 1e-10 * max(1, abs(g[1])))
            }
        }
    }

    /// Over any pair of three weights (`--axes w1,w3`), the slice is the model's J with the third weight and
    /// b held at their optimum, and never exact (a third weight is held).
    @Test func aSliceOverAnyPairHoldsTheOthersAtTheirOptimum() throws {
        let two = Preset.correlated.generate(seed: 3)
        let third = two.xs.indices.map { i in (Double(i) * 0.7).truncatingRemainder(dividingBy: 3) - 1 }
        let ys = zip(two.ys, third).map { $0 + 1.5 * $1 }
        let data = try #require(Dataset(columns: two.featureColumns + [third], ys: ys, names: ["x1", "x2", "x3"], source: "t").standardizingFeatures())
        let model = try LinearRegression(data)
        let best = try #require(model.optimum).theta
        for (i, j) in [(0, 2), (2, 1), (1, 0)] {
            let slice = WeightSlice(model, axes: (i, j))
            #expect(!slice.isExact)
            #expect(slice.optimum.u == best[i] && slice.optimum.v == best[j])
            for (u, v) in [(0.0, 0.0), (1.5, -3.0), (best[i] + 0.2, best[j] - 0.1)] {
                var theta = best
                (theta[i], theta[j]) = (u, v)
                #expect(abs(slice.loss(u, v) - model.loss(theta)) <= 1e-12 * model.loss(theta))
            }
        }
    }

    /// At the optimum the predictions are the least squares' own: ŷ = Xw* + b* with its residuals
    /// orthogonal to every feature and summing to 0.
    @Test func predictionsAtTheOptimumLeaveOrthogonalResiduals() throws {
        let data = Preset.correlated.generate(seed: 0)
        let best = try #require(try LinearRegression(data).optimum)
        let yHat = PredictionScene.predictions(best.theta, data.featureColumns)
        let residuals = zip(data.ys, yHat).map { $0 - $1 }
        #expect(abs(residuals.reduce(0, +)) < 1e-9)
        for column in data.featureColumns { #expect(abs(zip(column, residuals).reduce(0) { $0 + $1.0 * $1.1 }) < 1e-9) }
    }
}
