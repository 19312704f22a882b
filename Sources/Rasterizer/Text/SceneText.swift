import Training

/// The wording the scenes share (units, optimizer names, how a run went), public so that text about a
/// visual outside its frames (a description, a caption) says things the way its headings do.
public enum SceneText {
    /// Whether a history has a snapshot per update rather than per epoch.
    /// (Two snapshots of one epoch; a stochastic run recorded per epoch makes many updates per snapshot,
    /// but is still per epoch.)
    public static func isPerStep(_ snapshots: [Snapshot]) -> Bool { snapshots.count > 2 && snapshots[1].epoch == snapshots[2].epoch }

    /// What a snapshot counts: "epoch", or "update" for a per-update history.
    public static func unit(_ snapshots: [Snapshot]) -> String { isPerStep(snapshots) ? "update" : "epoch" }

    /// What a run's snapshots count: "update" for a per-update history, else "epoch".
    public static func unit(_ r: TrainingResult) -> String { r.isPerUpdate ? "update" : "epoch" }

    /// `Epoch`, `k`, `/ N` (or `Step`, `s`, `(epoch e / N)` for per-update histories), and a last segment
    /// that says when the run diverged.
    static func progress(_ r: TrainingResult, _ k: Int) -> [TitleSegment] {
        let s = r.snapshots[k]
        let perStep = r.isPerUpdate
        let diverged = TitleSegment(r.divergedAtEpoch != nil && k == r.snapshots.count - 1 ? "(diverged)" : "")
        if perStep {
            return ["Step ", TitleSegment("\(s.step)", counter: true), " (epoch ", TitleSegment("\(s.epoch)", counter: true),
                    TitleSegment(" / \(r.epochsRequested))   "), diverged]
        }
        return ["Epoch ", TitleSegment("\(s.epoch)", counter: true), TitleSegment(" / \(r.epochsRequested) "), diverged]
    }

    /// Four significant digits, trailing zeros kept: what a title shows of a parameter or a loss.
    static func number(_ v: Double, digits: Int = 4) -> String { NumberFormat.significant(v, digits: digits, keepZeros: true) }

    /// `  m = …  b = …  MSE = …` of snapshot k, with the digits that change over the run: `digits`, the
    /// run's ``TrainingResult/readoutPrecision`` (a scene works them out once, not for every frame).
    static func fit(_ r: TrainingResult, _ k: Int, digits d: (m: ReadoutPrecision, b: ReadoutPrecision), prime: String = "") -> [TitleSegment] {
        let s = r.snapshots[k]
        let names = r.model.parameterNames
        // Lasso's proximal steps set weights to exactly 0: said as "0", not as a rounded 0.000.
        let sparse = ((r.model as? PenalizedRegression)?.penalty.l1Weight ?? 0) > 0
        func weight(_ j: Int) -> String { sparse && s.theta[j] == 0 ? "0" : d.m.text(s.theta[j]) }
        let loss: [TitleSegment] = [TitleSegment("  \(r.model.lossName) = "), TitleSegment(number(s.loss))]
        if s.theta.count > 6 {
            // Many weights (a polynomial of high degree): their size, which overfitting inflates, not each one.
            let w = s.theta.dropLast()
            let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let zeros = sparse ? w.indices.filter { w[$0] == 0 }.map { names[$0] } : []
            return [TitleSegment("  ‖w‖ = "), TitleSegment(number(norm)), TitleSegment(" (\(names[0])…\(names[names.count - 2])\(zeros.isEmpty ? "" : "; 0: " + zeros.joined(separator: ", ")))"),
                    TitleSegment("  \(names[names.count - 1])\(prime) = "), TitleSegment(d.b.text(s.theta[s.theta.count - 1]))] + loss
        }
        if s.theta.count > 2 {
            // Several features: each weight (as precise as the first) and the intercept, named as the model names them.
            var out: [TitleSegment] = []
            for j in s.theta.indices {
                out += [TitleSegment("  \(names[j])\(prime) = "), TitleSegment(j == names.count - 1 ? d.b.text(s.theta[j]) : weight(j))]
            }
            return out + loss
        }
        return [TitleSegment("  m\(prime) = "), TitleSegment(weight(0)), TitleSegment("  b\(prime) = "), TitleSegment(d.b.text(s.b))] + loss
    }

    /// `Epoch k / N   m = …  b = …  MSE = …` (and `α = …` under a schedule): the readout of the line,
    /// loss and contour scenes.
    static func progressAndFit(_ r: TrainingResult, _ k: Int, digits: (m: ReadoutPrecision, b: ReadoutPrecision)) -> [TitleSegment] {
        progress(r, k) + fit(r, k, digits: digits) + rate(r, k)
    }

    /// `  α = …`, the rate of the updates that led to snapshot k, when a schedule changes it.
    static func rate(_ r: TrainingResult, _ k: Int) -> [TitleSegment] {
        r.config.schedule == .constant ? [] : ["  α = ", TitleSegment(number(r.rate(at: r.snapshots[k]), digits: 3))]
    }

    /// "Batch gradient descent", "Mini-batch gradient descent (20 per batch)", "Adam (β₁ = 0.9, β₂ = 0.999)", …:
    /// the optimizer's own heading, its settings to four significant digits.
    public static func optimizer(_ c: TrainingConfig) -> String {
        c.optimizer.heading { NumberFormat.significant($0) }
    }

    /// "Batch gradient descent, α = 0.1": the run, for headings.
    public static func run(_ r: TrainingResult) -> String {
        let alpha = "α = \(NumberFormat.significant(r.config.learningRate))"
        let run = r.config.schedule == .constant ? "\(optimizer(r.config)), \(alpha)" : "\(optimizer(r.config)), \(alpha), \(r.config.schedule.name) schedule"
        return (r.model as? PenalizedRegression).map { "\(run), \(penalty($0.penalty))" } ?? run
    }

    /// "lasso λ = 1", "ridge λ = 0.5", "elastic net λ = 0.1, r = 0.5".
    public static func penalty(_ p: Penalty) -> String {
        let lambda = "λ = \(NumberFormat.significant(p.lambda))"
        switch p.kind {
        case .l2: return "ridge \(lambda)"
        case .l1: return "lasso \(lambda)"
        case .elastic: return "elastic net \(lambda), r = \(NumberFormat.significant(p.l1Ratio))"
        }
    }

    /// "a, b and c".
    public static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// One word on how a run went, for the panels of a learning-rate sweep: "diverges" (the loss ended
    /// above where it started), "oscillates" (α·λmax > 1: each step overshoots the minimum along the
    /// steepest direction and flips side), "creeps" (it took more than half the run to come within 5 % of
    /// its starting distance from (m*, b*), or never did: the loss may look done while the parameters
    /// still crawl along the valley), else "converges".
    public static func behaviour(_ r: TrainingResult) -> String {
        let start = r.snapshots[0], ls = r.leastSquares
        if r.divergedAtEpoch != nil || r.final.loss > start.loss { return "diverges" }
        if let limit = r.stabilityLimit, r.config.learningRate > limit / 2 { return "oscillates" }
        func distance(_ s: Snapshot) -> Double { ((s.m - ls.m) * (s.m - ls.m) + (s.b - ls.b) * (s.b - ls.b)).squareRoot() }
        let close = 0.05 * distance(start)
        let near = r.snapshots.firstIndex { distance($0) <= close }
        if near == nil || near! * 2 > r.snapshots.count - 1 { return "creeps" }
        return "converges"
    }
}
