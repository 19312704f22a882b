import Training

/// The arrows of `--arrows` on a contour: at the current point of each path, the step −α∇J that the
/// gradient alone asks for, to scale in the plot's units; for momentum and Nesterov also the velocity's
/// share of the next step, −α·β·v (v ← β·v + ∇J, replayed from the path's gradients): the velocity
/// before this update for heavy-ball momentum, after it for Nesterov (whose step is −α(∇J + β·v_new)), so
/// the two arrows add up to the step either way.
struct DescentArrows {
    /// Per path, per snapshot: the gradient step and the velocity step (nil without momentum), in (m, b).
    let steps: [[(gradient: (m: Double, b: Double), velocity: (m: Double, b: Double)?)]]

    init(paths: [Series], surface: LossSurface) {
        steps = paths.map { path in
            guard let config = path.config else { return [] }
            let snaps = path.snapshots
            let bOnly = config.fixedM != nil
            let beta: Double?, nesterov: Bool
            switch config.optimizer {
            case .momentum(let b): (beta, nesterov) = (b, false)
            case .nesterov(let b): (beta, nesterov) = (b, true)
            default: (beta, nesterov) = (nil, false)
            }
            var v = (m: 0.0, b: 0.0)
            return snaps.indices.map { k in
                let s = snaps[k]
                // The rate of the update that leaves snapshot k.
                let next = k + 1 < snaps.count ? snaps[k + 1].epoch : s.epoch + 1
                let alpha = config.rate(epoch: max(0, next - 1))
                let g = surface.gradient(m: s.m, b: s.b)
                let gradient = (m: bOnly ? 0 : -alpha * g.dm, b: -alpha * g.db)
                var velocity: (m: Double, b: Double)?
                if let beta {
                    let after = (m: beta * v.m + g.dm, b: beta * v.b + g.db)     // the velocity after this update
                    let carried = nesterov ? after : v
                    velocity = (m: bOnly ? 0 : -alpha * beta * carried.m, b: -alpha * beta * carried.b)
                    v = after
                }
                return (gradient, velocity)
            }
        }
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
        var entries = [LegendEntry(glyph: .arrow(theme.gradientArrow, casing: theme.pathCasing, width: width), text: "step −α∇J")]
        if arrows.hasVelocity {
            entries.append(LegendEntry(glyph: .arrow(theme.velocityArrow, casing: theme.pathCasing, width: width), text: "momentum −αβv"))
        }
        return entries
    }
}
