import Rasterizer
import Training
#if canImport(Glibc)
import Glibc
#endif

/// What a description says about one run, worked out from its snapshots: where it started and ended,
/// how far the loss fell and by when, when the parameters settled, and, if it diverged, why.
///
/// Two measures, because they tell different stories on a narrow valley: the loss is *down* from the
/// snapshot on which it stays 99 % of the way from its start to the least loss J*; the parameters have
/// *settled* from the snapshot on which they stay within 1 % of their starting distance from the best
/// fit. Batch descent on raw x is down in a few epochs and settles only after a long crawl along the
/// valley; a stochastic run that dips close once and bounces back has not settled. For a b-only run the
/// best fit is the best b at its fixed m, and the least loss the loss there.
struct RunStory {
    let run: TrainingResult
    /// The digits of m and b the readouts show (``TrainingResult/readoutPrecision``), worked out once.
    let digits: (m: ReadoutPrecision, b: ReadoutPrecision)

    init(_ run: TrainingResult) {
        self.run = run
        digits = run.readoutPrecision
    }

    /// The share of the way down to J* from which the loss is down.
    static let downShare = 0.99
    /// The share of the starting distance from the best fit within which the parameters have settled.
    static let settledShare = 0.01

    /// Four significant digits, as the readouts show them; no float noise.
    static func n(_ v: Double) -> String { NumberFormat.significant(v, digits: 4) }
    /// Three significant digits, for ratios and percentages.
    static func n3(_ v: Double) -> String { NumberFormat.significant(v, digits: 3) }
    /// A percentage of a share: "99 %", "4.97 %".
    static func percent(_ share: Double) -> String { "\(n3(share * 100)) %" }
    /// A ratio in three significant digits, whole numbers written out below a million: "56.4", "1410", "1.86e8".
    static func fold(_ r: Double) -> String {
        guard r >= 100 && r < 1e6 else { return n3(r) }
        let unit = pow(10, (log10(r) - 2).rounded(.down))
        return "\(Int((r / unit).rounded() * unit))"
    }
    /// "1 epoch", "100 epochs".
    static func count(_ k: Int, _ unit: String) -> String { "\(k) \(unit)\(k == 1 ? "" : "s")" }

    var isBOnly: Bool { run.config.fixedM != nil }
    var start: Snapshot { run.snapshots[0] }
    var end: Snapshot { run.final }
    /// Whether there is a snapshot per update (`--snapshot step`) rather than per epoch: counted in
    /// snapshots, as a stochastic run recorded per epoch also has more updates than epochs.
    var perUpdate: Bool { run.isPerUpdate }
    /// "epoch", or "update" for a per-update history.
    var unit: String { perUpdate ? "update" : "epoch" }
    /// A snapshot's place in the run: its epoch, or its update for a per-update history.
    func time(_ s: Snapshot) -> Int { perUpdate ? s.step : s.epoch }
    /// Whether the run diverged or is diverging: stopped with the loss out of bounds, or ended with a
    /// loss above its start (the sweep's "diverges").
    var diverges: Bool { run.divergedAtEpoch != nil || end.loss > start.loss }

    /// The best fit the run can reach and its loss: (m*, b*) and J*, or for a b-only run the best b
    /// at its m.
    var best: (m: Double, b: Double, loss: Double) {
        if isBOnly {
            let m = start.m, b = run.surface.meanY - m * run.surface.meanX
            return (m, b, run.surface.loss(m: m, b: b))
        }
        return (run.leastSquares.m, run.leastSquares.b, run.leastSquares.loss)
    }

    /// The share of the way from the starting loss down to the least loss that `s` has come (nil when
    /// the run starts there).
    func share(_ s: Snapshot) -> Double? {
        let drop = start.loss - best.loss
        return drop > 0 ? (start.loss - s.loss) / drop : nil
    }

    /// θ of ``best``: (m*, b*), or w₁*…w_p*, b* of several features.
    var bestTheta: [Double] { isBOnly || start.theta.count == 2 ? [best.m, best.b] : run.model.optimum!.theta }

    /// Euclidean distance in θ, (m, b) for the line, from `s` to ``best``.
    func distance(_ s: Snapshot) -> Double {
        let f = best
        guard s.theta.count > 2 else { return ((s.m - f.m) * (s.m - f.m) + (s.b - f.b) * (s.b - f.b)).squareRoot() }
        return zip(s.theta, bestTheta).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }

