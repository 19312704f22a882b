import GDAnimateKit
import Testing
@testable import Rasterizer
import Training

/// Data far from the origin (y ≈ 10⁶, a start at b = 10⁶): axes frame what moves, ticks are relative to
/// an offset named in the axis title, and readouts show the digits that change.
struct FarFromZeroTests {
    /// The golden data, y shifted up by 10⁶, and every scene's runs from b = 10⁶ as the library's own
    /// ``Plan`` trains them (compare: batch beside momentum at α = 0.05; dashboard and bsweep: m held at
    /// the least-squares slope).
    static func input(for drawing: SceneDrawing) throws -> SceneInput {
        let kind = SceneKind(rawValue: drawing.name)!
        let base = Preset.linear.generate(seed: 0)
        let data = Dataset(xs: base.xs, ys: base.ys.map { $0 + 1e6 }, source: "linear + 1e6")
        var visual = Visual(scene: kind, data: .points(data))
        visual.initialB = 1e6
        if kind == .compare { (visual.compared, visual.learningRate) = ([.batch, .momentum], 0.05) }
        if kind == .dashboard { visual.fixedM = try LossSurface(data).leastSquares.m }
        return try GoldenImageTests.planned(visual)
    }

    @Test(arguments: SceneDrawing.all)
    func framesMatchGoldens(_ kind: SceneDrawing) throws {
        let (w, h) = SceneDrawing.single.contains(kind) ? (480, 360) : (720, 480)
        let animation = try Animation(kind: kind, input: Self.input(for: kind), width: w, height: h)
        // The steps scene has 40 frames: 38 is the gradient beat of its last shown epoch.
        let k = kind == .steps ? 38 : 50
        try GoldenImageTests.check(try animation.render(k), golden: "far-\(kind.name)-\(k)")
    }

    @Test func ticksAreRelativeToAnOffsetWhenTheRangeIsTinyBesideItsSize() {
        let y = Axis(999_997, 1_000_007, title: "y")
        #expect(y.offset == 1e6 && y.shownTitle == "y − 1e6")
        #expect(y.ticks(length: 300, spacing: 55).map(\.label) == ["−2", "0", "2", "4", "6"])
        let negative = Axis(-2_000_030.5, -2_000_010, title: "b")
        #expect(negative.offset == -2_000_000 && negative.shownTitle == "b + 2e6")
        // Ordinary ranges, and ranges that straddle zero, keep plain ticks.
        #expect(Axis(0, 10, title: "x").offset == nil && Axis(-3, 1e5, title: "x").offset == nil)
        #expect(Axis(900_000, 1_100_000, title: "x").offset == nil)
        // Past 10⁵ two shared digits are enough (the labels were 9.998e5 … 1.0008e6); below, plain digits stay.
        let wide = Axis(999_100, 1_000_900, title: "y")
        let labels = wide.ticks(length: 300, spacing: 55).map(\.label)
        #expect(wide.offset == 1e6 && labels.contains("0") && labels.contains("−500") && labels.allSatisfy { !$0.contains("e") }, "\(labels)")
        #expect(Axis(100, 101, title: "y").offset == nil)
    }

    @Test func readoutsShowTheDigitsThatChange() throws {
        let r = try Self.input(for: .contour).result
        let labels = Set(r.snapshots.map { SceneText.fit(r, r.snapshots.firstIndex(of: $0)!, digits: r.readoutPrecision)[3].text })
        #expect(labels.count > r.snapshots.count / 2, "b's readout repeats: \(labels.prefix(3))")
        let plain = try GoldenImageTests.defaultRun(bOnly: false).result
        #expect(plain.readoutPrecision.m.digits == 4 && plain.readoutPrecision.b.digits == 4)
    }

