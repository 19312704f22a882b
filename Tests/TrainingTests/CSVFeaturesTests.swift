import Foundation
import Testing
@testable import Training

/// Several `--x-column`s read from CSV: the columns named, the points kept or only their statistics
/// (constant memory), the same model either way, and the columns' mistakes refused by name.
struct CSVFeaturesTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: ReferenceHistoryTests.fixtures.appendingPathComponent(name)))
    }

    @Test func severalXColumnsReadTheNamedColumns() throws {
        let data = try CSVData.parse(try Self.bytes("features3.csv"), file: "features3.csv", xColumn: .name("a"), yColumn: .name("y"),
                                     extraXColumns: [.name("c"), .index(3)])
        let reference = try FeatureModelTests.data()
        #expect(data.featureNames == ["a", "c", "e"])
        #expect(data.xs == reference.xs && data.extraFeatures == reference.extraFeatures && data.ys == reference.ys)
    }

    /// Statistics alone, read in pieces on two threads, give θ* and J* of lstsq; the summaries of two
    /// halves merged equal the summary of the whole to rounding.
    @Test func statisticsAloneGiveTheSameOptimum() throws {
        var reader = CSVReader(file: "features3.csv", xColumn: .name("a"), yColumn: .name("y"), extraXColumns: [.name("c"), .name("e")],
                               keepsPoints: false, threads: 2)
        try Self.bytes("features3.csv").withUnsafeBufferPointer { b in try reader.read(b) }
        let data = try reader.finish()
        #expect(!data.hasPoints && data.count == 200 && data.featureCount == 3)
        let best = try #require(try LinearRegression(data).optimum)
        let reference = try FeatureModelTests.rows("features3-optimum.csv")[0]
        for (x, y) in zip(best.theta + [best.loss], reference.prefix(5)) { #expect(FeatureModelTests.relative(x, y) < 1e-9, "\(x) vs \(y)") }

        let points = try FeatureModelTests.data()
        let columns = points.featureColumns
        let whole = FeatureSummary(columns: columns, ys: points.ys)
        let halves = FeatureSummary(columns: columns.map { Array($0[..<77]) }, ys: Array(points.ys[..<77]))
            .merged(with: FeatureSummary(columns: columns.map { Array($0[77...]) }, ys: Array(points.ys[77...])))
        #expect(halves.count == whole.count)
        for (a, b) in zip(halves.sxx.entries + halves.sxy + halves.means, whole.sxx.entries + whole.sxy + whole.means) {
            #expect(abs(a - b) <= 1e-12 * max(1, abs(b)))
        }
    }

    @Test func aColumnTwiceOrAsTheTargetIsRefused() throws {
        let text = Array("a,b,y\n1,2,3\n2,1,5\n3,5,4\n".utf8)
        #expect(throws: CSVData.ParseError.self) { try CSVData.parse(text, file: "t.csv", xColumn: .name("a"), extraXColumns: [.name("a")]) }
        do {
            _ = try CSVData.parse(text, file: "t.csv", xColumn: .name("a"), extraXColumns: [.name("y")])
            Issue.record("y as a feature was accepted")
        } catch {
            #expect(error.message.contains("is also the y column"))
        }
        do {
            _ = try CSVData.parse(text, file: "t.csv", xColumn: .name("a"), extraXColumns: [.name("bb")])
            Issue.record("an unknown column was accepted")
        } catch {
            #expect(error.message.contains("'bb' is not a column of the header"))
        }
        // A bad value in a feature column is placed at its line and column.
        let bad = Array("a,b,y\n1,2,3\n2,oops,5\n".utf8)
        do {
            _ = try CSVData.parse(bad, file: "t.csv", xColumn: .name("a"), extraXColumns: [.name("b")])
            Issue.record("a word in a feature column was accepted")
        } catch {
            #expect(error.line == 3 && error.column == 2)
        }
    }
}
