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

    /// The finite value of the field `p[start..<end]`, nil when it is not a number by the grammar above,
    /// is not finite, or is left to the caller's slower check.
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        guard let (value, stop) = scan(p, start, end), stop == end else { return nil }
        return value
    }

    /// The number that starts at `p[start]` (after spaces or tabs) and ends at the first byte that cannot
    /// continue it (or at `limit`), with the spaces or tabs after it: its finite value and where that stops,
    /// so a caller splitting a line reads each field once. Nil when no number by the grammar starts there or
    /// it is not finite.
    @inline(__always)
    static func scan(_ p: UnsafePointer<UInt8>, _ start: Int, _ limit: Int) -> (Double, Int)? {
        var i = start
        while i < limit && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
        let textStart = i
        var negative = false
        if i < limit && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { negative = p[i] == UInt8(ascii: "-"); i += 1 }
        // Every digit goes into the mantissa; up to 19 of them (leading zeros included) fit a UInt64 exactly,
        // and more send the number to the slow path below.
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < limit {
            let d = p[i] &- 0x30
            guard d < 10 else { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        var digits = i - integerStart, scale = 0
        if i < limit && p[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < limit {
                let d = p[i] &- 0x30
                guard d < 10 else { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            digits += i - fractionStart
            scale = fractionStart - i
        }
        guard digits > 0 else { return nil }
        if i < limit && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            var expNegative = false
            if i < limit && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { expNegative = p[i] == UInt8(ascii: "-"); i += 1 }
            var exponent = 0, expDigits = 0
            while i < limit, p[i] >= 0x30, p[i] <= 0x39 {
                exponent = min(exponent * 10 + Int(p[i] - 0x30), 100_000)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            scale += expNegative ? -exponent : exponent
        }
        let textEnd = i
        while i < limit && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
        if digits <= 19 && mantissa <= 1 << 53 && scale >= -22 && scale <= 22 {
            let m = Double(mantissa)
            let v = scale >= 0 ? m * power(scale) : m / power(-scale)
            return (negative ? -v : v, i)
        }
        return slow(p, textStart, textEnd).map { ($0, i) }
    }

    /// The rare rest (more than 19 digits, large exponents): the standard library's correctly rounded
    /// conversion of the same text, as `CSVData.number` makes it.
    @inline(never)
    static func slow(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { return nil }
        return v
    }
}
