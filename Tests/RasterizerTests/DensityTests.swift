import Testing
@testable import Rasterizer
import Training

/// The density scatter: exact counts per pixel (every point counted once, in the pixel it falls in), dots
/// for small data, and the picture as the golden shows it.
struct DensityTests {
    static func input(points n: Int) throws -> SceneInput {
        var rng = SplitMix64(seed: 9)
        var xs: [Double] = [], ys: [Double] = []
        for _ in 0..<n {
            let x = rng.normal()
            xs.append(x)
            ys.append(2 * x + 1 + rng.normal() * 0.5 + (rng.uniform() < 0.2 ? 3 : 0))
        }
        let data = Dataset(xs: xs, ys: ys, source: "mixture")
        return SceneInput(data: data, result: try GradientDescent.run(data, TrainingConfig()))
    }

    @Test func countsArePointsPerPixelExactly() throws {
        let input = try Self.input(points: 20_000)
        let scene = LineScene(input, panel: .full(width: 640, height: 480), font: try Font.make())
        let grid = try #require(scene.density)
        let plot = scene.chart.plot
        // Counted by brute force: the points whose mapped position falls in the plot, pixel by pixel.
        var inside = 0, atCentre = 0
        let cx = (plot.x0 + plot.x1) / 2, cy = (plot.y0 + plot.y1) / 2
        for (x, y) in zip(input.data.xs, input.data.ys) {
            let px = scene.chart.x.map(x), py = scene.chart.y.map(y)
            guard px >= Double(plot.x0), py >= Double(plot.y0), px < Double(plot.x1), py < Double(plot.y1) else { continue }
            inside += 1
            if Int(px) == cx && Int(py) == cy { atCentre += 1 }
        }
        #expect(grid.counts.reduce(0) { $0 + Int($1) } == inside && inside > 19_000)
        #expect(Int(grid.counts[(cy - plot.y0) * (plot.x1 - plot.x0) + cx - plot.x0]) == atCentre)
        // Darker for more on a light plot, one ramp end to the other.
        #expect(grid.color(1).luminance > grid.color(grid.most).luminance)
        #expect(LineScene(try Self.input(points: 500), panel: .full(width: 640, height: 480), font: try Font.make()).density == nil, "small data keeps its dots")
    }

    @Test func densityFrameMatchesGolden() throws {
        let animation = try Animation(kind: .line, input: Self.input(points: 20_000), width: 480, height: 360)
        try GoldenImageTests.check(try animation.render(animation.frameCount - 1), golden: "line-density-last")
    }
}
