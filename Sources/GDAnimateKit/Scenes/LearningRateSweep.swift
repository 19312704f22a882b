import Rasterizer
import Training

extension SceneKind {
    /// The same descent at several learning rates, small multiples of the contour.
    public static let lrSweep = SceneKind(.lrSweep)
}

/// The learning-rate sweep's default rates: fractions of the data's stability limit 2/λmax that creep,
/// converge, oscillate and diverge.
public enum LearningRateSweep {
    /// 0.1, 0.5, 0.9 and 1.05 × 2/λmax: creeps, converges, oscillates, diverges.
    public static let defaultFactors = [0.1, 0.5, 0.9, 1.05]
}

extension SceneDefinition {
    /// `lr-sweep`: the visual's optimizer at each of ``Visual/sweepRates`` (default
    /// ``LearningRateSweep/defaultFactors`` × 2/λmax), a contour panel each; its divergences are the
    /// lesson, so they are not warned of.
    static let lrSweep = SceneDefinition(
        .lrSweep, summary: "contour panels at several rates",
        extraRuns: { v in Array(repeating: v.optimizer, count: v.sweepRates?.count ?? LearningRateSweep.defaultFactors.count) },
        options: { _ in .arrows },
        prepare: { setup throws(VisualError) in
            let (visual, data) = (setup.visual, setup.data)
            let limit: Double
            do { limit = try LossSurface(data).stabilityLimit } catch { throw .unfittable(source: data.source, problem: "\(error)") }
            let rates = visual.sweepRates ?? LearningRateSweep.defaultFactors.map { $0 * limit }
            var runs: [LabelledRun] = []
            for (i, lr) in rates.enumerated() {
                let r = try setup.trainer.run(visual.optimizer, lr: lr, warn: false)
                var label = "α = \(NumberFormat.significant(lr, digits: 3))"
                if visual.sweepRates == nil { label += " (\(NumberFormat.significant(LearningRateSweep.defaultFactors[i])) × 2/λmax)" }
                runs.append(LabelledRun(label: label, data: data, result: r))
            }
            setup.input.runs = runs
            setup.input.result = runs[0].result
            setup.panels = rates.count
        }
    ) { scene in
        let input = scene.input, r = input.result
        var text = "\(SceneText.optimizer(r.config)) at \(input.runs.count) learning rate\(input.runs.count == 1 ? "" : "s") on \(PlannedScene.points(input.data)), each a contour panel of J(m, b) on shared axes"
        if let limit = r.stabilityLimit { text += "; it is stable below 2/λmax = \(RunStory.n(limit))" }
        return text + ". " + PlannedScene.runs(input.runs, saying: { "\($0.label) \(SceneText.behaviour($0.result))" })
    }
}
