import Training

extension SceneDrawing {
    /// Line, loss and contour (or the 3-D surface) as synchronized panels, and bsweep too when the input
    /// has a b-only run: three in a row, or four in a 2×2 grid.
    public static let dashboard = SceneDrawing(name: "dashboard", grid: { $0 == 4 ? (2, 2) : (3, 1) },
                                               defaultSize: { $0 == 4 ? (960, 720) : (1200, 450) }) { input, frame in
        CompositeScene.dashboard(input, frame)
    }
}

extension CompositeScene {
    /// `dashboard`: one run as a line, a loss and a contour (or surface) panel, and descent on b alone
    /// when the input has a b-only run, under one heading and one readout.
    static func dashboard(_ input: SceneInput, _ frame: SceneFrame) -> CompositeScene {
        let (width, height, font, on, r) = (frame.width, frame.height, frame.font, input.readout, input.result)
        let count = input.bOnly == nil ? 3 : 4
        let (columns, rows) = SceneDrawing.dashboard.grid(panels: count)
        let style = pageStyle(width: width, height: height, columns: columns, rows: rows, theme: input.theme)
        let cells = grid(count, columns: columns, width: width, height: height, style: style, panelReadouts: false, pageReadout: on)
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
        return CompositeScene(heading: SceneText.run(r), page: frame.page, style: style, font: font, panels: panels,
                              readout: on ? { [digits = r.readoutPrecision] k in SceneText.progressAndFit(r, min(k, r.snapshots.count - 1), digits: digits) } : nil)
    }
}
