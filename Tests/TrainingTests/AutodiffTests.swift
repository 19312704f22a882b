import _Differentiation
import Testing
@testable import Training

/// The analytic gradient of the loss against Swift's automatic differentiation of the plain definition
/// J(m, b) = 1/n Σ (yᵢ − (m·xᵢ + b))², on random data and parameters.
struct AutodiffTests {
    @differentiable(reverse, wrt: (m, b))
    static func meanSquaredError(_ m: Double, _ b: Double, xs: [Double], ys: [Double]) -> Double {
        var sum = 0.0
        for i in withoutDerivative(at: 0..<xs.count) {
            let r = ys[i] - (m * xs[i] + b)
            sum += r * r
        }
        return sum / Double(xs.count)
    }

    @Test(arguments: 0..<20)
    func analyticGradientMatchesAutodiff(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 1000)
        let n = 5 + rng.below(200)
        let scale = [0.01, 1, 100][seed % 3]
        let xs = (0..<n).map { _ in scale * (rng.uniform() * 4 - 1) }
        let ys = xs.map { 2 * $0 - 1 + rng.normal() * scale }
        let m = rng.normal() * 5, b = rng.normal() * 5
        let surface = try LossSurface(Dataset(xs: xs, ys: ys, source: "random"))
        let auto = gradient(at: m, b) { m, b in Self.meanSquaredError(m, b, xs: xs, ys: ys) }
        let ours = surface.gradient(m: m, b: b)
        let scaleM = max(abs(auto.0), 1e-300), scaleB = max(abs(auto.1), 1e-300)
        #expect(abs(ours.dm - auto.0) / scaleM <= 1e-12, "dJ/dm \(ours.dm) vs \(auto.0)")
        #expect(abs(ours.db - auto.1) / scaleB <= 1e-12, "dJ/db \(ours.db) vs \(auto.1)")
    }
}
