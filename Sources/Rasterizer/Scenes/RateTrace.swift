import Training

/// A learning-rate schedule's α as a thin second trace on the loss chart, on its own linear axis at the
/// right: a step function, α of the updates from each snapshot to the next, so the loss's pace can be read
/// against the rate that set it. Static (the schedule is known for the whole run), so drawn once.
struct RateTrace {
    /// α of the updates leading to each snapshot (the first: the first epoch's).
    let rates: [Double]
    var axis: Axis
    private(set) var ticks: [(value: Double, label: String)] = []
    /// Room kept right of the plot: tick marks, labels and the rotated title.
    let reserve: Double
    static let title = "learning rate α"

    /// The trace of `r`'s schedule over `snapshots`, nil for a constant rate.
    init?(_ r: TrainingResult, snapshots: [Snapshot], style s: Style, font: Font, plotHeight: Double) {
        guard r.config.schedule != .constant, snapshots.count > 1 else { return nil }
        rates = snapshots.map(r.rate(at:))
        axis = Axis(0, (rates.max() ?? r.config.learningRate) * 1.05, title: Self.title)
        let guess = axis.ticks(length: plotHeight, spacing: max(34, 55 * s.scale))
        let widest = guess.map { font.measure($0.label, size: s.tickSize).width }.max() ?? 0
        reserve = s.tickLength + s.pad * 0.6 + widest + s.pad * 0.8 + s.labelSize * 1.2 + s.pad * 0.6
    }

    /// Fits the axis to the chart's plot, once the chart is laid out.
    mutating func place(on chart: Chart) {
        axis.pixelLo = Double(chart.plot.y1)
        axis.pixelHi = Double(chart.plot.y0)
        ticks = axis.ticks(length: Double(chart.plot.y1 - chart.plot.y0), spacing: max(34, 55 * chart.style.scale))
    }

    /// The legend's line for the trace.
    static func legend(_ theme: Theme, style: Style) -> LegendEntry {
        LegendEntry(glyph: .line(theme.neutral, width: style.thinWidth, dashed: false), text: "\(title) (right axis)")
    }

    /// The right axis's ticks, labels and title, and the trace, `xs[i]` the x of snapshot i.
    func draw(on c: Canvas, chart: Chart, xs: [Double]) {
        let s = chart.style, theme = chart.theme
        let px1 = Double(chart.plot.x1), spine = max(1, s.scale)
        var widest = 0.0
        for t in ticks {
            let p = axis.map(t.value)
            c.strokeSegment(Point(px1, p), Point(px1 + s.tickLength, p), width: spine, theme.axis, clip: chart.area)
            let r = c.label(t.label, font: chart.font, size: s.tickSize, at: px1 + s.tickLength + s.pad * 0.6, p, color: theme.text, h: .left, v: .middle)
            widest = max(widest, Double(r.x1) - (px1 + s.tickLength + s.pad * 0.6))
        }
        let py0 = Double(chart.plot.y0), py1 = Double(chart.plot.y1)
        c.verticalLabel(Self.title, font: chart.font, size: s.labelSize, centerY: (py0 + py1) / 2,
                        left: px1 + s.tickLength + s.pad * 0.6 + widest + s.pad * 0.6, color: theme.text)
        // A corner only where the rate changes: a run of equal rates is one segment (joints would darken it).
        let n = min(rates.count, xs.count)
        var points = [Point(chart.x.map(xs[0]), axis.map(rates[1]))]
        for i in 2..<max(2, n) where rates[i] != rates[i - 1] {
            points += [Point(chart.x.map(xs[i - 1]), axis.map(rates[i - 1])), Point(chart.x.map(xs[i - 1]), axis.map(rates[i]))]
        }
        points.append(Point(chart.x.map(xs[n - 1]), axis.map(rates[n - 1])))
        c.strokePolyline(points, width: s.thinWidth, theme.neutral, clip: chart.plot)
    }
}
