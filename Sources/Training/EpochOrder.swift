/// The order in which an epoch of stochastic descent visits the points: a fresh random permutation of
/// 0..<n every epoch, computed position by position in constant memory, so ten million points cost no
/// index array beside the points themselves.
///
/// The permutation is a keyed Feistel network over the 2h-bit numbers (the smallest 4^h ≥ n) with
/// ``rounds`` rounds, each mixing one half with SplitMix64's output function and a round key drawn from the
/// shuffle's own stream, restricted to 0..<n by cycle walking: an index at or past n is sent through the
/// network again until it lands below n, which keeps the map one-to-one (Black & Rogaway 2002). A Feistel
/// network is a bijection whatever its round function; the mixing makes every epoch's order look unrelated
/// to the last and to the data's. Written by hand: no available package permutes without storing the
/// permutation, and a stored one (Fisher–Yates) would take 4–8 bytes a point.
public struct EpochOrder: Sendable {
    /// The number of points ordered.
    public let count: Int
    /// Feistel rounds: six mix each half three times.
    static let rounds = 6
    private let halfBits: UInt64
    private let mask: UInt64
    private var keys: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)

    /// An order of 0..<count, to be drawn with ``reshuffle(_:)`` before each epoch.
    public init(count: Int) {
        precondition(count >= 0)
        self.count = count
        var h: UInt64 = 1
        while h < 32 && (UInt64(1) << (2 * h)) < UInt64(count) { h += 1 }
        halfBits = h
        mask = (UInt64(1) << h) - 1
    }

    /// Draws the next epoch's order: six round keys from `rng`.
    public mutating func reshuffle(_ rng: inout SplitMix64) {
        keys = (rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next())
    }

    /// The point visited at position `k` (0 ≤ k < count) of this epoch.
    @inline(__always)
    public func index(_ k: Int) -> Int {
        var v = UInt64(k)
        repeat { v = permute(v) } while v >= UInt64(count)
        return Int(v)
    }

    /// One pass through the network: a bijection of 0..<4^h.
    @inline(__always)
    private func permute(_ v: UInt64) -> UInt64 {
        // Written out: a loop over an array of the keys would allocate in this hot path.
        var a = v >> halfBits, b = v & mask
        a ^= round(b, keys.0)
        b ^= round(a, keys.1)
        a ^= round(b, keys.2)
        b ^= round(a, keys.3)
        a ^= round(b, keys.4)
        b ^= round(a, keys.5)
        return a << halfBits | b
    }

    @inline(__always)
    private func round(_ half: UInt64, _ key: UInt64) -> UInt64 { SplitMix64.mix(half ^ key) & mask }

    /// The points in an epoch's order, gathered a run of positions at a time ahead of the updates: the
    /// run's indices first, then its points copied into a small buffer, then the updates read that buffer.
    /// The reads of the scattered points so come many at once, without the cycle walk's unpredictable
    /// branch or an update's arithmetic between them, and the processor has many cache misses in flight
    /// instead of one. (Ten million points are 160 MB: nearly every read of a random point is a miss.)
    public struct Ahead {
        static let run = 256

        /// A buffer that has gathered nothing yet.
        public init() {}
        private var indices = [Int](repeating: 0, count: run)
        private var xs = [Double](repeating: 0, count: run), ys = [Double](repeating: 0, count: run)
        private var first = -run

        /// Forgets the positions gathered (a new epoch).
        public mutating func reset() { first = -Self.run }

        /// The point at position `k` of `order` in `data`, positions being asked for in increasing order.
        @inline(__always)
        public mutating func point(_ k: Int, _ order: EpochOrder, _ data: Dataset) -> (x: Double, y: Double) {
            if k >= first + Self.run { gather(from: k, order, data) }
            return (xs[k - first], ys[k - first])
        }

        private mutating func gather(from k: Int, _ order: EpochOrder, _ data: Dataset) {
            first = k
            let n = min(Self.run, order.count - k)
            indices.withUnsafeMutableBufferPointer { index in
                for j in 0..<n { index[j] = order.index(k + j) }
                data.xs.withUnsafeBufferPointer { from in
                    xs.withUnsafeMutableBufferPointer { to in for j in 0..<n { to[j] = from[index[j]] } }
                }
                data.ys.withUnsafeBufferPointer { from in
                    ys.withUnsafeMutableBufferPointer { to in for j in 0..<n { to[j] = from[index[j]] } }
                }
            }
        }
    }
}
