import Training

/// Builds the scene of each kind, single or composite.
public enum Scenes {
    /// Columns and rows of the panels of `kind` with `panels` panels (1×1 for a single scene).
    public static func grid(_ kind: SceneKind, panels: Int) -> (columns: Int, rows: Int) {
        switch kind {
        case .line, .loss, .bsweep, .contour, .surface: return (1, 1)
        case .compare: return (2, 1)
        case .dashboard: return panels == 4 ? (2, 2) : (3, 1)
        case .lrSweep:
            let columns = panels <= 3 ? panels : (panels + 1) / 2
            return (columns, (panels + columns - 1) / columns)
        case .scaling: return (panels, 1)
        case .steps: return (2, 1)
        }
    }

    /// The smallest frame that leaves each panel room for its axes, labels, a plot and a readout that
    /// can still be read: 200×150 a chart (looked at: below it the readout and the y-axis title no longer
    /// fit even at 6 px), plus the page heading and readout for the panel modes.
    public static func minimumSize(_ kind: SceneKind, panels: Int) -> (width: Int, height: Int) {
        // The steps scene's formulas need more room than a chart (looked at: at 480×360 they are set at 8 px,
        // at 600×400 at 10).
        if kind == .steps { return (600, 400) }
        let g = grid(kind, panels: panels)
        return g.columns == 1 && g.rows == 1 ? (200, 150) : (200 * g.columns, 150 * g.rows + 60)
    }

    /// The runs a multi-run scene shows: those given, else the main run alone under `label`.
    private static func runs(of input: SceneInput, label: String = "") -> [LabelledRun] {
        input.runs.isEmpty ? [LabelledRun(label: label, data: input.data, result: input.result)] : input.runs
    }

    /// `Epoch k / N` of the longest of `runs`: one that stops early (diverged) does not stop the counter.
    private static func progress(of runs: [LabelledRun]) -> (Int) -> [TitleSegment] {
        let longest = runs.map(\.result).max { $0.snapshots.count < $1.snapshots.count }!
        return { k in SceneText.progress(longest, min(k, longest.snapshots.count - 1)) }
    }

    /// Where the scene of `kind` counts its points per pixel (the line scene, alone or the dashboard's
    /// panel, past `DensityGrid.threshold` points), or nil when it draws no density. A caller that kept only
    /// the points' statistics counts the points over this frame and hands the counts back in
    /// ``SceneInput/density``.
    public static func densityFrame(_ kind: SceneKind, input: SceneInput, width: Int, height: Int) throws(RenderError) -> DensityCounts.Frame? {
        guard kind == .line || kind == .dashboard, input.data.count > DensityGrid.threshold else { return nil }
        let scene = make(kind, input: input, width: width, height: height, font: try Font.make())
        let line = scene as? LineScene ?? (scene as? CompositeScene)?.panels.lazy.compactMap { $0 as? LineScene }.first
        return line?.densityFrame
    }

