import Testing
@testable import Training

/// The streaming reader against the reference (the reader as it was, whole text and a String per field):
/// the fuzz inputs give the same points, or an error from both, read whole or in pieces of any size; numbers
/// parsed in place are the nearest doubles, as the standard library's conversion gives them.
struct CSVStreamingTests {
    static func pieces(_ bytes: [UInt8], sizes rng: inout SplitMix64, file: String, x: CSVData.Column?, y: CSVData.Column?) throws(CSVData.ParseError) -> Dataset {
        var reader = CSVReader(file: file, xColumn: x, yColumn: y)
        var i = 0
        while i < bytes.count {
            let n = min(bytes.count - i, 1 + rng.below(9))
            try bytes[i..<(i + n)].withUnsafeBufferPointer { b throws(CSVData.ParseError) in try reader.read(b) }
            i += n
        }
        return try reader.finish()
    }

    @Test func agreesWithTheReferenceWholeAndInPieces() {
        var rng = SplitMix64(seed: 7)
        var sizes = SplitMix64(seed: 8)
        var both = 0, errors = 0, sameError = 0
        for round in 0..<20_000 {
            var bytes = Array(CSVFuzzTests.seeds[rng.below(CSVFuzzTests.seeds.count)].utf8)
            if round % 2 == 1 {
                bytes = (0..<rng.below(64)).flatMap { _ in Array(CSVFuzzTests.pieces[rng.below(CSVFuzzTests.pieces.count)].utf8) }
            }
            for _ in 0..<rng.below(5) {
                let piece = Array(CSVFuzzTests.pieces[rng.below(CSVFuzzTests.pieces.count)].utf8)
                bytes.insert(contentsOf: piece, at: rng.below(bytes.count + 1))
            }
            let x: CSVData.Column? = rng.below(4) == 0 ? .index(1 + rng.below(3)) : nil
            let y: CSVData.Column? = rng.below(4) == 0 ? .name("y") : nil
            let reference = Result { () throws(CSVData.ParseError) in try CSVReference.parse(bytes, file: "f.csv", xColumn: x, yColumn: y) }
            let whole = Result { () throws(CSVData.ParseError) in try CSVData.parse(bytes, file: "f.csv", xColumn: x, yColumn: y) }
            let split = Result { () throws(CSVData.ParseError) in try Self.pieces(bytes, sizes: &sizes, file: "f.csv", x: x, y: y) }
            switch (reference, whole, split) {
            case (.success(let a), .success(let b), .success(let c)):
                #expect(a == b && b == c, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                both += 1
            case (.failure(let a), .failure(let b), .failure(let c)):
                // Pieces never change the message; the first error of several may differ from the
                // reference, which checked every line's text before any row (the stream meets them in order).
                #expect(b == c, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                errors += 1
                if a == b { sameError += 1 }
            default:
                Issue.record("outcomes differ for \(String(decoding: bytes, as: UTF8.self).debugDescription): \(reference) \(whole) \(split)")
            }
        }
        #expect(both > 1000 && errors > 1000, "\(both) parsed, \(errors) refused")
        // Most give the reference's very message (measured: 87 %); the rest are inputs with several faults,
        // where the stream names the first in line order.
        #expect(Double(sameError) > 0.8 * Double(errors), "\(sameError) of \(errors) errors word for word")
    }

    @Test func numbersAreTheNearestDoubles() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<200_000 {
            let digits = 1 + rng.below(22)
            var text = rng.below(2) == 0 ? "-" : ""
            let point = rng.below(digits + 1)
            for i in 0..<digits {
                if i == point && i > 0 { text += "." }
                text += String(rng.below(10))
            }
            if rng.below(2) == 0 { text += "e" + (rng.below(2) == 0 ? "-" : "") + String(rng.below(330)) }
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { DecimalParser.parse($0.baseAddress!, 0, $0.count) }
            let expected = CSVData.number(text)
            #expect(fast?.bitPattern == expected?.bitPattern, "\(text): \(String(describing: fast)) vs \(String(describing: expected))")
        }
    }
}

/// Large text read in pieces of lines on several threads: the same points, the same statistics to the last
/// bit, and the same first error, for any thread count and any chunking; statistics match the two-pass sums.
struct CSVThreadsTests {
    static let text: [UInt8] = {
        var rng = SplitMix64(seed: 5)
        var s = "x,y\n"
        for i in 0..<300_000 {
            let x = 1e6 + rng.uniform() * 10
            s += "\(x),\(3 * x + rng.normal())\(i % 7 == 0 ? "\r" : "")\n"
            if i % 50_000 == 17 { s += "# a comment\n\n" }
        }
        return Array(s.utf8)
    }()

    static func read(_ bytes: [UInt8], threads: Int, chunk: Int, points: Bool, y: CSVData.Column? = nil) throws(CSVData.ParseError) -> Dataset {
        var reader = CSVReader(file: "big.csv", yColumn: y, keepsPoints: points, threads: threads)
        var i = 0
        while i < bytes.count {
            let n = min(chunk, bytes.count - i)
            try bytes[i..<(i + n)].withUnsafeBufferPointer { b throws(CSVData.ParseError) in try reader.read(b) }
            i += n
        }
        return try reader.finish()
    }

