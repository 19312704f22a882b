import Training

/// The four scenes.
public enum SceneKind: String, CaseIterable, Sendable {
    /// Data points and the current regression line.
    case line
    /// Loss against epoch.
    case loss
    /// J(b) at a fixed m, with the b-only optimizer's steps and the tangent at the current b.
    case bsweep
    /// Filled contours of J(m, b) with the optimizer's path.
    case contour
}

/// How the loss scene's y axis is scaled.
public enum LossScale: String, CaseIterable, Sendable {
    /// Logarithmic when the plotted losses span more than two decades, else linear.
    case auto
    case linear
    case log
}

/// What a scene draws: the data and one training run over it.
public struct SceneInput: Sendable {
    public var data: Dataset
    public var result: TrainingResult
    public var lossScale: LossScale

    public init(data: Dataset, result: TrainingResult, lossScale: LossScale = .auto) {
        self.data = data
        self.result = result
        self.lossScale = lossScale
    }
}

/// What a scene contributes to the animation; `Animation` does the compositing.
protocol Scene: AnyObject {
    var chart: Chart { get }
    /// Everything that never changes, drawn once over the chart's frame.
    func drawStatic(on c: Canvas)
    /// Marks that stay once made (a path, a curve so far): those of snapshot `k`, drawn after those of k − 1.
    func drawTrail(_ k: Int, on c: Canvas)
    /// Marks of frame `k` alone.
    func drawOverlay(_ k: Int, on c: Canvas)
    /// Frame k's title as segments: fixed words and changing numbers alternate, and every frame has the
    /// same number of segments (see `TitleLayout`).
    func title(_ k: Int) -> [TitleSegment]
    /// The legend's rectangle, restored from the static layer after each overlay so it stays on top.
    var legendRect: PixelRect { get }
}

/// Renders the frames of one scene. The static layer (axes, ticks, data, contour bands, colour bar,
/// legend) is drawn once; frame k is a copy of it plus the trail up to k and frame k's own marks.
/// Frames are cheapest asked for in order; any order gives the same pixels.
public final class Animation {
    public let kind: SceneKind
    /// One frame per snapshot.
    public let frameCount: Int
    public let width: Int
    public let height: Int
    private let scene: any Scene
    private let background: Canvas
    private let trail: Canvas
    private var trailUpTo = 0
    private let work: Canvas

    public init(kind: SceneKind, input: SceneInput, width: Int, height: Int) throws(RenderError) {
        let font = try Font.make()
        self.kind = kind
        self.width = width
        self.height = height
        frameCount = input.result.snapshots.count
        switch kind {
        case .line: scene = LineScene(input, width: width, height: height, font: font)
        case .loss: scene = LossScene(input, width: width, height: height, font: font)
        case .bsweep: scene = BSweepScene(input, width: width, height: height, font: font)
        case .contour: scene = ContourScene(input, width: width, height: height, font: font)
        }
        background = try Canvas(width: width, height: height)
        scene.chart.drawFrame(on: background)
        scene.drawStatic(on: background)
        trail = try Canvas(width: width, height: height)
        trail.copy(from: background)
        scene.drawTrail(0, on: trail)
        work = try Canvas(width: width, height: height)
        titleLayout = TitleLayout((0..<frameCount).map(scene.title), chart: scene.chart)
    }

    private let titleLayout: TitleLayout

    /// Frame `index` (0 = the starting point).
    public func render(_ index: Int) -> Frame {
        precondition(index >= 0 && index < frameCount)
        if index < trailUpTo {
            trail.copy(from: background)
            scene.drawTrail(0, on: trail)
            trailUpTo = 0
        }
        while trailUpTo < index {
            trailUpTo += 1
            scene.drawTrail(trailUpTo, on: trail)
        }
        work.copy(from: trail)
        scene.drawOverlay(index, on: work)
        work.copy(from: background, rect: scene.legendRect)
        titleLayout.draw(scene.title(index), on: work)
        return work.frame()
    }
}

/// Shared wording and ranges.
enum SceneText {
    /// `Epoch`, `k`, `/ N` (or `Step`, `s`, `(epoch e / N)` for per-update histories), and a last segment
    /// that says when the run diverged.
    static func progress(_ r: TrainingResult, _ k: Int) -> [TitleSegment] {
        let s = r.snapshots[k]
        let perStep = r.snapshots.count > 1 && r.snapshots.last!.step != r.snapshots.last!.epoch
        let diverged = TitleSegment(r.divergedAtEpoch != nil && k == r.snapshots.count - 1 ? "(diverged)" : "")
        if perStep {
            return ["Step ", TitleSegment("\(s.step)", counter: true), " (epoch ", TitleSegment("\(s.epoch)", counter: true),
                    TitleSegment(" / \(r.epochsRequested))   "), diverged]
        }
        return ["Epoch ", TitleSegment("\(s.epoch)", counter: true), TitleSegment(" / \(r.epochsRequested) "), diverged]
    }

