import Testing
@testable import Training

/// The stochastic optimizers' visiting order (`EpochOrder`): a permutation every epoch, a different one each
/// epoch, and no position favouring any point. The paths it gives are checked against NumPy in
/// ReferenceHistoryTests (make-fixtures.py computes the same order independently in Python).
struct EpochOrderTests {
    /// Every position maps to a different point, for every size up to 300 and around powers of four.
    @Test func everyEpochIsAPermutation() {
        var rng = SplitMix64(seed: 11)
        let sizes = Array(0...300) + [1023, 1024, 1025, 4095, 4096, 4097, 65_537, 1 << 20, (1 << 20) + 3]
        for n in sizes {
            var order = EpochOrder(count: n)
            for _ in 0..<(n < 1000 ? 3 : 1) {
                order.reshuffle(&rng)
                var seen = [Bool](repeating: false, count: n)
                for k in 0..<n {
                    let i = order.index(k)
                    #expect(i >= 0 && i < n && !seen[i], "n = \(n), position \(k) gives \(i) again or out of range")
                    if i >= 0 && i < n { seen[i] = true }
                }
            }
        }
    }

    /// Which point comes first is uniform over 20,000 epochs of 10 points (χ² with 9 degrees of freedom
    /// below 27.9, its 0.1 % tail), and so is where point 0 lands; consecutive epochs differ.
    @Test func positionsAreUniformAndEpochsDiffer() {
        var rng = SplitMix64(seed: 5)
        var order = EpochOrder(count: 10)
        var first = [Int](repeating: 0, count: 10), whereZero = [Int](repeating: 0, count: 10)
        var previous: [Int] = [], repeats = 0
        let epochs = 20_000
        for _ in 0..<epochs {
            order.reshuffle(&rng)
            let visit = (0..<10).map(order.index)
            first[visit[0]] += 1
            whereZero[visit.firstIndex(of: 0)!] += 1
            if visit == previous { repeats += 1 }
            previous = visit
        }
        func chiSquare(_ counts: [Int]) -> Double {
            let expected = Double(epochs) / 10
            return counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        }
        #expect(chiSquare(first) < 27.9, "first point counts \(first)")
        #expect(chiSquare(whereZero) < 27.9, "point 0's positions \(whereZero)")
        // 10! orders: two equal in a row should almost never happen.
        #expect(repeats <= 2)
    }

    /// Neighbours in the data are not neighbours in the order: over 100,000 points, how often position k + 1
    /// holds the point after position k's is near the 1/n of a random order, not 1.
    @Test func orderIsNotTheDataOrder() {
        var rng = SplitMix64(seed: 9)
        var order = EpochOrder(count: 100_000)
        order.reshuffle(&rng)
        var adjacent = 0
        for k in 0..<99_999 where order.index(k + 1) == order.index(k) + 1 { adjacent += 1 }
        #expect(adjacent < 10)
    }
}
