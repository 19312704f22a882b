import Training

/// The scenes: four of one run each, and four that put several panels or runs side by side.
public enum SceneKind: String, CaseIterable, Sendable {
    /// Data points and the current regression line.
    case line
    /// Loss against epoch.
    case loss
    /// J(b) at a fixed m, with the b-only optimizer's steps and the tangent at the current b.
    case bsweep
    /// Filled contours of J(m, b) with the optimizer's path.
    case contour
    /// Several optimizers' paths on one contour, with their losses beside it.
    case compare
    /// Line, loss and contour (and bsweep) as synchronized panels.
    case dashboard
    /// The same descent at several learning rates, small multiples of the contour.
    case lrSweep = "lr-sweep"
    /// The contour path on raw x beside the one on standardized x.
    case scaling

    /// The scenes of one run, rendered by `--mode all`.
    public static let single: [SceneKind] = [.line, .loss, .bsweep, .contour]
}

/// How the loss scene's y axis is scaled.
public enum LossScale: String, CaseIterable, Sendable {
    /// Logarithmic when the plotted losses span more than two decades, else linear.
    case auto
    case linear
    case log
}

/// A run with the name a legend or a panel gives it, and the data it was trained on.
public struct LabelledRun: Sendable {
    public var label: String
    public var data: Dataset
    public var result: TrainingResult

    public init(label: String, data: Dataset, result: TrainingResult) {
        self.label = label
        self.data = data
        self.result = result
    }
}

/// One run as a scene draws it: its name in a legend, its colour, its snapshots (a path on the
/// contour, a curve of the loss).
struct Series {
    var label: String
    var color: RGB
    var snapshots: [Snapshot]
}

/// What a scene draws: the data and the run (`result`), and what the multi-run scenes need besides.
public struct SceneInput: Sendable {
    public var data: Dataset
    public var result: TrainingResult
    public var lossScale: LossScale
    /// The b-only run (the dashboard's bsweep panel; nil leaves it out).
    public var bOnly: TrainingResult?
    /// The runs compared: optimizers (compare), learning rates (lr-sweep), raw and standardized x (scaling).
    public var runs: [LabelledRun]
    /// Mark the epoch of lowest loss (loss scene).
    public var markBest: Bool
    /// Draw the per-frame readouts (epoch and numbers). Without them the plots take their room, and
    /// once the marks stop moving the frames stop changing (a clean picture to talk over).
    public var readout: Bool

    public init(data: Dataset, result: TrainingResult, lossScale: LossScale = .auto, bOnly: TrainingResult? = nil,
                runs: [LabelledRun] = [], markBest: Bool = false, readout: Bool = true) {
        self.data = data
        self.result = result
        self.lossScale = lossScale
        self.bOnly = bOnly
        self.runs = runs
        self.markBest = markBest
        self.readout = readout
    }
}

/// What a scene contributes to the animation; `Animation` does the compositing. `k` is a snapshot
/// index (an epoch, or an update for per-update histories); scenes of several runs clamp it per run.
protocol Scene: AnyObject {
    /// Everything that never changes: frame, heading, axes, data, bands, legends.
    func drawBackground(on c: Canvas)
    /// Marks that stay once made (a path, a curve so far): those of snapshot `k`, drawn after those of k − 1.
    func drawTrail(_ k: Int, on c: Canvas)
    /// Marks of snapshot `k` alone.
    func drawOverlay(_ k: Int, on c: Canvas)
    /// Rectangles restored from the background after each overlay (legends), so they stay on top.
    var onTop: [PixelRect] { get }
    /// The readouts: where each goes and its text for snapshot k.
    var readouts: [Readout] { get }
    /// Snapshots of the runs this scene shows (for the frame schedule).
    var runs: [[Snapshot]] { get }
}

extension Scene {
    /// Snapshots of the longest run: the range of `k`.
    var snapshotCount: Int { runs.map(\.count).max() ?? 1 }
}

/// A readout band (epoch and numbers) and its text for snapshot k.
struct Readout {
    var band: ReadoutBand
    var text: (Int) -> [TitleSegment]
}

/// Where a readout goes: a band at the bottom of `area`, centred on `centre`.
struct ReadoutBand {
    var area: PixelRect
    var centre: Double
    var style: Style
    var font: Font
}

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

    var readouts: [Readout] {
        guard chart.statusBand > 0 else { return [] }
        return [Readout(band: chart.readoutBand, text: { [unowned self] k in self.status(k) })]
    }
}