    /// Four significant digits, trailing zeros kept: what a title shows of a parameter or a loss.
    static func number(_ v: Double, digits: Int = 4) -> String { NumberFormat.significant(v, digits: digits, keepZeros: true) }

    static func fit(_ s: Snapshot) -> [TitleSegment] {
        ["  m = ", TitleSegment(number(s.m)), "  b = ", TitleSegment(number(s.b)), "  MSE = ", TitleSegment(number(s.loss))]
    }

    /// `Epoch k / N   m = …  b = …  MSE = …`: the title of the line, loss and contour scenes.
    static func progressAndFit(_ r: TrainingResult, _ k: Int) -> [TitleSegment] { progress(r, k) + fit(r.snapshots[k]) }
}

/// A piece of a title; counters (epoch, step) sit right-aligned in their slot, like a tabular column.
struct TitleSegment: ExpressibleByStringLiteral {
    var text: String
    var counter = false

    init(_ text: String, counter: Bool = false) {
        self.text = text
        self.counter = counter
    }

    init(stringLiteral value: String) { text = value }
}

/// Where each segment of the title goes, fixed for the whole animation: each segment gets the width of
/// its widest version over all frames and is drawn in it (counters right-aligned, the rest
/// left-aligned), and the whole is centred over the plot once. Numbers therefore stay put from frame to
/// frame (digits of DejaVu Sans share one width), which reads calmly and leaves only the changed digits to encode.
struct TitleLayout {
    let chart: Chart
    let size: Double
    let starts: [Double]
    let widths: [Double]

    init(_ titles: [[TitleSegment]], chart: Chart) {
        self.chart = chart
        let s = chart.style
        let count = titles.map(\.count).max() ?? 0
        var widths = [Double](repeating: 0, count: count)
        for t in titles { for (i, part) in t.enumerated() where !part.text.isEmpty { widths[i] = max(widths[i], chart.font.measure(part.text, size: s.titleSize).width) } }
        let total = widths.reduce(0, +)
        let room = Double(chart.width) - 2 * s.pad
        let scale = total > room ? room / total : 1
        let size = max(7, s.titleSize * scale)
        self.size = size
        let scaled = widths.map { $0 * size / s.titleSize }
        let used = scaled.reduce(0, +)
        let centre = min(max((Double(chart.plot.x0) + Double(chart.plot.x1)) / 2, s.pad + used / 2), Double(chart.width) - s.pad - used / 2)
        var x = centre - used / 2
        var starts: [Double] = []
        for w in scaled { starts.append(x); x += w }
        self.starts = starts
        self.widths = scaled
    }

    func draw(_ parts: [TitleSegment], on c: Canvas) {
        let baseline = chart.titleBand - chart.style.pad * 0.9 - size * Font.descent
        for (i, part) in parts.enumerated() where !part.text.isEmpty && i < starts.count {
            let x = part.counter ? starts[i] + widths[i] - chart.font.measure(part.text, size: size).width : starts[i]
            chart.font.draw(part.text, on: c, x: x, y: baseline, size: size, color: Theme.text)
        }
    }
}

extension TrainingResult {
    /// The snapshots that set an axis's range: those whose loss stays within 4× the start's. A diverging
    /// run's explosion then leaves the axes to its first steps (the rest is drawn, off the edge) instead of
    /// squashing them into a line; a converging run keeps every snapshot.
    var rangeSnapshots: [Snapshot] {
        let limit = snapshots[0].loss * 4
        let kept = snapshots.filter { $0.loss <= limit }
        return kept.isEmpty ? [snapshots[0]] : kept
    }
}

extension Chart {
    /// The legend corner whose box would cover the fewest of `points`.
    func quietestCorner(for entries: [LegendEntry], among corners: [Corner], avoiding points: [Point]) -> Corner {
        var best = corners[0]
        var fewest = Int.max
        for corner in corners {
            let r = legendFrame(entries, corner: corner)
            let n = points.filter { Double(r.x0) <= $0.x && $0.x <= Double(r.x1) && Double(r.y0) <= $0.y && $0.y <= Double(r.y1) }.count
            if n < fewest { fewest = n; best = corner }
        }
        return best
    }
}
