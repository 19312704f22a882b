import Testing
@testable import Rasterizer
import Training

/// The arrows of `--arrows`: to scale (they add up to the step the optimizer then takes), legible when
/// tiny, and as the goldens show.
struct ArrowTests {
    static func run(_ optimizer: Optimizer, lr: Double, schedule: LearningRateSchedule = .constant) throws -> (Dataset, TrainingResult) {
        let data = Preset.linear.generate(seed: 0)
        var config = TrainingConfig()
        config.optimizer = optimizer
        config.learningRate = lr
        config.schedule = schedule
        return (data, try GradientDescent.run(data, config))
    }

    /// Batch descent's next step is the gradient arrow; heavy-ball momentum's is the gradient arrow plus
    /// the velocity arrow (p ← p − α(βv + ∇J)), and Nesterov's too (p ← p − α(∇J + β·v_new)), under a
    /// schedule too; RMSprop's, Adagrad's and Newton's method's step arrow is their whole step.
    @Test(arguments: [(Optimizer.batch, LearningRateSchedule.constant), (.batch, .cosine(minimum: 0)),
                      (.momentum(beta: 0.9), .constant), (.momentum(beta: 0.8), .step(every: 7, gamma: 0.5)),
                      (.nesterov(beta: 0.9), .constant), (.nesterov(beta: 0.7), .exponential(gamma: 0.98)),
                      (.rmsprop(decay: 0.99), .constant), (.adagrad, .cosine(minimum: 0)), (.newton, .constant),
                      (.newton, .step(every: 5, gamma: 0.5))])
    func arrowsAddUpToTheNextStep(_ optimizer: Optimizer, _ schedule: LearningRateSchedule) throws {
        let (_, r) = try Self.run(optimizer, lr: 0.05, schedule: schedule)
        let arrows = DescentArrows(paths: [Series(label: "", color: RGB(0), snapshots: r.snapshots, config: r.config)], surface: r.surface)
        let snaps = r.snapshots
        for k in 0..<(snaps.count - 1) {
            let a = arrows.steps[0][k]
            let dm = a.gradient.m + (a.velocity?.m ?? 0), db = a.gradient.b + (a.velocity?.b ?? 0)
            let scale = max(1, abs(snaps[k].m), abs(snaps[k].b))
            #expect(abs(snaps[k].m + dm - snaps[k + 1].m) <= 1e-12 * scale, "epoch \(k)")
            #expect(abs(snaps[k].b + db - snaps[k + 1].b) <= 1e-12 * scale, "epoch \(k)")
            let momentum = optimizer.name == "momentum" || optimizer.name == "nesterov"
            #expect((a.velocity != nil) == momentum)
        }
    }

    /// On a contour over two of three weights the arrows still add up to the next step of those two weights:
    /// the optimizer is replayed on the whole θ (its velocity and moments are every weight's), read at `axes`.
    @Test(arguments: [Optimizer.batch, .momentum(beta: 0.9), .nesterov(beta: 0.8), .rmsprop(decay: 0.99), .newton])
    func arrowsOverTwoOfThreeWeightsAddUpToTheirStep(_ optimizer: Optimizer) throws {
        let two = Preset.correlated.generate(seed: 1)
        let third = two.xs.indices.map { i in (Double(i) * 0.37).truncatingRemainder(dividingBy: 2) }
        let data = Dataset(columns: two.featureColumns + [third], ys: zip(two.ys, third).map { $0 - $1 }, names: ["x1", "x2", "x3"], source: "t")
        var config = TrainingConfig()
        config.optimizer = optimizer
        config.learningRate = optimizer == .newton ? 0.5 : 0.01
        let r = try GradientDescent.run(data, config)
        let (i, j) = (2, 0)
        let projected = r.snapshots.map { Snapshot(epoch: $0.epoch, step: $0.step, theta: [$0.theta[i], $0.theta[j]], loss: $0.loss) }
        let arrows = DescentArrows(paths: [Series(label: "", color: RGB(0), snapshots: projected, config: r.config)], model: r.model,
                                   full: [r.snapshots], axes: (i, j))
        let snaps = r.snapshots
        for k in 0..<(snaps.count - 1) {
            let a = arrows.steps[0][k]
            let du = a.gradient.m + (a.velocity?.m ?? 0), dv = a.gradient.b + (a.velocity?.b ?? 0)
            let scale = max(1, abs(snaps[k].theta[i]), abs(snaps[k].theta[j]))
            #expect(abs(snaps[k].theta[i] + du - snaps[k + 1].theta[i]) <= 1e-12 * scale, "epoch \(k)")
            #expect(abs(snaps[k].theta[j] + dv - snaps[k + 1].theta[j]) <= 1e-12 * scale, "epoch \(k)")
        }
    }

    /// A step far below a pixel still draws a head of the minimum size, outside the marker it starts
    /// under; a step of no length draws nothing.
    @Test func theLegendNamesEachOptimizersArrows() throws {
        func legend(_ optimizers: [Optimizer]) throws -> [String] {
            let paths = try optimizers.map { o in
                let r = try Self.run(o, lr: 0.05).1
                return Series(label: o.label, color: RGB(0), snapshots: r.snapshots, config: r.config)
            }
            let arrows = DescentArrows(paths: paths, surface: try LossSurface(Preset.linear.generate(seed: 0)))
            return ContourScene.arrowLegend(arrows, theme: .light, width: 2).map(\.text)
        }
        #expect(try legend([.batch]) == ["step −α∇J"])
        #expect(try legend([.batch, .momentum(beta: 0.9)]) == ["step −α∇J", "momentum −αβv"])
        #expect(try legend([.newton]) == ["step −αH⁻¹∇J"])
        #expect(try legend([.rmsprop(decay: 0.99)]) == ["step −α∇J/(√v + ε)"])
        #expect(try legend([.batch, .newton]) == ["each optimizer's step"])
    }

    @Test func aTinyStepStillShowsItsDirection() throws {
        let canvas = try Canvas(width: 60, height: 60)
        let clip = PixelRect(x0: 0, y0: 0, x1: 60, y1: 60)
        canvas.drawArrow(from: Point(30, 30), to: Point(30.001, 30), width: 2, minimumHead: 9, clearance: 6, RGB(0xFF0000), casing: RGB(0), clip: clip)
        let red = (0..<60).flatMap { y in (0..<60).map { x in (x, y) } }.filter { canvas.pixel($0.0, $0.1) == RGB(0xFF0000) }
        #expect(!red.isEmpty)
        #expect(red.allSatisfy { $0.0 >= 36 && $0.0 <= 46 && abs($0.1 - 30) <= 4 }, "the head points right, beyond the marker")
        let blank = try Canvas(width: 60, height: 60)
        blank.drawArrow(from: Point(30, 30), to: Point(30, 30), width: 2, minimumHead: 9, RGB(0xFF0000), casing: RGB(0), clip: clip)
        #expect((0..<60).allSatisfy { y in (0..<60).allSatisfy { blank.pixel($0, y) == RGB(0xFFFFFF) } })
    }

    @Test func arrowFramesMatchGoldens() throws {
        for (name, optimizer, lr) in [("arrows-batch", Optimizer.batch, 0.1), ("arrows-momentum", .momentum(beta: 0.9), 0.05)] {
            let (data, r) = try Self.run(optimizer, lr: lr)
            var input = SceneInput(data: data, result: r)
            input.arrows = true
            let animation = try Animation(kind: .contour, input: input, width: 320, height: 240)
            for k in [0, 6, 50] { try GoldenImageTests.check(try animation.render(k), golden: "\(name)-\(k)") }
        }
    }
}