/// Renders the frames of a scene. The background (heading, axes, ticks, data, contour bands, colour
/// bar, legends) is drawn once; a frame is a copy of it plus the trail up to its snapshot, the
/// snapshot's own marks and its readout.
///
/// Readouts sit in a band at the bottom rather than in the heading: the marks that move late in a
/// run (a marker settling at a minimum, the head of a loss curve) are low in the plot, and a GIF frame
/// stores the one box around everything that changed, so a counter at the top made every frame span
/// the plot's height (loss scene: 133 KB with the counter on top, 95 KB with it below).
public final class Animation {
    public let kind: SceneKind
    /// Which snapshot each frame shows, in increasing order.
    public let frames: [Int]
    public var frameCount: Int { frames.count }
    public let width: Int
    public let height: Int
    private let scene: any Scene
    private let background: Canvas
    private let trail: Canvas
    private var trailUpTo = 0
    private let work: Canvas
    private let layouts: [(StatusLayout, Readout)]

    /// `frameLimit`: at most this many frames, scheduled by `FrameSchedule` (nil: every snapshot up to
    /// `FrameSchedule.defaultLimit` + 1, else that many).
    public init(kind: SceneKind, input: SceneInput, width: Int, height: Int, frameLimit: Int? = nil) throws(RenderError) {
        let font = try Font.make()
        self.kind = kind
        self.width = width
        self.height = height
        scene = Scenes.make(kind, input: input, width: width, height: height, font: font)
        frames = FrameSchedule.indices(for: scene.runs, count: FrameSchedule.frameCount(snapshots: scene.snapshotCount, limit: frameLimit))
        background = try Canvas(width: width, height: height)
        scene.drawBackground(on: background)
        trail = try Canvas(width: width, height: height)
        trail.copy(from: background)
        scene.drawTrail(0, on: trail)
        work = try Canvas(width: width, height: height)
        let shown = self.frames
        layouts = scene.readouts.map { r in (StatusLayout(shown.map(r.text), band: r.band), r) }
    }

    /// Frame `index` (0 = the starting point).
    public func render(_ index: Int) -> Frame {
        let k = frames[index]
        if k < trailUpTo {
            trail.copy(from: background)
            scene.drawTrail(0, on: trail)
            trailUpTo = 0
        }
        while trailUpTo < k {
            trailUpTo += 1
            scene.drawTrail(trailUpTo, on: trail)
        }
        work.copy(from: trail)
        scene.drawOverlay(k, on: work)
        for r in scene.onTop { work.copy(from: background, rect: r) }
        for (layout, readout) in layouts { layout.draw(readout.text(k), on: work) }
        return work.frame()
    }
}

/// Shared wording and ranges.
enum SceneText {
    /// Whether a history has a snapshot per update rather than per epoch.
    static func isPerStep(_ snapshots: [Snapshot]) -> Bool { snapshots.count > 1 && snapshots.last!.step != snapshots.last!.epoch }

    /// What a snapshot counts: "epoch", or "update" for a per-update history.
    static func unit(_ snapshots: [Snapshot]) -> String { isPerStep(snapshots) ? "update" : "epoch" }

    /// `Epoch`, `k`, `/ N` (or `Step`, `s`, `(epoch e / N)` for per-update histories), and a last segment
    /// that says when the run diverged.
    static func progress(_ r: TrainingResult, _ k: Int) -> [TitleSegment] {
        let s = r.snapshots[k]
        let perStep = isPerStep(r.snapshots)
        let diverged = TitleSegment(r.divergedAtEpoch != nil && k == r.snapshots.count - 1 ? "(diverged)" : "")
        if perStep {
            return ["Step ", TitleSegment("\(s.step)", counter: true), " (epoch ", TitleSegment("\(s.epoch)", counter: true),
                    TitleSegment(" / \(r.epochsRequested))   "), diverged]
        }
        return ["Epoch ", TitleSegment("\(s.epoch)", counter: true), TitleSegment(" / \(r.epochsRequested) "), diverged]
    }

    /// Four significant digits, trailing zeros kept: what a title shows of a parameter or a loss.
    static func number(_ v: Double, digits: Int = 4) -> String { NumberFormat.significant(v, digits: digits, keepZeros: true) }

    static func fit(_ s: Snapshot, prime: String = "") -> [TitleSegment] {
        [TitleSegment("  m\(prime) = "), TitleSegment(number(s.m)), TitleSegment("  b\(prime) = "), TitleSegment(number(s.b)), "  MSE = ", TitleSegment(number(s.loss))]
    }

    /// `Epoch k / N   m = …  b = …  MSE = …`: the readout of the line, loss and contour scenes.
    static func progressAndFit(_ r: TrainingResult, _ k: Int) -> [TitleSegment] { progress(r, k) + fit(r.snapshots[k]) }

