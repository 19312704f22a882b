import Training

extension SceneDrawing {
    /// Several optimizers' paths on one contour, with their losses beside it.
    public static let compare = SceneDrawing(name: "compare", grid: { _ in (2, 1) }, defaultSize: { _ in (960, 540) }) { input, frame in
        CompositeScene.compare(input, frame)
    }
}

extension CompositeScene {
    /// `compare`: the paths of several runs (optimizers, or one optimizer under several learning-rate
    /// schedules) on one contour, and beside it, in a narrower panel, each run's J − J* per epoch.
    static func compare(_ input: SceneInput, _ frame: SceneFrame) -> CompositeScene {
        let (width, height, font, on, r) = (frame.width, frame.height, frame.font, input.readout, input.result)
        let runs = runs(of: input, label: r.config.optimizer.name)
        let series = runs.enumerated().map { i, run in
            Series(label: run.label, color: input.theme.runs[i % input.theme.runs.count], snapshots: run.result.snapshots,
                   config: run.result.config)
        }
        // The contour takes the room; the J − J* curves sit in a narrower panel beside it.
        let (columns, rows) = SceneDrawing.compare.grid(panels: 2)
        let style = pageStyle(width: width, height: height, columns: columns, rows: rows, theme: input.theme)
        let cells = grid(1, columns: 1, width: width, height: height, style: style, panelReadouts: false, pageReadout: on)[0].area
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
        return CompositeScene(heading: heading, page: frame.page, style: style, font: font,
                              panels: [contour, loss], readout: on ? readout : nil)
    }
}
