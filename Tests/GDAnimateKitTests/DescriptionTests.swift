import Foundation
import Testing
@testable import GDAnimateKit
import Rasterizer

/// Each scene's description against the numbers of its runs, worked out here from the snapshots
/// (not from the sentences): the start and end, the settling epoch, the divergence epoch and the limit,
/// which run settled first; and no number with float noise.
struct DescriptionTests {
    static let data = Preset.linear.generate(seed: 0)
    static func n(_ v: Double) -> String { NumberFormat.significant(v, digits: 4) }

    static func scene(_ configure: (inout Visual) -> Void) throws -> PlannedScene {
        var v = Visual()
        configure(&v)
        return try Plan(v, data: data).scenes[0]
    }

    /// The first epoch from which every later snapshot passes `test`.
    static func epochFrom(_ r: TrainingResult, _ test: (Snapshot) -> Bool) -> Int? {
        var from: Int?
        for s in r.snapshots { from = test(s) ? from ?? s.epoch : nil }
        return from
    }

    /// When the loss is down: from then on 99 % of the way from the start to J*.
    static func downEpoch(_ r: TrainingResult) -> Int? {
        let j0 = r.snapshots[0].loss, jStar = r.leastSquares.loss
        return epochFrom(r) { (j0 - $0.loss) / (j0 - jStar) >= 0.99 }
    }

    /// When the parameters settle: from then on within 1 % of their starting distance from (m*, b*).
    static func settlingEpoch(_ r: TrainingResult) -> Int? {
        let ls = r.leastSquares
        func d(_ s: Snapshot) -> Double { hypot(s.m - ls.m, s.b - ls.b) }
        return epochFrom(r) { d($0) <= 0.01 * d(r.snapshots[0]) }
    }

    @Test func aConvergingRunToldWithItsOwnNumbers() throws {
        let scene = try Self.scene { $0.learningRate = 0.05; $0.initialM = -1; $0.initialB = 2; $0.epochs = 400 }
        let r = scene.input.result, start = r.snapshots[0], end = r.final, ls = r.leastSquares
        let text = scene.description
        #expect(text.hasPrefix("The path of batch gradient descent with α = 0.05 on the loss surface"))
        #expect(text.contains("the 100 points of preset linear (seed 0)"))
        #expect(text.contains("starts at m = −1, b = 2 with loss \(Self.n(start.loss))"))
        #expect(text.contains("after 400 epochs ends at m = \(Self.n(end.m)), b = \(Self.n(end.b)) with loss \(Self.n(end.loss))"))
        #expect(text.contains("fell from \(Self.n(start.loss)) to \(Self.n(end.loss)), \(NumberFormat.significant(start.loss / end.loss, digits: 3))-fold"))
        let down = try #require(Self.downEpoch(r)), settled = try #require(Self.settlingEpoch(r))
        #expect(down < settled)     // the loss is down long before the crawl along the valley ends
        #expect(text.contains("was 99 % of the way down to the least-squares minimum J* = \(Self.n(ls.loss)) by epoch \(down)."))
        #expect(text.contains("The parameters came within 1 % of their starting distance from the least-squares fit m* = \(Self.n(ls.m)), b* = \(Self.n(ls.b)) by epoch \(settled) and stayed there"))
        #expect(text.contains("ending \(Self.n(hypot(end.m - ls.m, end.b - ls.b))) from it, with J − J* = \(Self.n(end.loss - ls.loss))."))
        #expect(!text.contains("diverge"))
        #expect(text.split(separator: "\n").count == 1)
    }

    @Test func aDivergingRunSaysWhenAndWhy() throws {
        let scene = try Self.scene { $0.learningRate = 0.6 }
        let r = scene.input.result
        let epoch = try #require(r.divergedAtEpoch)
        let limit = PlanTests.stabilityLimit(Self.data)
        #expect(0.6 > limit)
        let text = scene.description
        #expect(text.contains("It diverged at epoch \(epoch):"))
        #expect(text.contains("each step overshot the minimum by more than the last"))
        #expect(text.contains("α = 0.6 is above 2/λmax = \(Self.n(limit))"))
        #expect(text.contains("has m = \(Self.n(r.final.m)), b = \(Self.n(r.final.b)) and loss \(Self.n(r.final.loss))"))
        #expect(!text.contains("settled") && !text.contains("% of the way") && !text.contains("came within"))

        // Diverging but not stopped (the loss ends above its start, under the 10¹⁰ bound).
        let growing = try Self.scene { $0.learningRate = 0.47; $0.epochs = 40 }
        #expect(growing.input.result.divergedAtEpoch == nil)
        #expect(growing.description.contains("It diverges:") && growing.description.contains("α = 0.47 is above 2/λmax"))
    }

