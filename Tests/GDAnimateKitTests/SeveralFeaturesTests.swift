import Foundation
import Testing
@testable import GDAnimateKit
import Training

/// A visual of several features (issue 23, item 1) from the library's side: the CSV's columns read by
/// name, the history's columns per parameter against NumPy (Scripts/make-fixtures.py), the fit on
/// standardized features said in the data's units, and the scenes of one feature refusing several.
struct SeveralFeaturesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../TrainingTests/Fixtures").standardizedFileURL

    /// The visual of features3.csv's three features a, c, e.
    static func visual(_ scene: SceneKind = .loss) -> Visual {
        var v = Visual(scene: scene, data: .file(path: fixtures.appendingPathComponent("features3.csv").path, x: .name("a"), y: .name("y")))
        v.extraXColumns = [.name("c"), .name("e")]
        return v
    }

    static func numbers(_ text: Substring) -> [Double] { text.split(separator: ",").map { Double(String($0))! } }

    /// The CSV history has a column per weight and matches NumPy's batch descent to 1e-9, whether the plan
    /// kept the points or (batch descent on the loss scene) only their statistics.
    @Test func historyHasAColumnPerParameterAndMatchesNumPy() throws {
        var v = Self.visual()
        (v.learningRate, v.epochs) = (0.01, 1000)
        let data = try v.loadData(for: [.loss])
        #expect(!data.hasPoints, "batch descent of the loss scene keeps the features' statistics alone")
        let plan = try Plan(v, data: data)
        let lines = plan.historyText(json: false).split(separator: "\n")
        #expect(lines[0] == "epoch,w1,w2,w3,b,loss")
        let reference = try String(contentsOf: Self.fixtures.appendingPathComponent("features3-batch-lr0.01.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == reference.count)
        var worst = 0.0
        for (ours, theirs) in zip(lines.dropFirst(), reference.dropFirst()) {
            for (a, b) in zip(Self.numbers(ours), Self.numbers(theirs)) { worst = max(worst, abs(a - b) / max(abs(b), 1e-300)) }
        }
        #expect(worst <= 1e-9, "worst relative difference \(worst)")
        let json = plan.historyText(json: true)
        #expect(json.contains("\"leastSquares\": {\"w1\": ") && json.contains("{\"epoch\": 0, \"w1\": 0.0, \"w2\": 0.0, \"w3\": 0.0, \"b\": 0.0, \"loss\": "))
    }

    /// Newton's method at α = 1 on standardized features lands on their optimum in one step; said in the
    /// data's units, that is lstsq's θ* of the raw columns.
    @Test func standardizedFitInTheDataUnitsIsTheRawOptimum() throws {
        var v = Self.visual()
        (v.standardize, v.optimizer, v.learningRate, v.epochs) = (true, .newton, 1, 3)
        let data = try v.loadData(for: [.loss])
        let scaling = try #require(data.scaling)
        let plan = try Plan(v, data: data)
        let raw = scaling.unscaled(try #require(plan.main).final.theta)
        let reference = Self.numbers(try String(contentsOf: Self.fixtures.appendingPathComponent("features3-optimum.csv"), encoding: .utf8)
            .split(separator: "\n")[1])
        for (a, b) in zip(raw, reference.prefix(4)) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(a) vs \(b)") }
        let fitted = try #require(plan.main).final.theta
        #expect(plan.warnings.contains(.standardizedFit(parameters: ["w1", "w2", "w3", "b"], standardized: fitted, dataUnits: raw)))
        #expect(plan.warnings.contains { "\($0)".hasPrefix("standardize: the fit on standardized features is w1′ = ") && "\($0)".contains("; in the data's units w1 = ") })
        // Standardized columns: mean 0 and (population) variance 1 each, so the intercept is ȳ.
        let model = try LinearRegression(data)
        let stats = try #require(model.features)
        #expect(stats.means.allSatisfy { abs($0) < 1e-12 })
        #expect((0..<3).allSatisfy { abs(stats.covariance[$0, $0] - 1) < 1e-12 })
    }

    /// The scenes that draw the line of one feature say why they cannot draw three; --fixed-m likewise.
    @Test func scenesOfOneFeatureRefuseSeveral() throws {
        for scene in SceneKind.allCases where !scene.definition.drawsSeveralFeatures {
            let v = Self.visual(scene)
            #expect(throws: VisualError.self) { try v.validate() }
            do { try v.validate() } catch {
                #expect("\(error)".contains("the data has 3 features (θ = w1, w2, w3, b)"), "\(scene): \(error)")
            }
        }
        var held = Self.visual()
        held.fixedM = 2
        #expect(throws: VisualError.oneFeatureSetting(property: .fixedM, parameters: ["w1", "w2", "w3", "b"])) { try held.validate() }
        #expect(VisualError.oneFeatureSetting(property: .fixedM, parameters: ["w1", "w2", "w3", "b"]).description
                == "fixedM holds the slope m of one feature, but the data has 3 features (θ = w1, w2, w3, b)")
        // The contour draws several features since it plots the loss over (w1, w2); steps draws one.
        var preset = Visual(scene: .steps, data: .preset(.correlated))
        let able = SceneKind.allCases.filter(\.definition.drawsSeveralFeatures)
        #expect(throws: VisualError.oneFeatureScene(scene: .steps, parameters: ["w1", "w2", "b"], drawingSeveral: able)) { try preset.validate() }
        preset.scene = .loss
        try preset.validate()
        #expect(preset.parameterNames == ["w1", "w2", "b"])
    }
}

/// A file of several features larger than the density threshold, drawn by the line scene: its points are
/// kept (the prediction scene draws each one; several features have no density of their own), so the plan
/// draws instead of failing on statistics alone.
struct SeveralFeaturesLargeFileTests {
    @Test func theLineSceneKeepsThePointsOfALargeFile() throws {
        let path = NSTemporaryDirectory() + "gdanimate-features-\(getpid())-\(UUID().uuidString).csv"
        defer { unlink(path) }
        var text = "a,b,y\n"
        for i in 0..<6_000 {
            let a = Double(i % 97) / 10, b = Double((i * 31) % 89) / 10
            text += "\(a),\(b),\(1 + 2 * a - b + Double(i % 7) / 10)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var v = Visual(scene: .line, data: .file(path: path, x: .name("a"), y: .name("y")))
        v.extraXColumns = [.name("b")]
        (v.learningRate, v.epochs) = (0.01, 5)
        let data = try v.loadData(for: [.line])
        #expect(data.hasPoints && data.count == 6_000 && data.featureCount == 2)
        let plan = try Plan(v, data: data)
        #expect(plan.scenes.count == 1 && plan.scenes[0].input.data.count == 6_000)
    }
}
