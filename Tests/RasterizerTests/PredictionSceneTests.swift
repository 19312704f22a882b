import Foundation
import GDAnimateKit
import Testing
@testable import Rasterizer
import Training

/// The line scene of several features draws each point's prediction against its truth (issue 23, item 1).
struct PredictionSceneTests {
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
