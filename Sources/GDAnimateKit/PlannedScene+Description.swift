import Rasterizer
import Training

extension PlannedScene: CustomStringConvertible {
    /// The scene in plain words, one paragraph computed from its runs: what is drawn and from which
    /// data, the optimizer and its rate, where the run started and ended (m, b and the loss), how far
    /// the loss fell and by which epoch it was 99 % of the way down to the least loss J*, by which
    /// epoch the parameters settled (within 1 % of their starting distance from the least-squares fit,
    /// for good) and how far from that fit they end, and, for a run that diverged, at which epoch and
    /// why (the rate against the stability limit 2/λmax). Scenes of several runs have a clause per run
    /// and say which settled first and which diverged.
    ///
    /// Numbers have four significant digits, as the readouts show them. The command line prints it
    /// with `--describe`, the gallery uses it as each picture's `alt` text, and every file written
    /// carries it (see ``Plan/fileMetadata(for:)``).
    public var description: String { kind.definition.describe(self) }

    /// Whether the loss scene's axis is logarithmic, by the loss scene's own rule.
    var lossAxisIsLog: Bool {
        let losses = input.result.snapshots.map(\.loss)
        let low = ([input.result.leastSquares.loss] + losses).filter { $0 > 0 }.min() ?? 1
        return input.lossScale.isLogarithmic(highest: losses.max()!, lowestPositive: low)
    }

    /// "Batch gradient descent with α = 0.1": the heading's run, worded for a sentence.
    static func run(_ r: TrainingResult) -> String {
        let alpha = RunStory.n(r.config.learningRate)
        guard r.config.schedule != .constant else { return "\(SceneText.optimizer(r.config)) with α = \(alpha)" }
        let last = r.config.rate(epoch: r.config.epochs - 1)
        return "\(SceneText.optimizer(r.config)) with α from \(alpha) to \(RunStory.n(last)) on \("aeiou".contains(r.config.schedule.name.first!) ? "an" : "a") \(r.config.schedule) schedule"
    }

    /// "the 100 points of preset linear (seed 0)".
    static func points(_ data: Dataset) -> String { "the \(NumberFormat.count(data.count)) point\(data.count == 1 ? "" : "s") of \(data.source)" }

    /// The b-only scene's first sentence.
    static func bSweep(_ r: TrainingResult, data: String) -> String {
        let m = r.snapshots[0].m
        let held = abs(m - r.leastSquares.m) <= 1e-12 * max(1, abs(m)) ? "the least-squares slope" : "as given"
        return "One parameter at a time: J(b), the mean squared error on \(data) as a function of the intercept b with the slope held at m = \(RunStory.n(m)) (\(held)); "
            + "every step of descent on b alone, α = \(RunStory.n(r.config.learningRate)), stays on the curve, with the tangent (slope ∂J/∂b) at the current b."
    }

    /// A sentence per run ("batch: loss fell …; SGD: …."), then which settled first and which diverged.
    static func runs(_ runs: [LabelledRun], saying label: (LabelledRun) -> String = { $0.label }) -> String {
        let clauses = runs.map { "\(label($0)): \(RunStory($0.result).brief)" }.joined(separator: "; ")
        var text = clauses.capitalizedFirstLetter + "."
        text += fastest(runs)
        let diverged = runs.filter { RunStory($0.result).diverges }
        if !diverged.isEmpty {
            let limit = diverged.compactMap(\.result.stabilityLimit).first
            text += " \(SceneText.list(diverged.map(\.label))) diverge\(diverged.count == 1 ? "s" : ""): each step overshoots the minimum by more than the last"
            text += limit.map { " (a rate above 2/λmax = \(RunStory.n($0)) does that to batch descent)." } ?? "."
        }
        return text
    }

    /// Which of several runs settled first (came within 1 % of its starting distance from the
    /// least-squares fit for good), or that none did.
    static func fastest(_ runs: [LabelledRun]) -> String {
        guard runs.count > 1 else { return "" }
        let settled = runs.compactMap { run in RunStory(run.result).settled.map { (run, RunStory(run.result).time($0)) } }
        let meaning = "within \(RunStory.percent(RunStory.settledShare)) of its starting distance from the least-squares fit, for good"
        guard let first = settled.min(by: { $0.1 < $1.1 }) else { return " None settled (\(meaning))." }
        let unit = RunStory(first.0.result).unit
        if settled.count == 1 { return " Only \(first.0.label) settled (\(meaning)), by \(unit) \(first.1)." }
        return " First to settle (\(meaning)): \(first.0.label), by \(unit) \(first.1)."
    }
}

extension Plan {
    /// Each scene of the visual in plain words (``PlannedScene/description``), in scene order. When
    /// the visual draws nothing (no format, no poster) its scenes are laid out here, which trains the
    /// runs of the multi-run scenes.
    ///
    /// - Throws: ``VisualError`` when the data cannot be fitted for a scene (as drawing it would), or
    ///   what a second reading of the data throws.
    public func descriptions() throws -> [String] {
        if !scenes.isEmpty { return scenes.map(\.description) }
        var drawn = visual
        // The frame's size and count change no word of a description; a frame too small to draw is no reason to refuse it.
        (drawn.formats, drawn.width, drawn.height, drawn.frames) = ([.gif], nil, nil, nil)
        return try Plan(drawn, data: data, scenes: kinds).scenes.map(\.description)
    }
}