    /// The same data fitted from the default start b = 0: b travels 10⁶ and then settles in its decimals.
    /// The readouts still resolve a thousandth of y's spread (b's changes are seen to the end, every value
    /// with the same decimals), and the line scene frames the data, not the first fits 10⁶ below it.
    @Test func aRunFromZeroToDataFarAwayShowsWhereItSettles() throws {
        let base = Preset.linear.generate(seed: 0)
        let data = Dataset(xs: base.xs, ys: base.ys.map { $0 + 1e6 }, source: "linear + 1e6")
        var config = TrainingConfig()
        config.learningRate = 0.3
        config.epochs = 200
        let r = try GradientDescent.run(data, config)
        let p = r.readoutPrecision
        let late = r.snapshots.suffix(50).map { p.b.text($0.b) }
        #expect(Set(late).count > 10, "b reads the same late in the run: \(late.suffix(3))")
        // Every b has the same decimals; an early 0 reads 0.000…, not 0.000000000.
        let decimals = Set(r.snapshots.map { p.b.text($0.b).split(separator: ".").last!.count })
        #expect(decimals.count == 1 && p.b.text(0) == "0." + String(repeating: "0", count: decimals.first!))
        // The shown end is the run's b to the last decimal shown.
        let shown = try #require(Double(p.b.text(r.final.b)))
        #expect(abs(shown - r.final.b) <= 1 / (1...decimals.first!).reduce(1.0) { p, _ in p * 10 })
        let y = LineScene.ranges(SceneInput(data: data, result: r)).y
        #expect(y.lo > 1e6 - 5 && y.hi < 1e6 + 20, "y axis \(y)")
        // The steps scene's update rows add up as shown (the gradient had four digits: 9014.166 − 0.02 × 4193
        // = 8930.297), and a late gradient far above rounding noise is not shown as 0 (the start's was 10⁶).
        for k in [1, 5, 20, 60, 150, 199] {
            let rows = StepEquations.formulas(r, k: k, digits: p, split: false)
            for (row, precision) in [(rows[4][0], p.m), (rows[5][0], p.b)] {
                let n = try StepsTests.numbers(row).map { try #require(Double($0)) }
                #expect(abs(n[0] - n[1] * n[2] - n[3]) <= 1.51 * precision.resolution(n[3]), "epoch \(k): \(row)")
            }
            let g = r.surface.gradient(m: r.snapshots[k].m, b: r.snapshots[k].b).db
            if abs(g) > 1e-6 { #expect(try #require(Double(StepsTests.numbers(rows[3][0]).last!)) != 0, "epoch \(k): \(rows[3][0])") }
        }
        // The first fit (b = 0) passes below the framed data: a mark in the fit's colour at the plot's
        // bottom edge says where it went; the last fit crosses the plot and needs none.
        let input = SceneInput(data: data, result: r)
        let scene = LineScene(input, panel: .full(width: 640, height: 480), font: try Font.make())
        let animation = try Animation(kind: .line, input: input, width: 640, height: 480)
        func fitPixelsAtTheBottom(_ k: Int) throws -> Int {
            let frame = try animation.render(k), plot = scene.chart.plot, fit = scene.chart.theme.fit.value
            return (plot.y1 - 14..<plot.y1).reduce(0) { n, y in n + (plot.x0..<plot.x1).filter { frame.pixels[y * 640 + $0] & 0xFFFFFF == fit }.count }
        }
        #expect(try fitPixelsAtTheBottom(0) > 10 && fitPixelsAtTheBottom(r.snapshots.count - 1) == 0)
        // The trail leaves out fits steep enough to cross the plot within 3 pixels (they pile up at x̄).
        let chart = scene.chart
        #expect(chart.pixelsAcross(m: 0, b: 1e6 + 3) > 400 && chart.pixelsAcross(m: 0, b: 0) == 0)
        #expect(chart.pixelsAcross(m: 1e8, b: 1e6 - 1e8) < 3 && chart.pixelsAcross(m: 3, b: 1e6 + 4) > 400)
        // Data near 0 keeps the first fits on screen (they lie within a few data spreads).
        let near = try GradientDescent.run(base, config)
        #expect(LineScene.ranges(SceneInput(data: base, result: near)).y.lo <= 0)
    }
}

/// A readout too long for its band at the smallest size keeps what fits from the left, cut before a label,
/// inside the band (it was centred and clipped at both edges: "00 / 300  m = 8930.297 …" at 200×150).
struct ReadoutCutTests {
    @Test func aReadoutTooLongIsCutBeforeALabel() throws {
        let font = try Font.make()
        let style = Style(width: 200, height: 150, theme: .light)
        let band = ReadoutBand(area: PixelRect(x0: 0, y0: 130, x1: 200, y1: 150), centre: 100, style: style, font: font)
        let titles: [[TitleSegment]] = (0...300).map { k in
            ["Epoch ", TitleSegment("\(k)", counter: true), " / 300 ", "  m = ", TitleSegment("\(8930 + k).297"),
             "  b = ", TitleSegment("\(940856 + k).862"), "  MSE = ", "8.324e8"]
        }
        let layout = StatusLayout(titles, band: band)
        #expect(layout.starts.count < 9 && titles[0][layout.starts.count].text.hasPrefix("  "), "cut at \(layout.starts.count)")
        #expect(layout.starts.first! >= 0 && layout.starts.last! + layout.widths.last! <= 200)
        #expect(layout.starts.count >= 5, "the epoch and m at least")
        // Never inside "Epoch 300 / 300": a band too narrow for even that starts at its left edge.
        let narrow = StatusLayout(titles, band: ReadoutBand(area: PixelRect(x0: 0, y0: 130, x1: 60, y1: 150), centre: 30, style: style, font: font))
        #expect(narrow.starts.count == 3 && narrow.starts[0] >= 0, "\(narrow.starts)")
        // A value that rounds to zero reads as zero, never "−0.000".
        let p = ReadoutPrecision(digits: 10, size: 1e6)
        #expect(p.text(-0.0001) == "0.000" && p.text(-0.0) == "0.000" && p.text(-0.0006) == "−0.001" && p.text(-0.0001, keepZeros: false) == "0")
        // One that fits keeps every segment.
        #expect(StatusLayout([["Epoch ", "3", "  m = ", "1.5"]], band: band).starts.count == 4)
    }
}

/// A learning-rate sweep's diverging panel says at which epoch its run stopped once the page passes it.
struct SweepDivergenceTests {
    @Test func aDivergingPanelSaysWhenItStopped() throws {
        let data = Preset.linear.generate(seed: 0)
        let limit = try LossSurface(data).stabilityLimit
        func run(_ share: Double) throws -> TrainingResult {
            var config = TrainingConfig()
            config.learningRate = share * limit
            config.epochs = 400
            return try GradientDescent.run(data, config)
        }
        let runs = try [0.5, 1.3].map { LabelledRun(label: "α = \($0) × 2/λmax", data: data, result: try run($0)) }
        let stop = try #require(runs[1].result.divergedAtEpoch)
        var input = SceneInput(data: data, result: runs[0].result)
        input.runs = runs
        let probe = TextProbe()
        let animation = try Animation(kind: .lrSweep, input: input, width: 960, height: 540, frameLimit: nil, textProbe: probe)
        _ = try animation.render(0)
        #expect(!probe.samples.contains { $0.text.contains("diverged") })
        _ = try animation.render(animation.frameCount - 1)
        #expect(probe.samples.contains { $0.text == "  (diverged at epoch \(stop))" })
    }
}
