import Foundation
import Testing
@testable import Rasterizer

struct TicksAndNumbersTests {
    @Test(arguments: [(0.0, 1.0), (0.0, 1e-9), (1.0, 1.0 + 1e-9), (-5e9, 3e9), (-7.3, -2.1), (0.1, 0.7), (3.0, 3.0), (0.0, 0.0), (-1e-300, 1e-300), (123456.0, 123789.0)])
    func niceTicksAreFourToEightEvenSteps(_ range: (Double, Double)) {
        let (lo, hi) = NiceTicks.range(range.0, range.1)
        #expect(hi > lo)
        let (values, step) = NiceTicks.linear(lo, hi)
        #expect((4...8).contains(values.count), "\(values.count) ticks for \(lo)…\(hi)")
        #expect(values.allSatisfy { $0 >= lo - step * 1e-6 && $0 <= hi + step * 1e-6 })
        let mantissa = step / pow(10, (log10(step)).rounded(.down))
        #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-9 }, "step \(step)")
        for (a, b) in zip(values, values.dropFirst()) { #expect(abs((b - a) - step) <= step * 1e-9 + 4 * b.ulp) }
        // Labels are distinct and free of float noise.
        let labels = values.map { NumberFormat.tick($0, step: step, scaleOf: max(abs(lo), abs(hi))) }
        #expect(Set(labels).count == labels.count, "\(labels)")
        #expect(labels.allSatisfy { $0.count <= 12 }, "\(labels)")
    }

    @Test func countsAreGroupedByThousandsFromTenThousand() {
        let cases: [(Int, String)] = [(0, "0"), (1, "1"), (999, "999"), (9999, "9999"), (10_000, "10,000"), (123_456, "123,456"),
                                      (1_000_000, "1,000,000"), (10_000_000, "10,000,000"), (-25_000, "-25,000")]
        for (n, text) in cases { #expect(NumberFormat.count(n) == text) }
    }

    @Test func singleValueAndZeroRangesWiden() {
        #expect(NiceTicks.range(0, 0) == (-1, 1))
        let r = NiceTicks.range(5, 5)
        #expect(r.lo < 5 && r.hi > 5)
    }

    @Test func tickLabelsHaveNoFloatNoise() {
        let (values, step) = NiceTicks.linear(0, 1, target: 10, count: 4...12)
        #expect(step == 0.1)
        let labels = values.map { NumberFormat.tick($0, step: step, scaleOf: 1) }
        #expect(labels.contains("0.3"))
        #expect(!labels.contains { $0.contains("0000") })
        #expect(NumberFormat.tick(0.30000000000000004, step: 0.1, scaleOf: 1) == "0.3")
        #expect(NumberFormat.tick(-2.5, step: 2.5, scaleOf: 10) == "−2.5")
        #expect(NumberFormat.tick(2_000_000, step: 1_000_000, scaleOf: 5e6) == "2e6")
        #expect(NumberFormat.tick(1.5e-9, step: 5e-10, scaleOf: 3e-9) == "1.5e−9")
    }

    @Test func significantDigits() {
        #expect(NumberFormat.significant(2.96812) == "2.968")
        #expect(NumberFormat.significant(0.99196) == "0.992")
        #expect(NumberFormat.significant(3.09992, keepZeros: true) == "3.100")
        #expect(NumberFormat.significant(1_234_567) == "1.235e6")
        #expect(NumberFormat.significant(-0.000123456) == "−0.0001235")
        #expect(NumberFormat.significant(0) == "0")
    }

    @Test func logTicks() {
        let decades = NiceTicks.logarithmic(0.5, 2e4)
        #expect(decades.map(\.label) == ["1", "10", "10²", "10³", "10⁴"])
        let narrow = NiceTicks.logarithmic(0.96, 60)
        #expect(narrow.map(\.label) == ["1", "2", "5", "10", "20", "50"])
    }

    @Test func glyphCoverageKeepsEightLevelsEndsExact() {
        let levels = (0...255).map { Int(Font.quantized($0)) }
        #expect(levels.first == 0 && levels.last == 255)
        #expect(Set(levels).count == Font.coverageLevels + 1)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 <= $1 })
        // Each coverage goes to its nearest level: never more than half a step away.
        #expect((0...255).allSatisfy { abs(levels[$0] - $0) <= 255 / (2 * Font.coverageLevels) + 1 })
    }
}
