import GDAnimateKit
import Testing

/// `import GDAnimateKit` alone names the model a course tool fits (no `import Training` in this file):
/// the model, its optimum and the scaling of its features, with values worked by hand.
struct ExportsTests {
    /// y = 1 + 2·a − b exactly: the normal equations give w = (2, −1), b = 1 and a loss of 0; standardized,
    /// the same fit in the data's units comes back through `FeatureScaling.unscaled`.
    @Test func theModelIsNamedThroughTheLibraryAlone() throws {
        let a = [1.0, 2, 3, 4, 5], b = [2.0, 1, 5, 3, 4]
        let ys = zip(a, b).map { 1 + 2 * $0 - $1 }
        let data = Dataset(columns: [a, b], ys: ys, names: ["a", "b"], source: "hand")
        let model: any Model = try LinearRegression(data)
        #expect(model.parameterNames == ["w1", "w2", "b"])
        let optimum: Optimum = try #require(model.optimum)
        for (got, want) in zip(optimum.theta, [2.0, -1, 1]) { #expect(abs(got - want) < 1e-9, "\(optimum.theta)") }
        #expect(abs(optimum.loss) < 1e-12)
        let scaled = try #require(data.standardizingFeatures())
        let scaling: FeatureScaling = try #require(scaled.scaling)
        let fitted = try #require(try LinearRegression(scaled).optimum).theta
        for (got, want) in zip(scaling.unscaled(fitted), [2.0, -1, 1]) { #expect(abs(got - want) < 1e-9, "\(fitted)") }
    }

    /// A model of one's own, written against `import GDAnimateKit` alone: J(θ) = (θ₀ − 3)² + 2(θ₁ + 1)², its
    /// gradient and constant Hessian by hand. Batch descent at α = 0.1 contracts θ₀ − 3 by 0.8 and θ₁ + 1 by
    /// 0.6 an epoch; Newton's method at α = 1 lands on (3, −1) in one step.
    @Test func aModelOfOnesOwnIsFittedThroughTheLibraryAlone() throws {
        struct Bowl: Model {
            var parameterNames: [String] { ["u", "v"] }
            var count: Int { 1 }
            func loss(_ t: [Double]) -> Double { (t[0] - 3) * (t[0] - 3) + 2 * (t[1] + 1) * (t[1] + 1) }
            func gradient(_ t: [Double], into g: inout [Double]) { (g[0], g[1]) = (2 * (t[0] - 3), 4 * (t[1] + 1)) }
            func gradient(ofBatch range: Range<Int>, _ order: EpochOrder, _ ahead: inout EpochOrder.Ahead, at t: [Double], into g: inout [Double]) {
                gradient(t, into: &g)
            }
            var hessian: Hessian? { Hessian(mm: 2, mb: 0, bb: 4, determinant: 8) }
            var optimum: Optimum? { Optimum(theta: [3, -1], loss: 0) }
            var stabilityLimit: Double? { 0.5 }
            var lossScale: Double { 1 }
            var epochCost: Int { 4 }
        }
        var config = TrainingConfig()
        config.learningRate = 0.1
        config.epochs = 10
        let batch = try GradientDescent.run(model: Bowl(), config)
        let last = try #require(batch.snapshots.last)
        let (u, v) = (0..<10).reduce((1.0, 1.0)) { r, _ in (r.0 * 0.8, r.1 * 0.6) }
        #expect(abs(last.theta[0] - (3 - 3 * u)) < 1e-12 && abs(last.theta[1] - (-1 + v)) < 1e-12, "\(last.theta)")
        config.optimizer = .newton
        config.learningRate = 1
        config.epochs = 1
        let newton = try GradientDescent.run(model: Bowl(), config)
        #expect(newton.snapshots.last!.theta == [3, -1])
    }
}