    /// The first snapshot from which every later one passes `test`; nil if the last one fails it.
    private func from(_ test: (Snapshot) -> Bool) -> Snapshot? {
        guard let last = run.snapshots.lastIndex(where: { !test($0) }) else { return start }
        return last + 1 < run.snapshots.count ? run.snapshots[last + 1] : nil
    }

    /// The snapshot from which the loss is down (``downShare`` of the way to the least loss).
    var down: Snapshot? { diverges ? nil : from { (share($0) ?? 1) >= Self.downShare } }

    /// The snapshot from which the parameters have settled (within ``settledShare`` of their starting
    /// distance from the best fit).
    var settled: Snapshot? {
        let d0 = distance(start)
        return diverges ? nil : from { distance($0) <= Self.settledShare * d0 }
    }

    /// Whether the end and ``best`` agree to the four significant digits a description shows.
    var onBest: Bool { zip(end.theta, bestTheta).enumerated().allSatisfy { j, v in text(j, v.0) == text(j, v.1) } }

    /// Parameter j of θ written with the readouts' digits: the intercept (the last) as b, the weights as m.
    func text(_ j: Int, _ v: Double) -> String { j == start.theta.count - 1 ? nb(v) : nm(v) }

    /// "w1 = 0.5, w2 = 1, b = 0": θ named as the model names it, `suffix` after each name (`′`, `*`).
    func named(_ theta: [Double], _ suffix: String) -> String {
        zip(run.model.parameterNames, theta).enumerated().map { j, p in "\(p.0)\(suffix) = \(text(j, p.1))" }.joined(separator: ", ")
    }

    /// m and b with the digits the readouts give them (``ReadoutPrecision``): four, more when the run
    /// moves them by little beside their size or they lie far from 0 beside the data's spread (b near 10⁶).
    func nm(_ v: Double) -> String { digits.m.text(v, keepZeros: false) }
    func nb(_ v: Double) -> String { digits.b.text(v, keepZeros: false) }

    /// "m = 0, b = 0" (primed for standardized x), or "b = 0" for a b-only run.
    func place(_ s: Snapshot, prime: String = "") -> String {
        isBOnly ? "b = \(nb(s.b))" : s.theta.count > 2 ? named(s.theta, prime) : "m\(prime) = \(nm(s.m)), b\(prime) = \(nb(s.b))"
    }

    /// "fell from 53.92 to 0.8234, 65.5-fold", "fell from 2 to 1.5, by 25 %", "rose from 1 to 4, 4-fold".
    var change: String {
        let a = start.loss, b = end.loss
        if a == b { return "stayed at \(Self.n(a))" }
        let verb = b < a ? "fell" : "rose"
        let ratio = b < a ? a / b : b / a
        if ratio >= 10 || b == 0 { return "\(verb) from \(Self.n(a)) to \(Self.n(b)), \(b == 0 ? "all the way" : Self.fold(ratio) + "-fold")" }
        return "\(verb) from \(Self.n(a)) to \(Self.n(b)), by \(Self.n3(abs(a - b) / a * 100)) %"
    }

    /// Why the steps grew, in plain words: the rate against the stability limit when there is one.
    var reason: String {
        var alpha = run.config.learningRate
        if run.config.schedule != .constant, let epoch = run.divergedAtEpoch {
            alpha = run.config.rate(epoch: epoch - 1)     // the rate it diverged at
        }
        if let limit = run.stabilityLimit, alpha > limit {
            if isBOnly {
                return "The rate α = \(Self.n(alpha)) is above \(Self.n(limit)), the largest at which descent on b alone is stable (J(b) has second derivative 2, so α must stay below 2/2)."
            }
            return "The rate α = \(Self.n(alpha)) is above 2/λmax = \(Self.n(limit)), the largest at which batch gradient descent is stable on this data (λmax is the largest eigenvalue of the loss's Hessian)."
        }
        return "The rate α = \(Self.n(alpha)) is too large for \(SceneText.optimizer(run.config).lowercasedFirstWord) on this data; a smaller one keeps the steps from growing."
    }

