/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference constants): a 64-bit generator whose whole
/// state is one counter, so the same seed gives the same stream on every machine and compiler.
///
/// Every derived draw is defined here, not through the standard library's `random(in:using:)`, whose
/// algorithms are not promised to stay the same between Swift releases:
/// - `uniform()`: the top 53 bits scaled by 2⁻⁵³, a Double in [0, 1);
/// - `below(n)`: Lemire's multiply-shift, ⌊next · n / 2⁶⁴⌋ (bias at most n / 2⁶⁴);
/// - `normal()`: Marsaglia's polar method, using both values of each accepted pair.
public struct SplitMix64: Sendable {
    private var state: UInt64
    private var spareNormal: Double?

    /// A generator whose whole stream is fixed by `seed` (any value, 0 included).
    public init(seed: UInt64) { state = seed }

    /// The next 64 bits of the stream: the counter advanced by the golden-ratio constant, then mixed.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's output function: 64 bits whose every bit depends on every bit of `z` (a bijection).
    @inline(__always)
    public static func mix(_ z: UInt64) -> UInt64 {
        var z = z
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A Double uniform in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// An integer uniform in 0..<n, n > 0.
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A standard normal deviate (mean 0, variance 1) by Marsaglia's polar method.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
