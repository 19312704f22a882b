import Foundation
import Testing
@testable import GDAnimateKit
import Training

/// `--history` written as training makes the rows (`HistoryWriter`): the same bytes as the whole-text export
/// for runs that keep every snapshot, and every update of a long per-update run, whose frames keep 1 in s.
struct HistoryWriterTests {
    /// The file the writer makes for `visual`, published and read back.
    static func written(_ visual: Visual, json: Bool, scenes: [SceneKind]? = nil) throws -> (text: String, plan: Plan) {
        let path = NSTemporaryDirectory() + "gdanimate-history-\(getpid())-\(UUID().uuidString).\(json ? "json" : "csv")"
        defer { unlink(path) }
        let writer = try HistoryWriter(path: path, visual: visual, mode: nil)
        let plan = try Plan(visual, data: try visual.loadData(), scenes: scenes, history: { writer.add($0) })
        try Files.publish([try writer.finish(plan)])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Nothing is left beside it (the JSON's spool of rows).
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".\(name)") }.isEmpty)
        return (text, plan)
    }

    @Test(arguments: [false, true])
    func sameBytesAsTheWholeExport(json: Bool) throws {
        var sgd = Visual(scene: .loss)
        (sgd.optimizer, sgd.snapshot, sgd.epochs) = (.sgd, .step, 5)
        var cosine = Visual(scene: .contour)
        (cosine.schedule, cosine.epochs) = (.cosine(minimum: 0), 40)
        var bOnly = Visual(scene: .bsweep)
        bOnly.epochs = 30
        var diverging = Visual(scene: .contour)
        (diverging.learningRate, diverging.epochs) = (5, 200)
        var minibatch = Visual(scene: .line)
        (minibatch.optimizer, minibatch.batchSize, minibatch.snapshot, minibatch.schedule) = (.minibatch, 16, .step, .step(every: 2, gamma: 0.5))
        minibatch.epochs = 6
        for v in [sgd, cosine, bOnly, diverging, minibatch, Visual()] {
            let (text, plan) = try Self.written(v, json: json)
            #expect(text == plan.historyText(json: json), "\(v.scene) \(v.optimizer)")
        }
    }

    /// 2,000 epochs of SGD on 100 points are 200,000 updates: the frames keep 1 in 2, the file has every one,
    /// each row the parameters of that update (the kept ones equal the plan's snapshots).
    @Test func aLongPerUpdateRunWritesEveryUpdate() throws {
        var v = Visual(scene: .loss)
        (v.optimizer, v.snapshot, v.epochs, v.learningRate) = (.sgd, .step, 2000, 0.01)
        v.formats = []
        let (text, plan) = try Self.written(v, json: false)
        let lines = text.split(separator: "\n").dropFirst()
        #expect(lines.count == 200_001)
        let kept = plan.history.snapshots
        #expect(kept.count == 100_001 && kept[1].step == 2)
        var byStep: [Int: Substring] = [:]
        for line in lines { byStep[Int(line.split(separator: ",")[4])!] = line }
        for s in kept {
            #expect(byStep[s.step] == Substring(History.csvRow(s, includeStep: true, rate: nil).dropLast()), "step \(s.step)")
        }
        #expect(plan.warnings.contains(.snapshotsThinned(updates: 200_000, every: 2, limit: GradientDescent.snapshotLimit)))
    }
}
