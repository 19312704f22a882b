import Rasterizer

/// The one colour table all frames of an animation share (at most 255 colours; the 256th index is kept
/// for "unchanged since the previous frame").
///
/// Chosen from sample frames: the colours that cover many pixels (backgrounds, bands, lines, text) are
/// kept exactly, so flat plot colours stay flat; the budget left is spent by weighted median cut on the
/// rest (anti-aliased edges). Pixels map to their nearest entry without dithering. libgd's own
/// quantizer works per image, so each frame would get its own palette and dither noise; hence this.
public struct Palette: Sendable {
    /// The entries, in index order: at most ``maxColors``.
    public let colors: [RGB]

    /// The most colours a palette holds: 255, leaving room in the GIF's 256-entry table for the transparent
    /// "unchanged" entry.
    public static let maxColors = 255

    /// A palette of exactly `colors` (1 to ``maxColors`` of them), in that order.
    public init(colors: [RGB]) {
        precondition(!colors.isEmpty && colors.count <= Self.maxColors)
        self.colors = colors
    }

    /// A palette for frames like `samples`. The `keep` colours that appear in them are exact entries
    /// however few pixels they cover: the series and marks of a theme (a small arrow or marker would
    /// otherwise fall to the nearest mixed shade, sky blue drawn as steel blue).
    public init(sampling samples: [Frame], maxColors: Int = Palette.maxColors, keep: [RGB] = []) {
        var counts: [UInt32: Int] = [:]
        for frame in samples {
            var run = (frame.pixels.first ?? 0) & 0xFF_FFFF
            var length = 0
            for pixel in frame.pixels {
                let p = pixel & 0xFF_FFFF   // a transparent pixel counts as the page colour it keeps
                if p == run { length += 1; continue }
                counts[run, default: 0] += length
                run = p
                length = 1
            }
            if length > 0 { counts[run, default: 0] += length }
        }
        var ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        // The kept colours present go first, in the order given (at most half the table).
        let kept = Array(keep.map(\.value).filter { counts[$0] != nil }.reduce(into: [UInt32]()) { if !$0.contains($1) { $0.append($1) } }.prefix(maxColors / 2))
        if !kept.isEmpty {
            ranked = kept.map { ($0, counts[$0]!) } + ranked.filter { !kept.contains($0.key) }
        }
        if ranked.count <= maxColors {
            colors = ranked.map { RGB($0.key) }
            return
        }
        let total = ranked.reduce(0) { $0 + $1.value }
        // Exact entries: colours covering at least 1/2000 of the sampled pixels, at most 3/4 of the table.
        let exactLimit = maxColors * 3 / 4
        let exact = ranked.enumerated().prefix { $0.offset < kept.count || $0.element.value * 2000 >= total }.map(\.element)
            .prefix(max(exactLimit, kept.count))
        let rest = ranked.dropFirst(exact.count).map { (color: RGB($0.key), weight: $0.value) }
        colors = exact.map { RGB($0.key) } + Self.medianCut(rest, boxes: maxColors - exact.count)
    }

    /// Weighted median cut: split the box with the largest weighted spread along its longest axis at the
    /// weighted median, until `boxes` boxes; each box gives its weighted mean colour.
    static func medianCut(_ items: [(color: RGB, weight: Int)], boxes: Int) -> [RGB] {
        guard !items.isEmpty, boxes > 0 else { return [] }
        var queue: [[(color: RGB, weight: Int)]] = [items]
        func spread(_ box: [(color: RGB, weight: Int)]) -> (axis: Int, score: Int) {
            var lo = [255, 255, 255], hi = [0, 0, 0], weight = 0
            for item in box {
                let c = [item.color.r, item.color.g, item.color.b]
                for k in 0..<3 { lo[k] = min(lo[k], c[k]); hi[k] = max(hi[k], c[k]) }
                weight += item.weight
            }
            let ranges = (0..<3).map { hi[$0] - lo[$0] }
            let axis = ranges.firstIndex(of: ranges.max()!)!
            return (axis, box.count > 1 ? ranges[axis] * Int(Double(weight).squareRoot() + 1) : -1)
        }
        while queue.count < boxes {
            let scored = queue.map(spread)
            guard let pick = scored.indices.max(by: { scored[$0].score < scored[$1].score }), scored[pick].score > 0 else { break }
            let axis = scored[pick].axis
            let box = queue[pick].sorted {
                let a = [$0.color.r, $0.color.g, $0.color.b][axis], b = [$1.color.r, $1.color.g, $1.color.b][axis]
                return a != b ? a < b : $0.color.value < $1.color.value
            }
            let half = box.reduce(0) { $0 + $1.weight } / 2
            var acc = 0, cut = 1
            for (i, item) in box.enumerated() {
                acc += item.weight
                if acc >= half { cut = max(1, min(box.count - 1, i + 1)); break }
            }
            queue[pick] = Array(box[..<cut])
            queue.append(Array(box[cut...]))
        }
        return queue.map { box in
            var r = 0, g = 0, b = 0, w = 0
            for item in box { r += item.color.r * item.weight; g += item.color.g * item.weight; b += item.color.b * item.weight; w += item.weight }
            return RGB(r: (r + w / 2) / w, g: (g + w / 2) / w, b: (b + w / 2) / w)
        }
    }

    /// The index of the entry nearest `c` (squared distance weighted 3:4:2 for r, g, b; first wins ties).
    func nearest(_ c: RGB) -> UInt8 {
        var best = 0, bestDistance = Int.max
        for (i, p) in colors.enumerated() {
            let dr = p.r - c.r, dg = p.g - c.g, db = p.b - c.b
            let d = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if d < bestDistance { bestDistance = d; best = i; if d == 0 { break } }
        }
        return UInt8(best)
    }
}

/// Remembers each colour's palette index: an open-addressing hash table, because an animation's frames
/// hold a few thousand distinct colours looked up millions of times.
struct PaletteMap {
    let palette: Palette
    private var keys: [UInt32]
    private var values: [UInt8]
    private var used = 0
    private static let emptyKey: UInt32 = 0xFFFF_FFFF

    init(_ palette: Palette) {
        self.palette = palette
        keys = [UInt32](repeating: Self.emptyKey, count: 1 << 14)
        values = [UInt8](repeating: 0, count: 1 << 14)
    }

    @inline(__always)
    mutating func index(of pixel: UInt32) -> UInt8 {
        let key = pixel & 0xFF_FFFF
        let mask = keys.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == Self.emptyKey { break }
            slot = (slot + 1) & mask
        }
        let v = palette.nearest(RGB(key))
        keys[slot] = key
        values[slot] = v
        used += 1
        if used * 2 > keys.count { grow() }
        return v
    }

    @inline(__always)
    private static func hash(_ key: UInt32) -> Int { Int((UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt32](repeating: Self.emptyKey, count: oldKeys.count * 2)
        values = [UInt8](repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (k, v) in zip(oldKeys, oldValues) where k != Self.emptyKey {
            var slot = Self.hash(k) & mask
            while keys[slot] != Self.emptyKey { slot = (slot + 1) & mask }
            keys[slot] = k
            values[slot] = v
        }
    }
}
