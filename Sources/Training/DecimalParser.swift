/// Decimal numbers parsed straight from the bytes of a CSV field, without making a String of it.
///
/// The grammar is `CSVData.number`'s: optional spaces or tabs, an optional sign, digits with an optional
/// point (at least one digit in all), an optional exponent `e|E [+-] digits`, optional spaces or tabs. Most
/// fields then take Clinger's fast path: a mantissa of at most 2^53 and a power of ten from 10^−22 to 10^22 are
/// both exact doubles, so one multiplication or division, rounded once, gives the nearest double, as a full
/// decimal-to-binary conversion would. The rest (more digits, larger exponents) go through the standard
/// library's correctly rounded conversion of the same text. Written by hand because no available package
/// parses numbers from bytes; fast_float's fast path is the model (Clinger 1990).
enum DecimalParser {
    /// 10^e as a double, exact for e in 0…22 (literals: a table in an array would be retained and released on
    /// every call of this hot path).
    @inline(__always)
    static func power(_ e: Int) -> Double {
        switch e {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// The finite value of the field `bytes[start..<end]`, nil when it is not a number by the grammar above,
    /// is not finite, or is left to the caller's slower check.
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start, j = end
        while i < j && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
        while j > i && (p[j - 1] == 0x20 || p[j - 1] == 0x09) { j -= 1 }
        guard i < j else { return nil }
        let textStart = i
        var negative = false
        if p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { negative = p[i] == UInt8(ascii: "-"); i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, scale = 0
        // Up to 19 digits (leading zeros not counted) fit a UInt64 exactly; more leave the fast path.
        var room = 19
        var exact = true
        while i < j {
            let d = p[i] &- 0x30
            guard d < 10 else { break }
            digits += 1
            if mantissa != 0 || d != 0 {
                if room > 0 { mantissa = mantissa &* 10 &+ UInt64(d); room -= 1 } else { exact = false; scale += 1 }
            }
            i += 1
        }
        if i < j && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < j {
                let d = p[i] &- 0x30
                guard d < 10 else { break }
                digits += 1
                if mantissa != 0 || d != 0 {
                    if room > 0 { mantissa = mantissa &* 10 &+ UInt64(d); room -= 1; scale -= 1 } else { exact = false }
                } else {
                    scale -= 1
                }
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < j && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            var expNegative = false
            if i < j && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { expNegative = p[i] == UInt8(ascii: "-"); i += 1 }
            var exponent = 0, expDigits = 0
            while i < j, p[i] >= 0x30, p[i] <= 0x39 {
                exponent = min(exponent * 10 + Int(p[i] - 0x30), 100_000)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            scale += expNegative ? -exponent : exponent
        }
        guard i == j else { return nil }
        if exact && mantissa <= 1 << 53 && scale >= -22 && scale <= 22 {
            let m = Double(mantissa)
            let v = scale >= 0 ? m * power(scale) : m / power(-scale)
            return negative ? -v : v
        }
        // The rare rest: the standard library's conversion of the same text (as CSVData.number makes it).
        let text = String(decoding: UnsafeBufferPointer(start: p + textStart, count: j - textStart), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { return nil }
        return v
    }
}
