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
}
