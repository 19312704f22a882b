/// A scene drawn on one chart.
protocol ChartScene: Scene {
    var chart: Chart { get }
    /// What the chart shows, drawn once at its top.
    var heading: String { get }
    /// Everything that never changes, drawn over the chart's frame.
    func drawStatic(on c: Canvas)
    /// The readout (epoch and numbers) of snapshot k, as segments: fixed words and changing numbers
    /// alternate, and every k gives the same number of segments (see `StatusLayout`).
    func status(_ k: Int) -> [TitleSegment]
    /// The legend's rectangle.
    var legendRect: PixelRect { get }
}

extension ChartScene {
    func drawBackground(on c: Canvas) {
        chart.drawFrame(on: c)
        chart.drawHeading(heading, on: c)
        drawStatic(on: c)
    }

    var onTop: [PixelRect] { [legendRect] }

    var plots: [PixelRect] { [chart.plot] }

    var readouts: [Readout] {
        guard chart.statusBand > 0 else { return [] }
        return [Readout(band: chart.readoutBand, text: { [unowned self] k in self.status(k) })]
    }
}
