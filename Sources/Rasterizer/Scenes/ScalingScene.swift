import Training

extension SceneDrawing {
    /// The contour path on raw x beside the one on standardized x.
    public static let scaling = SceneDrawing(name: "scaling", grid: { ($0, 1) }, defaultSize: { _ in (1120, 480) }) { input, frame in
        CompositeScene.scaling(input, frame)
    }
}

extension CompositeScene {
    /// `scaling`: a contour panel per run, in a row, the first on raw x and the rest on standardized x′,
    /// with equal units on both axes.
    static func scaling(_ input: SceneInput, _ frame: SceneFrame) -> CompositeScene {
        let (width, height, font, on, r) = (frame.width, frame.height, frame.font, input.readout, input.result)
        let runs = runs(of: input)
        let (columns, rows) = SceneDrawing.scaling.grid(panels: runs.count)
        let style = pageStyle(width: width, height: height, columns: columns, rows: rows, theme: input.theme)
        let cells = grid(runs.count, columns: columns, width: width, height: height, style: style, panelReadouts: on, pageReadout: on)
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
                              page: frame.page, style: style, font: font, panels: panels, readout: on ? progress(of: runs) : nil)
    }
}