    static func make(_ kind: SceneKind, input: SceneInput, width: Int, height: Int, font: Font, frameLimit: Int? = nil) -> any Scene {
        let full = Panel.full(width: width, height: height, status: input.readout, theme: input.theme)
        let page = full.area
        let on = input.readout
        let r = input.result
        switch kind {
        case .line: return LineScene(input, panel: full, font: font)
        case .loss: return LossScene(input, panel: full, font: font)
        case .bsweep: return BSweepScene(input, panel: full, font: font)
        case .contour: return ContourScene(input, panel: full, font: font)
        case .surface: return SurfaceScene(input, panel: full, font: font)
        case .steps: return StepsScene(input, width: width, height: height, font: font, epochLimit: frameLimit)

        case .compare:
            let runs = runs(of: input, label: r.config.optimizer.name)
            let series = runs.enumerated().map { i, run in
                Series(label: run.label, color: input.theme.runs[i % input.theme.runs.count], snapshots: run.result.snapshots,
                       config: run.result.config)
            }
            // The contour takes the room; the J − J* curves sit in a narrower panel beside it.
            let (columns, rows) = grid(kind, panels: 2)
            let style = CompositeScene.pageStyle(width: width, height: height, columns: columns, rows: rows, theme: input.theme)
            let cells = CompositeScene.grid(1, columns: 1, width: width, height: height, style: style, panelReadouts: false, pageReadout: on)[0].area
            let split = cells.x0 + Int(Double(cells.x1 - cells.x0) * 0.6)
            let contour = ContourScene(input, panel: Panel(area: PixelRect(x0: cells.x0, y0: cells.y0, x1: split, y1: cells.y1), status: false, style: style), font: font,
                                       paths: series,
                                       heading: "Paths on the loss surface J(m, b)")
            let loss = LossScene(input, panel: Panel(area: PixelRect(x0: split, y0: cells.y0, x1: cells.x1, y1: cells.y1), status: false, style: style), font: font,
                                 curves: series,
                                 heading: "Distance to the best fit, J − J*", legend: false, excess: true)
            let epoch = progress(of: runs)
            // Runs of one optimizer under several learning-rate schedules, or several optimizers.
            let bySchedule = input.comparesSchedules
            let short = runs.map { bySchedule ? $0.result.config.schedule.name : $0.label }
            var names = SceneText.list(short)
            names = names.prefix(1).uppercased() + names.dropFirst()
            let readout = { (k: Int) -> [TitleSegment] in
                var parts = epoch(k) + ["  MSE:"]
                for (run, name) in zip(runs, short) {
                    let s = run.result.snapshots[min(k, run.result.snapshots.count - 1)]
                    parts += [TitleSegment("  \(name) "), TitleSegment(SceneText.number(s.loss))]
                }
                return parts
            }
            let alpha = "α = \(NumberFormat.significant(r.config.learningRate))"
            let heading = bySchedule ? "\(SceneText.optimizer(r.config)): \(SceneText.list(short)) learning rates from \(alpha)"
                                     : "\(names) on one loss surface, \(alpha)"
            return CompositeScene(heading: heading, page: page, style: style, font: font,
                                  panels: [contour, loss], readout: on ? readout : nil)

        case .dashboard:
            let count = input.bOnly == nil ? 3 : 4
            let (columns, rows) = grid(kind, panels: count)
            let style = CompositeScene.pageStyle(width: width, height: height, columns: columns, rows: rows, theme: input.theme)
            let cells = CompositeScene.grid(count, columns: columns, width: width, height: height, style: style, panelReadouts: false, pageReadout: on)
            var panels: [any ChartScene] = [
                LineScene(input, panel: cells[0], font: font, heading: "The fitted line"),
                LossScene(input, panel: cells[1], font: font, heading: "Loss per \(SceneText.unit(r))"),
                input.dashboardSurface ? SurfaceScene(input, panel: cells[2], font: font, heading: "The loss surface J(m, b)")
                                       : ContourScene(input, panel: cells[2], font: font, heading: "Path on the loss surface"),
            ]
            if let bOnly = input.bOnly {
                var b = input
                b.result = bOnly
                panels.append(BSweepScene(b, panel: cells[3], font: font,
                                          heading: "b alone, m held at \(NumberFormat.significant(bOnly.snapshots[0].m))"))
            }
            return CompositeScene(heading: SceneText.run(r), page: page, style: style, font: font, panels: panels,
                                  readout: on ? { [digits = r.readoutPrecision] k in SceneText.progressAndFit(r, min(k, r.snapshots.count - 1), digits: digits) } : nil)

        case .lrSweep:
            let runs = runs(of: input)
            let (columns, rows) = grid(kind, panels: runs.count)
            let style = CompositeScene.pageStyle(width: width, height: height, columns: columns, rows: rows, theme: input.theme)
            let cells = CompositeScene.grid(runs.count, columns: columns, width: width, height: height, style: style, panelReadouts: on, pageReadout: on)
            let shared = runs.map(\.result.snapshots)
            let panels: [any ChartScene] = runs.enumerated().map { i, run in
                var one = input
                one.result = run.result
                // Shared axes, and the legend once: small multiples differ only in what changes.
                let scene = ContourScene(one, panel: cells[i], font: font, rangeFrom: shared,
                                         heading: "\(run.label): \(SceneText.behaviour(run.result))", options: .init(legend: i == 0))
                // A run that diverged says when, once its last snapshot is reached (the page counts on).
                let end = run.result.snapshots.count - 1
                let diverged = run.result.divergedAtEpoch.map { "  (diverged at \(SceneText.unit(run.result)) \(run.result.isPerUpdate ? run.result.final.step : $0))" }
                scene.statusText = { k in
                    ["MSE = ", TitleSegment(SceneText.number(run.result.snapshots[k].loss)), TitleSegment(k >= end ? diverged ?? "" : "")]
                }
                return scene
            }
            var heading = "\(SceneText.optimizer(r.config)) at \(runs.count) learning rate\(runs.count == 1 ? "" : "s")"
            if let limit = r.stabilityLimit { heading += " (stable below 2/λmax = \(NumberFormat.significant(limit)))" }
            return CompositeScene(heading: heading, page: page, style: style, font: font, panels: panels, readout: on ? progress(of: runs) : nil)

        case .scaling:
            let runs = runs(of: input)
            let (columns, rows) = grid(kind, panels: runs.count)
            let style = CompositeScene.pageStyle(width: width, height: height, columns: columns, rows: rows, theme: input.theme)
            let cells = CompositeScene.grid(runs.count, columns: columns, width: width, height: height, style: style, panelReadouts: on, pageReadout: on)
            let panels: [any ChartScene] = runs.enumerated().map { i, run in
                var one = input
                one.data = run.data
                one.result = run.result
                // Equal units on both axes: the raw bowl's narrow valley and the standardized one's
                // round bowl are the lesson, and stretched axes would hide them.
                let scene = ContourScene(one, panel: cells[i], font: font, heading: run.label,
                                         options: .init(equalAspect: true, primed: i > 0))
                let digits = run.result.readoutPrecision
                scene.statusText = { k in SceneText.fit(run.result, k, digits: digits, prime: i > 0 ? "′" : "") }
                return scene
            }
            return CompositeScene(heading: "Feature scaling: \(SceneText.run(r)), on raw x and on standardized x",
                                  page: page, style: style, font: font, panels: panels, readout: on ? progress(of: runs) : nil)
        }
    }
}
