import Foundation
import Testing
@testable import GDAnimateKit

/// Reading data files as they stream in: the pieces add up to the file, a file that shrinks while it is read
/// is an error naming it, and a visual reads a large file's statistics alone when its scenes need no points.
struct StreamTests {
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "gdanimate-stream-\(getpid())-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func piecesAddUpAndAShrinkingFileIsAnError() throws {
        let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try Self.temporary("whole", bytes)
        defer { unlink(path) }
        var seen: [UInt8] = []
        try Files.stream(path) { seen += $0 }
        #expect(seen == bytes)
        // The file is cut to 1 MiB after the first piece arrives, as a writer truncating it would.
        var first = true
        let error = #expect(throws: FileError.self) {
            try Files.stream(path) { _ in
                if first { first = false; truncate(path, 1 << 20) }
            }
        }
        #expect(error?.description.hasPrefix("\(path): the file shrank while it was read") == true, "\(String(describing: error))")
    }

    @Test func sceneWithoutPointsKeepsOnlyStatistics() throws {
        var text = "x,y\n"
        for i in 0..<5000 { text += "\(Double(i) / 100),\(3 * Double(i) / 100 + 4 + Double(i % 7) / 10)\n" }
        let path = try Self.temporary("data.csv", Array(text.utf8))
        defer { unlink(path) }
        var v = Visual(scene: .contour, data: .file(path: path))
        v.epochs = 20
        let statistics = try v.loadData(for: [.contour])
        let points = try v.loadData(for: [.line])
        #expect(!statistics.hasPoints && statistics.count == 5000 && statistics.xs.isEmpty)
        #expect(points.hasPoints && points.count == 5000)
        // The same fit either way, to rounding.
        let a = try Plan(v, data: statistics).scenes[0].input.result.snapshots.last!
        let b = try Plan(v, data: points).scenes[0].input.result.snapshots.last!
        #expect(abs(a.m - b.m) <= 1e-12 * abs(b.m) && abs(a.b - b.b) <= 1e-12 * abs(b.b) && abs(a.loss - b.loss) <= 1e-10 * b.loss)
        v.optimizer = .sgd
        #expect(try v.loadData(for: [.contour]).hasPoints, "SGD trains on the points")
    }
}
