import Testing
@testable import Training

/// A property test of the CSV reader over many thousands of random and mutated inputs: it returns points
/// or throws a `ParseError` that names a line inside the file, and never crashes or hangs. The long
/// libFuzzer run is Scripts/fuzz-csv.
struct CSVFuzzTests {
    static let seeds: [String] = [
        "x,y\n1,2\n3,4\n", "\u{FEFF}# c\r\nx,y\r\n1,2\r\n\"3\",4\r\n", "a,b,c\n1,2,3\n4,5,6\n", "1,2\n3,4\n5,6\n",
        "x,y\n1,\"2\"\"\"\n", "x,y\n-1e5,+.5\n2.,3E-2\n", "\"x\",\"y\"\n1,2\n", "x;y\n1;2\n",
    ]
    static let pieces: [String] = [",", "\n", "\r\n", "\"", "\"\"", "#", "e", "E", "-", "+", ".", "1", "0", "9", "nan", "inf", "1e400",
                                   "x", "y", " ", "\t", "\u{FEFF}", "\u{0}", "é", "🙂", "abc", ",,", "\n\n", "1e-400", "0x1p3"]

    @Test func randomAndMutatedInputsNeverCrash() {
        var rng = SplitMix64(seed: 2026)
        var parsed = 0, refused = 0
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = Array(Self.seeds[rng.below(Self.seeds.count)].utf8)
                for _ in 0..<(1 + rng.below(6)) {
                    switch rng.below(4) {
                    case 0 where !bytes.isEmpty: bytes[rng.below(bytes.count)] = UInt8(rng.below(256))
                    case 1: bytes.insert(contentsOf: Array(Self.pieces[rng.below(Self.pieces.count)].utf8), at: rng.below(bytes.count + 1))
                    case 2 where !bytes.isEmpty: bytes.remove(at: rng.below(bytes.count))
                    default: bytes += bytes.prefix(rng.below(bytes.count + 1))
                    }
                }
            } else {
                bytes = (0..<rng.below(64)).flatMap { _ in Array(Self.pieces[rng.below(Self.pieces.count)].utf8) }
            }
            let lines = bytes.filter { $0 == 0x0A }.count + 1
            do {
                let d = try CSVData.parse(bytes, file: "fuzz.csv", xColumn: rng.below(3) == 0 ? .index(1 + rng.below(3)) : nil,
                                          yColumn: rng.below(3) == 0 ? .name("y") : nil)
                #expect(d.xs.count == d.ys.count && d.xs.allSatisfy(\.isFinite) && d.ys.allSatisfy(\.isFinite))
                parsed += 1
            } catch {
                if let line = error.line { #expect(line >= 1 && line <= lines, "line \(line) of \(lines)") }
                #expect(!error.description.isEmpty && !error.description.contains("\n"))
                refused += 1
            }
        }
        // Both outcomes must be exercised, or the mutations are too weak (or too strong) to test anything.
        #expect(parsed > 200 && refused > 2000, "parsed \(parsed), refused \(refused)")
    }
}