    @Test func theSweepTellsEachRateAndTheFastest() throws {
        let scene = try Self.scene { $0.scene = .lrSweep }
        let text = scene.description
        let runs = scene.input.runs
        #expect(text.contains("stable below 2/λmax = \(Self.n(PlanTests.stabilityLimit(Self.data)))"))
        for run in runs {
            let r = run.result
            #expect(text.contains("\(run.label) \(SceneText.behaviour(r)): loss \(r.final.loss < r.snapshots[0].loss ? "fell" : "rose") from \(Self.n(r.snapshots[0].loss)) to \(Self.n(r.final.loss))"), "\(run.label)")
            if r.final.loss < r.snapshots[0].loss {
                let settled = Self.settlingEpoch(r).map { "settled by epoch \($0)" } ?? "not settled"
                #expect(text.contains("\(Self.n(r.final.loss)), \(NumberFormat.significant(r.snapshots[0].loss / r.final.loss, digits: 3))-fold in 100 epochs, \(settled)"), "\(run.label)")
            }
        }
        let fastest = try #require(runs.filter { Self.settlingEpoch($0.result) != nil }.min { Self.settlingEpoch($0.result)! < Self.settlingEpoch($1.result)! })
        #expect(text.contains("First to settle (within 1 % of its starting distance from the least-squares fit, for good): \(fastest.label), by epoch \(Self.settlingEpoch(fastest.result)!)."))
        #expect(text.contains("\(runs.last!.label) diverges: each step overshoots the minimum"))
    }

    /// The scaling lesson in words: on raw x the parameters are still crawling, standardized x settles.
    @Test func scalingSaysWhichSettled() throws {
        var v = Visual(scene: .scaling, data: .preset(.wide))
        v.learningRate = 0.025
        let scene = try Plan(v, data: v.loadData()).scenes[0]
        let (raw, scaled) = (scene.input.runs[0].result, scene.input.runs[1].result)
        #expect(Self.settlingEpoch(raw) == nil)
        let epoch = try #require(Self.settlingEpoch(scaled))
        let text = scene.description
        #expect(text.contains("Only standardized x′ = (x − x̄)/σ settled (within 1 % of its starting distance from the least-squares fit, for good), by epoch \(epoch)."))
        let ls = raw.leastSquares, d = { (s: Snapshot) in hypot(s.m - ls.m, s.b - ls.b) }
        #expect(text.contains("The parameters end \(Self.n(d(raw.final))) from the least-squares fit m* = \(Self.n(ls.m)), b* = \(Self.n(ls.b)), \(NumberFormat.significant(100 * d(raw.final) / d(raw.snapshots[0]), digits: 3)) % of their starting distance"))
    }

    @Test func compareNamesEveryRun() throws {
        let scene = try Self.scene { $0.scene = .compare; $0.compared = [.batch, .adam, .sgd] }
        let text = scene.description
        #expect(text.hasPrefix("Batch, Adam and SGD compared at α = 0.1"))
        for run in scene.input.runs { #expect(text.contains("\(run.label.prefix(1).uppercased() + run.label.dropFirst()): loss") || text.contains("; \(run.label): loss")) }
    }

    /// Every kind, converging or not, per epoch or per update: one paragraph whose numbers have at most
    /// four significant digits (no float noise), and the same words whether the plan draws or not.
    @Test func everyKindIsOneParagraphWithoutFloatNoise() throws {
        for kind in SceneKind.allCases {
            for lr in [0.05, 0.6] {
                var v = kind.example()
                v.learningRate = lr
                v.epochs = 30
                if kind == .dashboard { v.fixedM = 2 }
                if kind != .compare && kind != .steps && lr < 0.1 { v.optimizer = .sgd; v.snapshot = .step; v.epochs = 3 }
                let plan = try Plan(v, data: Self.data)
                let text = plan.scenes[0].description
                #expect(!text.isEmpty && !text.contains("\n") && !text.contains("nan") && !text.contains("inf"), "\(kind)")
                let numbers = try Regex(#"\d+(\.\d+)?(e−?\d+)?"#)
                for match in text.matches(of: numbers) {
                    let mantissa = String(text[match.range]).split(separator: "e")[0].filter(\.isNumber).drop { $0 == "0" }
                    #expect(mantissa.count <= 4, "\(kind): \(text[match.range])")
                }
                v.formats = []
                #expect(try Plan(v, data: Self.data).descriptions() == [text], "\(kind)")
            }
        }
    }
}
