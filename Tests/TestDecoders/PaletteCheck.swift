/// How a decoded frame of a palette-mapped animation compares with the full-colour frame it was made from.
///
/// The encoders map each colour to the palette entry nearest it by squared distance weighted 3:4:2 (r, g,
/// b). With weights between 2 and 4, the entry chosen is within √2 of the nearest entry's plain RGB
/// distance (2·|q − p|² ≤ W(q, p) ≤ W(c, p) ≤ 4·|c − p|² for every entry c), and it is the colour itself
/// when that is an entry. The entries may be any subset of the palette (say, the colours the decoded
/// frames show): fewer entries only loosen the bound.
public struct PaletteCheck {
    private let entries: [UInt32]
    private var nearest: [UInt32: Int] = [:]

    /// A check against palette `entries` (0xRRGGBB).
    public init(entries: some Sequence<UInt32>) { self.entries = Array(Set(entries.map { $0 & 0xFF_FFFF })) }

    /// Pixels of `shown` that are not the palette's nearest colour of `rendered`'s pixel, and the mean
    /// error per channel in levels of 255. Both 0xRRGGBB (higher bits ignored).
    public mutating func compare(rendered: [UInt32], shown: [UInt32]) -> (off: Int, meanError: Double) {
        precondition(rendered.count == shown.count)
        var off = 0, error = 0
        for (p, q) in zip(rendered, shown) {
            let p = p & 0xFF_FFFF, q = q & 0xFF_FFFF
            let bound: Int
            if let n = nearest[p] { bound = n } else { bound = entries.map { Self.d2($0, p) }.min() ?? 0; nearest[p] = bound }
            if Self.d2(q, p) > 2 * bound { off += 1 }
            error += abs(Int(p >> 16) - Int(q >> 16)) + abs(Int(p >> 8 & 255) - Int(q >> 8 & 255)) + abs(Int(p & 255) - Int(q & 255))
        }
        return (off, rendered.isEmpty ? 0 : Double(error) / Double(3 * rendered.count))
    }

    /// Squared RGB distance.
    public static func d2(_ a: UInt32, _ b: UInt32) -> Int {
        let dr = Int(a >> 16 & 255) - Int(b >> 16 & 255), dg = Int(a >> 8 & 255) - Int(b >> 8 & 255), db = Int(a & 255) - Int(b & 255)
        return dr * dr + dg * dg + db * db
    }
}
