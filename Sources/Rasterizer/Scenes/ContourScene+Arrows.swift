import Training

/// The arrows of `--arrows` on a contour: at the current point of each path, the arrows of the update
/// that leaves it, as its optimizer draws them (``Arrows/step`` and ``Arrows/velocity``), to
/// scale in the plot's units. They are the optimizer's own steps replayed along the path, from a fresh
/// copy of it and the full-batch gradient at each snapshot: for batch descent, momentum, Nesterov and Adam
/// the step −α∇J that the gradient alone asks for, and for momentum and Nesterov also the velocity's share
/// −α·β·v of the next step (the velocity before this update for heavy-ball momentum, after it for Nesterov,
/// whose step is −α(∇J + β·v_new)), so the two arrows add up to the step either way; for RMSprop, Adagrad
/// and Newton's method the step itself.
struct DescentArrows {
    /// Per path, per snapshot: the step arrow and the velocity arrow (nil without momentum), in the plot's
    /// two parameters: (m, b), or the two weights of a contour of several features.
    let steps: [[(gradient: (m: Double, b: Double), velocity: (m: Double, b: Double)?)]]
    /// What the legend calls the step arrow: the paths' optimizers' words when they agree.
    let stepLegend: String
    /// What the legend calls the velocity arrow, when some path draws one.
    let velocityLegend: String?

    /// The arrows of the line's paths on `surface`, in (m, b).
    init(paths: [Series], surface: LossSurface) {
        self.init(paths: paths, hessian: surface.hessian) { theta, g in
            let d = surface.gradient(m: theta[0], b: theta[1])
            (g[0], g[1]) = (d.dm, d.db)
        }
    }

    /// The arrows of a path over the weights `axes` of `model` (indices in θ): the optimizer replayed on the
    /// whole θ of `full` (the path's snapshots before they were projected onto the two weights), each arrow
    /// the update's change of those two weights.
    init(paths: [Series], model: any Model, full: [[Snapshot]], axes: (Int, Int)) {
        self.init(paths: paths, full: full, axes: axes, hessian: model.hessian ?? Hessian(SymmetricMatrix(size: model.parameterCount)),
                  gradient: model.gradient)
    }

    /// The arrows of `paths` (or of `full`, their unprojected snapshots), from the full-batch gradient
    /// `gradient` and the Hessian, read on θ's entries `axes`.
    private init(paths: [Series], full: [[Snapshot]]? = nil, axes: (Int, Int) = (0, 1), hessian modelHessian: Hessian,
                 gradient: ([Double], inout [Double]) -> Void) {
        let (i, j) = axes
        steps = paths.indices.map { p in
            let path = paths[p]
            guard let config = path.config else { return [] }
            let snaps = full?[p] ?? path.snapshots
            let bOnly = config.fixedM != nil
            let hessian = bOnly ? Hessian.bOnly : modelHessian
            var rule = config.optimizer.rule
            let k = snaps.first?.theta.count ?? 2
            var change = [Double](repeating: 0, count: k), g = change
            return snaps.indices.map { n in
                let s = snaps[n]
                // The rate of the update that leaves snapshot n.
                let next = n + 1 < snaps.count ? snaps[n + 1].epoch : s.epoch + 1
                let alpha = config.rate(epoch: max(0, next - 1))
                gradient(s.theta, &g)
                if bOnly { g[0] = 0 }
                let arrows = rule.stepWithArrows(g, into: &change, StepContext(rate: alpha, update: n + 1, hessian: hessian))
                let step = (m: bOnly ? 0 : arrows.step[i], b: arrows.step[j])
                let velocity = arrows.velocity.map { (m: bOnly ? 0 : $0[i], b: $0[j]) }
                return (step, velocity)
            }
        }
        let legends = paths.compactMap { $0.config.map { type(of: $0.optimizer.rule).arrowLegend } }
        let stepTexts = legends.map(\.step).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        stepLegend = stepTexts.count > 1 ? "each optimizer's step" : stepTexts.first ?? Optimizer.BatchDescent.arrowLegend.step
        velocityLegend = legends.lazy.compactMap(\.velocity).first
    }

    /// Whether any path has momentum (a second arrow and legend entry).
    var hasVelocity: Bool { steps.contains { $0.first?.velocity != nil } }
}

extension ContourScene {
    /// The arrows at snapshot k of every path, over the path and under the markers.
    func drawArrows(_ k: Int, on c: Canvas) {
        guard let arrows else { return }
        let width = max(1.5, chart.style.lineWidth * 0.7), head = max(7, 9 * chart.style.scale)
        let clearance = chart.style.markerRadius * 1.25      // the current marker's radius
        for (path, steps) in zip(paths, arrows.steps) where !steps.isEmpty {
            let i = min(k, steps.count - 1)
            let s = path.snapshots[i]
            let from = chart.point(s.m, s.b)
            let step = steps[i]
            if let v = step.velocity {
                c.drawArrow(from: from, to: chart.point(s.m + v.m, s.b + v.b), width: width, minimumHead: head, clearance: clearance,
                            chart.theme.velocityArrow, casing: chart.theme.pathCasing, clip: chart.plot)
            }
            c.drawArrow(from: from, to: chart.point(s.m + step.gradient.m, s.b + step.gradient.b), width: width, minimumHead: head, clearance: clearance,
                        chart.theme.gradientArrow, casing: chart.theme.pathCasing, clip: chart.plot)
        }
    }

    /// Legend entries for the arrows.
    static func arrowLegend(_ arrows: DescentArrows?, theme: Theme, width: Double) -> [LegendEntry] {
        guard let arrows else { return [] }
        var entries = [LegendEntry(glyph: .arrow(theme.gradientArrow, casing: theme.pathCasing, width: width), text: arrows.stepLegend)]
        if arrows.hasVelocity, let velocity = arrows.velocityLegend {
            entries.append(LegendEntry(glyph: .arrow(theme.velocityArrow, casing: theme.pathCasing, width: width), text: velocity))
        }
        return entries
    }
}