    /// "Batch gradient descent", "Mini-batch gradient descent (20 per batch)", "Adam", …
    static func optimizer(_ c: TrainingConfig) -> String {
        switch c.optimizer {
        case .batch: return "Batch gradient descent"
        case .sgd: return "Stochastic gradient descent"
        case .minibatch(let size): return "Mini-batch gradient descent (\(size) per batch)"
        case .momentum(let beta): return "Gradient descent with momentum (β = \(NumberFormat.significant(beta)))"
        case .nesterov(let beta): return "Nesterov momentum (β = \(NumberFormat.significant(beta)))"
        case .adam(let b1, let b2): return "Adam (β₁ = \(NumberFormat.significant(b1)), β₂ = \(NumberFormat.significant(b2)))"
        }
    }

    /// "Batch gradient descent, α = 0.1": the run, for headings.
    static func run(_ r: TrainingResult) -> String {
        "\(optimizer(r.config)), α = \(NumberFormat.significant(r.config.learningRate))"
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// One word on how a run went, for the panels of a learning-rate sweep: "diverges" (the loss ended
    /// above where it started), "oscillates" (α·λmax > 1: each step overshoots the minimum along the
    /// steepest direction and flips side), "creeps" (it took more than half the run to come within 5 % of
    /// its starting distance from (m*, b*), or never did: the loss may look done while the parameters
    /// still crawl along the valley), else "converges".
    static func behaviour(_ r: TrainingResult) -> String {
        let start = r.snapshots[0], ls = r.leastSquares
        if r.divergedAtEpoch != nil || r.final.loss > start.loss { return "diverges" }
        if let limit = r.stabilityLimit, r.config.learningRate > limit / 2 { return "oscillates" }
        func distance(_ s: Snapshot) -> Double { ((s.m - ls.m) * (s.m - ls.m) + (s.b - ls.b) * (s.b - ls.b)).squareRoot() }
        let close = 0.05 * distance(start)
        let near = r.snapshots.firstIndex { distance($0) <= close }
        if near == nil || near! * 2 > r.snapshots.count - 1 { return "creeps" }
        return "converges"
    }
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

/// Where each segment of the readout goes, fixed for the whole animation: each segment gets the width of
/// its widest version over all frames and is drawn in it (counters right-aligned, the rest
/// left-aligned), and the whole is centred over the plot once. Numbers therefore stay put from frame to
/// frame (digits of DejaVu Sans share one width), which reads calmly and leaves only the changed digits to encode.
struct StatusLayout {
    let band: ReadoutBand
    let size: Double
    let starts: [Double]
    let widths: [Double]

    init(_ titles: [[TitleSegment]], band: ReadoutBand) {
        self.band = band
        let s = band.style, font = band.font
        let count = titles.map(\.count).max() ?? 0
        func widths(at size: Double) -> [Double] {
            var widths = [Double](repeating: 0, count: count)
            for t in titles { for (i, part) in t.enumerated() where !part.text.isEmpty { widths[i] = max(widths[i], font.measure(part.text, size: size).width) } }
            return widths
        }
        let room = Double(band.area.x1 - band.area.x0) - 2 * s.pad
        // Shrunk to fit, measured at the size drawn (widths scaled from the full size would let
        // neighbouring segments run into each other).
        let natural = widths(at: s.titleSize).reduce(0, +)
        let size = Font.fittingSize(s.titleSize, guess: max(7, s.titleSize * room / natural), floor: 6) {
            widths(at: $0).reduce(0, +) <= room
        } ?? 6
        let measured = widths(at: size)
        self.size = size
        let used = measured.reduce(0, +)
        let centre = min(max(band.centre, Double(band.area.x0) + s.pad + used / 2), Double(band.area.x1) - s.pad - used / 2)
        var x = centre - used / 2
        var starts: [Double] = []
        for w in measured { starts.append(x); x += w }
        self.starts = starts
        self.widths = measured
    }

    func draw(_ parts: [TitleSegment], on c: Canvas) {
        let baseline = Double(band.area.y1) - band.style.pad * 0.8 - size * Font.descent
        for (i, part) in parts.enumerated() where !part.text.isEmpty && i < starts.count {
            let x = part.counter ? starts[i] + widths[i] - band.font.measure(part.text, size: size).width : starts[i]
            band.font.draw(part.text, on: c, x: x, y: baseline, size: size, color: Theme.text)
        }
    }
}

extension TrainingResult {
    /// The snapshots that set an axis's range: those whose loss stays within 4× the start's. A diverging
    /// run's explosion then leaves the axes to its first steps (the rest is drawn, off the edge) instead of
    /// squashing them into a line; a converging run keeps every snapshot.
    var rangeSnapshots: [Snapshot] { Self.tame(snapshots) }

    static func tame(_ snapshots: [Snapshot]) -> [Snapshot] {
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
