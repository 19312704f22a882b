import Foundation
import GDAnimateKit
import Testing
@testable import Rasterizer
import Training

/// The penalty scene (issue 25, item 3): the penalty's level set over two weights on the MSE contours.
struct PenaltySceneTests {
    /// The correlated preset, standardized, with `penalty` at λ = 0.5, as the library plans it.
    static func input(_ kind: Penalty.Kind, theme: Theme = .light) throws -> SceneInput {
        var visual = Visual(scene: .penalty, data: .preset(.correlated))
        visual.standardize = true
        visual.penalty = try Penalty(kind, lambda: 0.5)
        visual.theme = theme
        return try Plan(visual, data: visual.loadData()).scenes[0].input
    }

    /// First, middle and last frames of lasso (light and dark) and ridge (light) against goldens (at most
    /// 0.5 % of pixels off by more than 2 levels), at 480×360.
    @Test(arguments: [("l1", "light"), ("l1", "dark"), ("l2", "light")])
    func framesMatchGoldens(_ kind: String, _ theme: String) throws {
        let input = try Self.input(Penalty.Kind(rawValue: kind)!, theme: theme == "dark" ? .dark : .light)
        let animation = try Animation(kind: .penalty, input: input, width: 480, height: 360)
        for k in [0, animation.frameCount / 2, animation.frameCount - 1] {
            try GoldenImageTests.check(try animation.render(k), golden: "penalty-\(kind)-\(theme)-\(k)")
        }
    }

    /// The level set's outline lies on P = c, reaches c on the axes for lasso (the diamond's corners),
    /// √c for ridge (a disc), and the elastic net's root of (1 − r)t² + r·s·t = c, worked here by hand.
    @Test func theShapesAreTheLevelSets() {
        for r in [0.0, 0.3, 0.5, 1.0] {
            let shape = PenaltyShape(l1Ratio: r)
            for c in [0.25, 1.0, 3.0] {
                for (u, v) in shape.outline(c) {
                    #expect(abs(shape.value(u, v) - c) <= 1e-12 * c)
                }
            }
        }
        #expect(PenaltyShape(l1Ratio: 1).reach(2) == 2)
        #expect(abs(PenaltyShape(l1Ratio: 1).reach(2, along: 2.squareRoot()) - 2 / 2.squareRoot()) <= 1e-15)
        #expect(abs(PenaltyShape(l1Ratio: 0).reach(2) - 2.squareRoot()) <= 1e-15)
        // r = 0.5, c = 1 on an axis: 0.5t² + 0.5t = 1, so t² + t − 2 = 0, t = 1.
        #expect(abs(PenaltyShape(l1Ratio: 0.5).reach(1) - 1) <= 1e-15)
        let lasso = PenaltyShape(l1Ratio: 1).outline(1, count: 8)
        #expect(lasso.contains { $0 == (1, 0) } && lasso.contains { $0 == (0, 1) } && lasso.contains { $0 == (-1, 0) } && lasso.contains { $0 == (0, -1) })
    }

    /// What the picture claims: at the penalised optimum the MSE contour touches the penalty's level set
    /// without entering it (the optimum is the least MSE over P ≤ c, the constrained form of the penalty),
    /// so no point of the drawn outline has a lower MSE than the optimum's; and the contours are the model's
    /// own MSE with b at its best for the weights.
    @Test(arguments: [Penalty.Kind.l1, .l2, .elastic])
    func theContourTouchesTheShapeAtTheOptimum(_ kind: Penalty.Kind) throws {
        let input = try Self.input(kind)
        let scene = PenaltyScene(input, panel: .full(width: 480, height: 360, status: true), font: try Font.make())
        let model = try #require(input.result.model as? PenalizedRegression)
        let o = try #require(scene.optimum)
        for (u, v) in scene.shape.outline(o.penalty, count: 4000) {
            #expect(scene.bowl.loss(u, v) >= o.mse - 1e-9 * o.mse)
        }
        if kind == .l1 { #expect(o.v == 0) }   // the lasso optimum sits on a corner: w2 is exactly 0
        // The profile: b = ȳ − wᵀx̄ at its best, so the bowl is the MSE there.
        let data = input.data
        let meanY = data.ys.reduce(0, +) / Double(data.count)
        for (u, v) in [(0.0, 0.0), (o.u, o.v), (1.2, -0.7)] {
            let means = data.featureColumns.map { $0.reduce(0, +) / Double(data.count) }
            let theta = [u, v, meanY - u * means[0] - v * means[1]]
            #expect(abs(scene.bowl.loss(u, v) - model.mse(theta)) <= 1e-12 * model.mse(theta))
        }
    }

    /// The readout says the weights, the MSE and the penalty's part, which add up to J.
    @Test func theReadoutAddsUp() throws {
        let input = try Self.input(.l1)
        let scene = PenaltyScene(input, panel: .full(width: 480, height: 360, status: true), font: try Font.make())
        let k = input.result.snapshots.count - 1
        let text = scene.status(k).map(\.text)
        let model = try #require(input.result.model as? PenalizedRegression)
        let s = input.result.snapshots[k]
        func number(after label: String) throws -> Double {
            let i = try #require(text.firstIndex { $0.contains(label) })
            return try #require(Double(text[i + 1].replacing("−", with: "-")))
        }
        #expect(abs(try number(after: "MSE") - model.mse(s.theta)) <= 1e-3 * model.mse(s.theta))
        #expect(abs(try number(after: "λ‖w‖₁") - model.penaltyValue(s.theta)) <= 1e-3 * model.penaltyValue(s.theta))
        #expect(abs(try number(after: "= J") - s.loss) <= 1e-3 * s.loss)
        let w2 = try #require(text.firstIndex { $0.contains("w2") })
        #expect(s.theta[1] == 0 && text[w2 + 1] == "0")
    }
}
