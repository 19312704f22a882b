import Foundation
import Testing
@testable import GDAnimateKit
import Rasterizer

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

    /// A line scene (and the dashboard's line panel) of a large file keeps only the statistics and counts
    /// the points per pixel on a second reading: the frames are the same pixels as when every point was kept.
    /// A small file is read again for its dots; a file changed between the readings is an error naming it.
    @Test func densityCountedOnASecondReadingDrawsTheSameFrames() throws {
        var text = "x,y\n"
        for i in 0..<12_000 { text += "\(Double(i % 997) / 50 - 3),\(Double(i % 991) / 40 + Double(i % 13) / 5 - 7)\n" }
        let path = try Self.temporary("dense.csv", Array(text.utf8))
        defer { unlink(path) }
        for kind in [SceneKind.line, .dashboard] {
            var v = Visual(scene: kind, data: .file(path: path))
            v.epochs = 10
            let statistics = try v.loadData(for: [kind], threads: 2)
            #expect(!statistics.hasPoints && statistics.count == 12_000, "\(kind): only the statistics are kept")
            var kept = v
            kept.data = .points(try v.loadData())
            #expect(try kept.loadData(for: [kind]).hasPoints)
            let counted = try Plan(v, data: statistics, threads: 2).scenes[0]
            #expect(counted.input.density != nil)
            let whole = try Plan(kept, data: try kept.loadData(for: [kind])).scenes[0]
            let a = try Animation(kind: kind.definition.drawing, input: counted.input, width: counted.width, height: counted.height)
            let b = try Animation(kind: kind.definition.drawing, input: whole.input, width: whole.width, height: whole.height)
            #expect(a.frameCount == b.frameCount)
            for index in [0, a.frameCount - 1] {
                #expect(try a.render(index).pixels == b.render(index).pixels, "\(kind) frame \(index)")
            }
        }
        // A file changed after its statistics were read.
        var v = Visual(scene: .line, data: .file(path: path))
        v.epochs = 10
        let statistics = try v.loadData(for: [.line])
        try Data((text + "1,2\n").utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: VisualError.self) { try Plan(v, data: statistics) }
        #expect(error?.description.contains("\(path): the file changed while it was read: 12000 points the first time, 12001 the second") == true,
                "\(String(describing: error))")
        // A small file keeps its points for the dots.
        try Data("x,y\n1,2\n2,4.5\n3,5.5\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try v.loadData(for: [.line]).hasPoints)
    }

    /// A pipe cannot be read twice: it is copied as it streams in, so a line scene of a large stream keeps
    /// only the statistics as a file's does and counts its density from the copy, the same pixels as the
    /// file's; the copy goes once counted. A small stream is read again from its copy for its dots.
    @Test func aStreamIsCopiedForItsSecondReading() throws {
        var text = "x,y\n"
        for i in 0..<9_000 { text += "\(Double(i % 997) / 50 - 3),\(Double(i % 991) / 40 + Double(i % 13) / 5 - 7)\n" }
        let file = try Self.temporary("piped.csv", Array(text.utf8))
        defer { unlink(file) }
        func piped(_ text: String) throws -> String {
            let fifo = NSTemporaryDirectory() + "gdanimate-stream-\(getpid())-fifo-\(UInt32.random(in: 0...UInt32.max))"
            guard mkfifo(fifo, 0o600) == 0 else { throw FileError(fifo, "mkfifo") }
            let bytes = Array(text.utf8)
            Thread.detachNewThread {
                let fd = open(fifo, O_WRONLY)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            return fifo
        }
        let fifo = try piped(text)
        defer { unlink(fifo) }
        var v = Visual(scene: .line, data: .file(path: fifo))
        v.epochs = 10
        let statistics = try v.loadData(for: [.line], threads: 2)
        #expect(!statistics.hasPoints && statistics.count == 9_000 && Files.canReadAgain(fifo))
        let counted = try Plan(v, data: statistics, threads: 2).scenes[0]
        #expect(!Files.canReadAgain(fifo), "the copy is dropped once counted")
        var fromFile = v
        fromFile.data = .file(path: file)
        let whole = try Plan(fromFile, data: try fromFile.loadData(for: [.line])).scenes[0]
        let a = try Animation(kind: .line, input: counted.input, width: counted.width, height: counted.height)
        let b = try Animation(kind: .line, input: whole.input, width: whole.width, height: whole.height)
        #expect(try a.render(a.frameCount - 1).pixels == b.render(b.frameCount - 1).pixels)
        let small = try piped("x,y\n1,2\n2,4.5\n3,5.5\n")
        defer { unlink(small) }
        v.data = .file(path: small)
        let dots = try v.loadData(for: [.line])
        #expect(dots.hasPoints && dots.count == 3 && !Files.canReadAgain(small))
    }
}
