import Foundation
import Testing
@testable import GDAnimateKit

/// A problem found when a large file is read the second time (for a line scene's density) is thrown as
/// the reader's own error, as the first reading would throw it, not a string inside a ``VisualError``.
struct SecondReadingTests {
    @Test func aBadCellOnTheSecondReadingIsTheParseError() throws {
        var text = "x,y\n"
        for i in 0..<12_000 { text += "\(Double(i % 997) / 50 - 3),\(Double(i % 991) / 40)\n" }
        let path = try StreamTests.temporary("second-reading.csv", Array(text.utf8))
        defer { unlink(path) }
        var v = Visual(scene: .line, data: .file(path: path))
        v.epochs = 5
        let statistics = try v.loadData(for: [.line], threads: 1)
        #expect(!statistics.hasPoints, "12,000 points: only the statistics are kept, so the plan reads the file again")
        // Line 3 (the header is line 1) now holds a word where a number was.
        let changed = text.replacingOccurrences(of: "\n-2.98,", with: "\nabc,")
        #expect(changed != text)
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: CSVData.ParseError.self) { try Plan(v, data: statistics, threads: 1) }
        #expect(error?.file == path && error?.line == 3 && error?.column == 1 && error?.text == "abc", "\(String(describing: error))")
    }
}
