import Foundation
import Testing
@testable import GDAnimateKit
import Rasterizer

/// Learning-rate schedules through the plan: compared schedules, the history's `lr` column, and the
/// divergence warning naming the rate it diverged at.
struct SchedulePlanTests {
    static let data = Preset.linear.generate(seed: 0)

    @Test func compareRunsOneOptimizerUnderEachSchedule() throws {
        var v = Visual(scene: .compare)
        v.optimizer = .sgd
        v.comparedSchedules = [.constant, .cosine(minimum: 0), .step(every: 25, gamma: 0.5)]
        let plan = try Plan(v, data: Self.data)
        let runs = plan.scenes[0].input.runs
        #expect(runs.map(\.result.config.schedule) == v.comparedSchedules!)
        #expect(runs.allSatisfy { $0.result.config.optimizer == .sgd })
        #expect(runs[0].result.snapshots == plan.main!.snapshots)
        // The lesson: constant-rate SGD keeps bouncing at its noise floor; a decaying rate settles.
        let floor = runs[0].result.final.loss, settled = runs[1].result.final.loss
        #expect(settled < floor)
        #expect(settled - runs[0].result.leastSquares.loss < 0.01)
    }

    @Test func historyGainsTheRateOfEachRowUnderASchedule() throws {
        var v = Visual(scene: .loss)
        v.learningRate = 0.3
        v.epochs = 50
        v.schedule = .cosine(minimum: 0.01)
        let csv = try Plan(v, data: Self.data).historyText(json: false).split(separator: "\n")
        #expect(csv[0] == "epoch,m,b,loss,lr")
        for row in csv.dropFirst() {
            let f = row.split(separator: ",")
            let epoch = Int(f[0])!, lr = Double(f[4])!
            let k = Double(max(0, epoch - 1))
            #expect(abs(lr - (0.01 + 0.29 * (1 + cos(Double.pi * k / 50)) / 2)) < 1e-15)
        }
        v.schedule = .constant
        #expect(try Plan(v, data: Self.data).historyText(json: false).hasPrefix("epoch,m,b,loss\n"))
        let json = try Plan({ var w = v; w.schedule = .inverse(decay: 0.02); return w }(), data: Self.data).historyText(json: true)
        #expect(json.contains("\"lrSchedule\": \"inverse (1/(1 + 0.02k))\"") && json.contains("\"lr\": 0.3}"))
    }

    @Test func aDivergenceNamesTheRateItDivergedAt() throws {
        var v = Visual(scene: .loss)
        v.learningRate = 0.1
        v.schedule = .exponential(gamma: 1.2)       // a rate that grows past the stability limit
        let plan = try Plan(v, data: Self.data)
        let epoch = try #require(plan.main!.divergedAtEpoch)
        let rate = 0.1 * pow(1.2, Double(epoch - 1))
        #expect(plan.warnings.count == 1)
        guard case .diverged(let d) = plan.warnings.first else { Issue.record("\(plan.warnings)"); return }
        #expect(d.epoch == epoch && d.schedule == "exponential" && abs(d.scheduledRate! - rate) <= 1e-12 * rate)
        #expect(plan.warnings[0].description.contains("exponential schedule's rate at epoch \(epoch) was \(NumberFormat.plain(rate))"))
    }

    @Test func badSettingsNameTheirProperty() {
        var v = Visual()
        v.schedule = .cosine(minimum: 0.5)
        #expect(throws: VisualError.scheduleMinimumOutOfRange(minimum: 0.5, learningRate: 0.1)) { try v.validate() }
        v.schedule = .step(every: 0, gamma: 0.5)
        #expect(throws: VisualError.invalid(property: .scheduleEvery, value: "0", requirement: "at least 1 epoch")) { try v.validate() }
        v.schedule = .constant
        v.scene = .compare
        v.comparedSchedules = [.constant, .constant]
        #expect(throws: VisualError.repeated(property: .comparedSchedules, item: "constant")) { try v.validate() }
        do { try v.validate() } catch { #expect(error.description == "comparedSchedules names constant twice") }
    }
}

/// Options that would change nothing are said, not silently ignored.
struct IdleOptionTests {
    @Test func arrowsWithoutAContourAndTransparencyInAVideoAreWarnedAbout() throws {
        let data = Preset.linear.generate(seed: 0)
        var v = Visual(scene: .line)
        v.arrows = true
        #expect(try Plan(v, data: data).warnings == [.unused(.arrows, scenes: [.line], runs: [.batch])])
        v.scene = .dashboard
        #expect(try Plan(v, data: data).warnings.isEmpty)
        v.background = .transparent
        v.formats = [.mp4]
        #expect(try Plan(v, data: data).warnings == [.noTransparencyInMP4])
        v.formats = [.gif, .mp4]
        #expect(try Plan(v, data: data).warnings.isEmpty)
        var best = Visual(scene: .contour)
        best.markBest = true
        #expect(try Plan(best, data: data).warnings == [.unused(.markBest, scenes: [.contour], runs: [.batch])])
        best.scene = .loss
        #expect(try Plan(best, data: data).warnings.isEmpty)
        var steps = Visual(scene: .steps)
        steps.arrows = true
        #expect(try Plan(steps, data: data).warnings == [.drawnAnyway(.arrows, scene: .steps, drawing: "draws the step −α∇J on its contour in every update's gradient beat anyway")])
        // --batch-size with no mini-batch run is said; with one (or a comparison holding one), not.
        var batches = Visual(scene: .contour)
        batches.batchSize = 5
        #expect(try Plan(batches, data: data).warnings == [.unused(.batchSize, scenes: [.contour], runs: [.batch])])
        batches.optimizer = .minibatch
        #expect(try Plan(batches, data: data).warnings.isEmpty)
        batches.optimizer = .batch
        batches.scene = .compare
        #expect(try Plan(batches, data: data).warnings.isEmpty)
        batches.compared = [.sgd, .momentum]
        #expect(try Plan(batches, data: data).warnings == [.unused(.batchSize, scenes: [.compare], runs: [.sgd, .momentum, .batch])])
    }
}