    /// How a diverging run went, in sentences: where it stopped (or ended) and why. Nil for a run that
    /// did not diverge.
    var divergence: String? {
        guard diverges else { return nil }
        if let epoch = run.divergedAtEpoch {
            return "It diverged at epoch \(epoch): each step overshot the minimum by more than the last, so the loss grew instead of shrinking, and training stopped there; "
                + "the last \(unit) drawn, \(time(end)), has \(place(end)) and loss \(Self.n(end.loss)), \(Self.fold(end.loss / start.loss)) times the start. " + reason
        }
        return "It diverges: each step overshoots the minimum by more than the last, so the loss grows instead of shrinking; "
            + "after \(Self.count(time(end), unit)) it is at \(place(end)) and the loss \(change). " + reason
    }

    /// The whole story of a single run, in sentences: start and end, how far the loss fell and by
    /// when it was down, when the parameters settled and how far from the best fit they end; or how it
    /// diverged and why. `prime` marks the parameters of standardized x (m′, b′).
    func told(prime: String = "") -> String {
        let opening = "It starts at \(place(start, prime: prime)) with loss \(Self.n(start.loss))"
        if let divergence { return opening + ". " + divergence }
        let f = best
        var text = opening + " and after \(Self.count(time(end), unit)) ends at \(place(end, prime: prime)) with loss \(Self.n(end.loss))."
        guard share(start) != nil else { return text + " It starts at the best fit already." }
        let least = isBOnly ? "the least loss at this m (\(Self.n(f.loss)))" : "the \(run.model.optimumName) J* = \(Self.n(f.loss))"
        text += " The loss \(change), "
        if let down {
            text += "and was \(Self.percent(Self.downShare)) of the way down to \(least) by \(unit) \(time(down))."
        } else {
            text += "and by the end had come \(Self.percent(share(end) ?? 1)) of the way down to \(least)."
        }
        let (they, their) = isBOnly ? ("b", "its") : ("The parameters", "their")
        let end3 = isBOnly ? "ends" : "end"
        let fit = isBOnly ? "the best b at this m (\(nb(f.b)))"
            : start.theta.count > 2 ? "the \(fitName) fit \(named(bestTheta, prime + "*"))" : "the \(fitName) fit m\(prime)* = \(nm(f.m)), b\(prime)* = \(nb(f.b))"
        let excess = isBOnly ? "" : ", with J − J* = \(Self.n(end.loss - f.loss))"
        if let settled {
            text += " \(they) came within \(Self.percent(Self.settledShare)) of \(their) starting distance from \(fit) by \(unit) \(time(settled)) and stayed there"
            text += onBest ? ", ending on it to the four digits shown (\(Self.n3(distance(end))) away)." : ", ending \(Self.n(distance(end))) from it\(excess)."
        } else {
            text += " \(they) \(end3) \(Self.n(distance(end))) from \(fit), \(Self.percent(distance(end) / distance(start))) of \(their) starting distance\(excess): still on \(their) way."
        }
        return text
    }

    /// What the model's optimum is called before "fit": `least-squares`, `lasso`, `ridge`, `elastic-net`.
    var fitName: String {
        let name = run.model.optimumName
        return name == "least-squares minimum" ? "least-squares" : String(name.dropLast(" minimum".count))
    }

    /// One clause for a run among several: "loss fell from 53.92 to 0.8234, 65.5-fold, in 100 epochs,
    /// settled by epoch 93, ending 0.03912 from the least-squares fit", or how it diverged.
    var brief: String {
        if let epoch = run.divergedAtEpoch {
            return "diverged at epoch \(epoch), its loss grown from \(Self.n(start.loss)) to \(Self.n(end.loss)) when training stopped"
        }
        let text = "loss \(change) in \(Self.count(time(end), unit))"
        if diverges { return text }
        let ending = "ending \(Self.n(distance(end))) from the \(fitName) fit"
        if let settled { return text + ", settled by \(unit) \(time(settled)), " + ending }
        return text + ", not settled, " + ending + " (\(Self.percent(distance(end) / distance(start))) of its starting distance)"
    }
}

extension String {
    /// "batch, SGD and …" → "Batch, SGD and …"; a first character that is not an ASCII letter (α) stays.
    var capitalizedFirstLetter: String {
        guard let c = first, c.isASCII, c.isLetter else { return self }
        return c.uppercased() + dropFirst()
    }

    /// "Batch gradient descent" → "batch gradient descent"; the optimizers' proper names ("Adam",
    /// "Nesterov momentum", "RMSprop", "Newton's method") stay.
    var lowercasedFirstWord: String {
        let word = prefix { $0 != " " }
        return Optimizer.properNames.contains(where: word.hasPrefix) ? self : prefix(1).lowercased() + dropFirst()
    }
}
