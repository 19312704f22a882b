#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The recipes of the classification presets (``Preset/passFail``, ``Preset/twoBlobs``,
/// ``Preset/separable``): points with labels 0 and 1 in ``Dataset/ys``, drawn from `SplitMix64`.
extension Preset {
    /// Whether the preset's labels are classes (0 or 1), for logistic regression.
    public var isClassification: Bool { [.passFail, .twoBlobs, .separable].contains(self) }

    /// The points of a classification recipe, from `rng` (seeded with `seed`).
    func classification(_ rng: inout SplitMix64, seed: UInt64) -> Dataset {
        let source = "preset \(rawValue) (seed \(seed))"
        switch self {
        case .passFail:
            var hours: [Double] = [], passed: [Double] = []
            for _ in 0..<40 {
                let h = 0.5 + 5.5 * rng.uniform()
                // A logistic deviate of scale 0.6 (u in (0, 1): 0 is redrawn).
                var u = rng.uniform()
                while u == 0 { u = rng.uniform() }
                hours.append(h)
                passed.append(h + 0.6 * log(u / (1 - u)) > 3 ? 1 : 0)
            }
            var data = Dataset(xs: hours, ys: passed, source: source)
            data.featureNames = ["hours"]
            return data
        case .twoBlobs:
            var x1: [Double] = [], x2: [Double] = [], ys: [Double] = []
            for i in 0..<200 {
                let label = Double(i % 2)
                x1.append((label == 1 ? 1 : -1) + rng.normal())
                x2.append((label == 1 ? 0.8 : -0.5) + rng.normal())
                ys.append(label)
            }
            return Dataset(columns: [x1, x2], ys: ys, names: ["x1", "x2"], source: source)
        default:
            var x1: [Double] = [], x2: [Double] = [], ys: [Double] = []
            for i in 0..<100 {
                let label = Double(i % 2), sign = label == 1 ? 1.0 : -1.0
                var a = 0.0, c = 0.0
                repeat {
                    a = sign * 2 + 0.8 * rng.normal()
                    c = sign * 2 + 0.8 * rng.normal()
                } while sign * (a + c) <= 1
                x1.append(a)
                x2.append(c)
                ys.append(label)
            }
            return Dataset(columns: [x1, x2], ys: ys, names: ["x1", "x2"], source: source)
        }
    }
}