    @Test func anyThreadsAndChunksGiveTheSameBits() throws {
        let reference = try Self.read(Self.text, threads: 1, chunk: 1 << 20, points: false)
        let whole = try CSVData.parse(Self.text, file: "big.csv")
        #expect(whole.count == 300_000 && reference.count == 300_000)
        for (threads, chunk) in [(2, 1 << 20), (3, 4093), (1, 100_003), (4, 65_536)] {
            #expect(try Self.read(Self.text, threads: threads, chunk: chunk, points: false) == reference, "\(threads) threads, \(chunk)-byte chunks")
            #expect(try Self.read(Self.text, threads: threads, chunk: chunk, points: true) == whole, "\(threads) threads, \(chunk)-byte chunks")
        }
        // The streamed statistics and the two-pass sums over the kept points agree to rounding, far from zero
        // (x ≈ 10⁶). The intercept b* = ȳ − m*·x̄ is the difference of two numbers near 3·10⁶: it is compared
        // on their scale, as any algorithm's is limited by it.
        let streamed = try LossSurface(reference), twoPass = try LossSurface(whole)
        for (a, b) in [(streamed.meanX, twoPass.meanX), (streamed.varianceX, twoPass.varianceX), (streamed.covarianceXY, twoPass.covarianceXY),
                       (streamed.leastSquares.m, twoPass.leastSquares.m), (streamed.leastSquares.loss, twoPass.leastSquares.loss)] {
            #expect(abs(a - b) <= 1e-9 * abs(b), "\(a) vs \(b)")
        }
        let scale = abs(twoPass.meanY) + abs(twoPass.leastSquares.m * twoPass.meanX)
        #expect(abs(streamed.leastSquares.b - twoPass.leastSquares.b) <= 1e-9 * scale)
    }

    @Test func aBadLineDeepInIsNamedForAnyThreads() {
        var bytes = Self.text
        // Break a row near the end: its line number counts the header, the comments and the blank lines.
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let target = lines.count - 1000
        let offset = lines.prefix(target - 1).reduce(0) { $0 + $1.count + 1 }
        bytes.replaceSubrange(offset..<(offset + 3), with: Array("abc".utf8))
        var messages: Set<String> = []
        for (threads, chunk) in [(1, 1 << 20), (2, 777), (3, 1 << 16)] {
            do { _ = try Self.read(bytes, threads: threads, chunk: chunk, points: false); Issue.record("no error") }
            catch { messages.insert(error.description) }
        }
        #expect(messages.count == 1 && messages.first!.hasPrefix("big.csv:\(target), column 1:"), "\(messages)")
    }

    /// Quoted fields holding line ends (RFC 4180), in a text of several pieces where most records carry a
    /// note over 1–5 lines, so cuts fall inside quotes: the points of the reference parse, the same bits for
    /// any threads and chunking, and a bad row after them named by its line.
    @Test func quotedLineEndsAcrossPieces() throws {
        var s = "x,\"the y\nvalue\",note\n"
        var rng = SplitMix64(seed: 21)
        for i in 0..<120_000 {
            let note = (0..<rng.below(5)).map { _ in "line, with \"\"quotes\"\"" }.joined(separator: i % 3 == 0 ? "\r\n" : "\n")
            s += "\(Double(i) / 7),\(Double(i % 101) * 0.5 - 3),\"\(note)\"\n"
        }
        let text = Array(s.utf8)
        let lines = text.count { $0 == 0x0A }
        #expect(text.count > 4 * CSVReader.pieceBytes && lines > 250_000)
        let reference = try CSVReference.parse(text, file: "big.csv", yColumn: .name("the y\nvalue"))
        #expect(reference.count == 120_000)
        func read(_ threads: Int, _ chunk: Int, points: Bool, _ bytes: [UInt8] = text) throws(CSVData.ParseError) -> Dataset {
            try Self.read(bytes, threads: threads, chunk: chunk, points: points, y: .name("the y\nvalue"))
        }
        let summary = try read(1, 1 << 20, points: false)
        for (threads, chunk) in [(1, 1 << 20), (2, 4093), (3, 100_003), (4, 65_536)] {
            #expect(try read(threads, chunk, points: true) == reference, "\(threads) threads, \(chunk)-byte chunks")
            #expect(try read(threads, chunk, points: false) == summary, "\(threads) threads, \(chunk)-byte chunks")
        }
        // A bad row at the end is named by its line, counting the notes' lines.
        let bad = text + Array("1,abc,\"\"\n".utf8)
        for threads in [1, 3] {
            do { _ = try read(threads, 777_777, points: false, bad); Issue.record("no error") } catch {
                #expect(error.line == lines + 1 && error.column == 2, "\(error)")
            }
        }
        // A quote left open in the first records, with more than 1 MiB after it: named, and the likely cause said.
        let plain = Array(String(repeating: "1.5,2.5\n", count: 150_000).utf8)
        do { _ = try read(1, 65_536, points: false, Array("x,y\n1,\"2\n".utf8) + plain); Issue.record("no error") } catch {
            #expect(error.line == 2 && error.message.contains("is its closing quote missing?"), "\(error)")
        }
        // A quote left open runs to the end of the text: named by the line it opened on.
        do { _ = try read(2, 1 << 20, points: false, text + Array("7,8,\"open\n9,10,x\n".utf8)); Issue.record("no error") } catch {
            #expect(error.line == lines + 1 && error.message.contains("not closed before the end of the file"), "\(error)")
        }
    }
}
