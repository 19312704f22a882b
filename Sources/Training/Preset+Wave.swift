/// The recipe of ``Preset/wave``.
extension Preset {
    /// The points of scikit-learn's example "Underfitting vs. Overfitting"
    /// (`examples/model_selection/plot_underfitting_overfitting.py`), followed as written there with this
    /// package's generator in place of NumPy's: 30 values x ~ U[0, 1) drawn first and sorted, then
    /// y = cos(1.5πx) + 0.1·N(0, 1) for each in turn. (The sketch said sin(2πx); the example it
    /// names uses this cosine, a bit over half a period, which a cubic already fits well.)
    static func waveRecipe(_ rng: inout SplitMix64) -> (xs: [Double], ys: [Double]) {
        let xs = (0..<30).map { _ in rng.uniform() }.sorted()
        let ys = xs.map { cos(1.5 * Double.pi * $0) + 0.1 * rng.normal() }
        return (xs, ys)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
