import ArgumentParser
import Foundation
import GDAnimateKit
import Rasterizer
import LibGD
import Testing
@testable import gdanimate

/// 2,000 random valid command lines: each parses, validates and plans with no crash and no error but the
/// library's own `VisualError` (data-dependent refusals); 200 of them are rendered at a small size and
/// every file written is decoded back.
struct RandomOptionsTests {
    /// Fewer cases where each costs far more (the AddressSanitizer pass sets 0.1).
    static let scale = Double(ProcessInfo.processInfo.environment["GDANIMATE_PROPERTY_SCALE"] ?? "") ?? 1
    static func count(_ n: Int) -> Int { max(1, Int(Double(n) * scale)) }

    /// SplitMix64, so the combinations are the same on every run and machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
        mutating func double(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * Double(next() >> 11) * 0x1p-53 }
        mutating func chance(_ p: Double) -> Bool { double(0, 1) < p }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    }

    /// A valid command line; `small` keeps frames few and small enough to render quickly.
    static func arguments(_ g: inout Generator, small: Bool) -> [String] {
        var a: [String] = []
        func option(_ name: String, _ value: String) {
            // Negative values in either spelling, as users type them.
            if g.chance(0.5) { a += ["--\(name)", value] } else { a.append("--\(name)=\(value)") }
        }
        let modes = SceneKind.allCases.map(\.rawValue) + ["all"]
        let mode = g.pick(modes)
        option("mode", mode)
        // The wide preset (1,000 points) now and then: a per-update history of it is the slow case.
        let dataset: Preset = g.chance(0.1) ? .wide : g.pick([.linear, .noisy])
        if g.chance(0.7) { option("dataset", dataset.rawValue) }
        let points = dataset == .wide ? 1000 : 100
        if g.chance(0.3) { option("seed", "\(g.int(0...1_000_000))") }
        // The steps scene shows batch descent's update alone.
        let optimizer = mode == "steps" ? .batch : g.pick(OptimizerKind.allCases)
        option("optimizer", optimizer.rawValue)
        if mode == "compare" {
            var pool = OptimizerKind.allCases.map(\.rawValue)
            var chosen: [String] = []
            for _ in 0..<g.int(1...4) { chosen.append(pool.remove(at: g.int(0...pool.count - 1))) }
            option("optimizers", chosen.joined(separator: ","))
        }
        if g.chance(0.3) { option("momentum", "\(g.double(0, 0.99))") }
        if g.chance(0.2) { option("beta1", "\(g.double(0, 0.99))") }
        if g.chance(0.2) { option("beta2", "\(g.double(0.5, 0.9999))") }
        if g.chance(0.2) { option("rms-decay", "\(g.double(0, 0.999))") }
        if mode == "lr-sweep" && g.chance(0.5) { option("lrs", (0..<g.int(1...5)).map { _ in "\(g.double(0.001, 0.6))" }.joined(separator: ",")) }
        if g.chance(0.5) { option("batch-size", "\(g.int(1...points))") }
        if mode != "compare" && dataset != .wide && g.chance(0.2) { option("snapshot", "step") }
        option("lr", "\(g.double(0.001, 0.7))")
        let epochs = g.int(1...(small ? 12 : 40))
        option("epochs", "\(epochs)")
        if g.chance(0.6) { option("init-m", "\(g.double(-10, 10))") }
        if g.chance(0.6) { option("init-b", "\(g.double(-10, 10))") }
        if g.chance(0.3) { option("fixed-m", "\(g.double(-5, 5))") }
        let formats = small ? ["gif", "png", "both", "gif,png"] : ["gif", "png", "both", "none"]
        option("format", g.pick(formats))
        if small || g.chance(0.5) {
            // Within the scene's least size and some way above it.
            let kinds = mode == "all" ? SceneKind.single : [SceneKind(rawValue: mode)!]
            let least = kinds.map { Scenes.minimumSize($0, panels: $0 == .lrSweep ? 6 : $0 == .dashboard ? 4 : 2) }
            let w = least.map(\.width).max()!, h = least.map(\.height).max()!
            option("width", "\(g.int(w...(w + (small ? 40 : 600))))")
            option("height", "\(g.int(h...(h + (small ? 30 : 400))))")
        }
        if small || g.chance(0.5) { option("frames", "\(g.int(2...(small ? 4 : 300)))") }
        if g.chance(0.5) { option("fps", "\(g.int(1...50))") }
        if g.chance(0.3) { option("hold", "\(g.double(0, 3))") }
        if g.chance(0.2) { option("loop", "\(g.int(0...10))") }
        if g.chance(0.2) { a.append("--hold-start") }
        if g.chance(0.3) { option("loss-scale", g.pick(LossScale.allCases).rawValue) }
        if g.chance(0.2) { a.append("--mark-best") }
        if g.chance(0.3) { a.append("--no-readout") }
        if g.chance(0.2) { a.append("--arrows") }
        if g.chance(0.3) { option("theme", g.pick(Theme.all).name) }
        if g.chance(0.2) { option("background", "transparent") }
        let schedules = LearningRateSchedule.names
        if mode == "compare" && g.chance(0.3) {
            var pool = schedules, chosen: [String] = []
            for _ in 0..<g.int(1...3) { chosen.append(pool.remove(at: g.int(0...pool.count - 1))) }
            option("lr-schedules", chosen.joined(separator: ","))
            // Schedules of one optimizer, or optimizers: not both.
            if let i = a.firstIndex(where: { $0 == "--optimizers" }) { a.removeSubrange(i...(i + 1)) }
            a.removeAll { $0.hasPrefix("--optimizers=") }
        } else if g.chance(0.3) {
            let name = g.pick(schedules)
            option("lr-schedule", name)
            switch name {
            case "step": if epochs > 1 && g.chance(0.5) { option("lr-step", "\(g.int(1...(epochs - 1)))") }; if g.chance(0.5) { option("lr-gamma", "\(g.double(0.1, 1))") }
            case "exponential": if g.chance(0.5) { option("lr-gamma", "\(g.double(0.8, 1.05))") }
            case "cosine": if g.chance(0.5) { option("lr-min", "\(g.double(0, 0.0009))") }
            case "inverse": if g.chance(0.5) { option("lr-decay", "\(g.double(0, 0.5))") }
            default: break
            }
        }
        return a
    }

    @Test func twoThousandValidCombinationsParseValidateAndPlan() throws {
        var g = Generator(state: 2026)
        var planned = 0
        for _ in 0..<Self.count(2000) {
            let args = Self.arguments(&g, small: false)
            let options = try #require(try? VisualOptions.parse(args), "did not parse: \(args)")
            let visual = try options.visual()
            do {
                _ = try Plan(visual, data: try visual.loadData(), scenes: options.mode.scenes)
                planned += 1
            } catch is VisualError {
                // A refusal that needs the data (a frame too small for the number of panels): typed.
            }
        }
        #expect(planned > Self.count(2000) * 95 / 100)
    }

    @Test func twoHundredRenderAndEveryFileDecodes() throws {
        var g = Generator(state: 7)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gdanimate-random-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for i in 0..<Self.count(200) {
            let args = Self.arguments(&g, small: true)
            let folder = "\(root)/\(i)"
            let options = try VisualOptions.parse(args)
            let settings = try RunOptions.parse(["--output", folder, "--quiet", "--threads", "\(1 + i % 2)"] + (i % 3 == 0 ? ["--poster"] : []))
            do {
                try SingleRun(options, settings: settings).perform()
            } catch is ValidationError, is OptionNames.Failure {
                // The library's VisualError, as the command line words it.
                continue
            }
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder)
            #expect(!files.isEmpty, "\(args) wrote nothing")
            for name in files where name.hasSuffix(".gif") || name.hasSuffix(".png") {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")))
                let image = try GDImage(decoding: bytes)
                #expect(image.width >= 200 && image.height >= 150, "\(args): \(name)")
                if name.hasSuffix(".gif") { #expect(bytes.last == 0x3B, "\(args): \(name) has no GIF trailer") }
            }
        }
    }
}
