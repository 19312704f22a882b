import Training

extension SceneDrawing {
    /// The same descent at several learning rates, small multiples of the contour: one row of up to
    /// three, else two rows.
    public static let lrSweep = SceneDrawing(name: "lr-sweep", grid: { panels in
        let columns = panels <= 3 ? panels : (panels + 1) / 2
        return (columns, (panels + columns - 1) / columns)
    }, defaultSize: { $0 <= 2 ? (1120, 480) : $0 <= 4 ? (960, 720) : (1200, 720) }) { input, frame in
        CompositeScene.learningRateSweep(input, frame)
    }
}

extension CompositeScene {
    /// `lr-sweep`: a contour panel per run (one optimizer at several rates) on shared axes, each saying
    /// how its run behaves and, once it is reached, when it diverged.
    static func learningRateSweep(_ input: SceneInput, _ frame: SceneFrame) -> CompositeScene {
        let (width, height, font, on, r) = (frame.width, frame.height, frame.font, input.readout, input.result)
        let runs = runs(of: input)
        let (columns, rows) = SceneDrawing.lrSweep.grid(panels: runs.count)
        let style = pageStyle(width: width, height: height, columns: columns, rows: rows, theme: input.theme)
        let cells = grid(runs.count, columns: columns, width: width, height: height, style: style, panelReadouts: on, pageReadout: on)
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
        return CompositeScene(heading: heading, page: frame.page, style: style, font: font, panels: panels, readout: on ? progress(of: runs) : nil)
    }
}
