#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers as people write them on a chart: no float noise (`0.3`, not `0.30000000000000004`), no
/// trailing zeros, and a compact exponent (`2e6`, `1.5e-9`) where plain digits would run long.
public enum NumberFormat {
    /// A count as text: grouped by thousands with commas from 10,000 on ("10,000,000 points"), plain below.
    public static func count(_ n: Int) -> String {
        guard abs(n) >= 10_000 else { return String(n) }
        var digits = String(abs(n)), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// `value` with `digits` significant digits, C's `%g` rules, exponent written compactly (`1.234e6`),
    /// and a true minus sign. With `keepZeros` trailing zeros stay (`3.100`: the digits are significant).
    public static func significant(_ value: Double, digits: Int = 4, keepZeros: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return keepZeros && digits > 1 ? "0." + String(repeating: "0", count: digits - 1) : "0" }
        var text = compactExponent(printf(keepZeros ? "%#.*g" : "%.*g", Int32(digits), value))
        if text.hasSuffix(".") { text.removeLast() }
        return minus(text)
    }

    /// The fewest significant digits (up to 17) that read back as `value` exactly: `1e6`, `1.0003e6`, `0.25`.
    public static func shortest(_ value: Double) -> String {
        for digits in 1...17 {
            let text = printf("%.*g", Int32(digits), value)
            if Double(text) == value { return minus(compactExponent(text)) }
        }
        return significant(value, digits: 17)
    }

    /// Six significant digits with an ASCII minus: numbers for a terminal or a log.
    public static func plain(_ v: Double) -> String { String(significant(v, digits: 6).map { $0 == "−" ? "-" : $0 }) }

    /// ASCII hyphens used as minus signs become U+2212, as typeset mathematics has them.
    static func minus(_ s: String) -> String { s.replacingOccurrences(of: "-", with: "−") }

    /// A tick label for `value` on an axis whose ticks are `step` apart: just enough decimals to tell
    /// neighbouring ticks apart, in plain notation unless the numbers are very large or very small.
    public static func tick(_ value: Double, step: Double, scaleOf magnitude: Double) -> String {
        guard value.isFinite, step > 0, step.isFinite else { return significant(value) }
        if abs(value) < step * 1e-9 { return "0" }
        let stepExponent = Int(log10(step).rounded(.down))
        let mantissa = step / pow(10, Double(stepExponent))
        // 2.5 × 10ᵏ needs one digit more than 1, 2 or 5 × 10ᵏ.
        let extra = abs(mantissa - mantissa.rounded()) > 1e-6 ? 1 : 0
        let decimals = max(0, -stepExponent + extra)
        if magnitude >= 1e5 || (magnitude < 1e-3 && magnitude > 0) || decimals > 6 {
            let magnitudeExponent = Int(log10(abs(value)).rounded(.down))
            let digits = max(1, magnitudeExponent - stepExponent + 1 + extra)
            return significant(value, digits: digits)
        }
        return minus(printf("%.*f", Int32(decimals), value))
    }

    /// `1.5e+06` → `1.5e6`, `2e-09` → `2e-9`.
    static func compactExponent(_ s: String) -> String {
        guard let e = s.firstIndex(of: "e") else { return s }
        let mantissa = s[..<e]
        var exponent = s[s.index(after: e)...]
        var sign = ""
        if exponent.first == "+" { exponent = exponent.dropFirst() } else if exponent.first == "-" { sign = "-"; exponent = exponent.dropFirst() }
        let digits = exponent.drop(while: { $0 == "0" })
        return "\(mantissa)e\(sign)\(digits.isEmpty ? "0" : String(digits))"
    }

    /// 10ᵏ with a superscript exponent, for logarithmic axes.
    public static func powerOfTen(_ k: Int) -> String {
        let sup: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        if k == 0 { return "1" }
        if k == 1 { return "10" }
        return "10" + String(String(k).map { sup[$0]! })
    }

    static func printf(_ format: String, _ args: CVarArg...) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList(args) { vsnprintf(&buffer, buffer.count, format, $0) }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

extension String {
    func replacingOccurrences(of a: Character, with b: Character) -> String { String(map { $0 == a ? b : $0 }) }
    func replacingOccurrences(of a: String, with b: String) -> String {
        precondition(a.count == 1 && b.count == 1)
        return replacingOccurrences(of: a.first!, with: b.first!)
    }
}
