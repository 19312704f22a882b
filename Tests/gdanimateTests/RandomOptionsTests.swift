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
    static func arguments(_ g: inout Generator, small: Bool) -> [String] { combination(&g, small: small).args }

    /// A valid command line and the option values in effect, written down as they are drawn (so the
    /// verdict is derived from them, not from the parser or the library).
    static func combination(_ g: inout Generator, small: Bool) -> Combination {
        var a: [String] = []
        var c = Combination()
        func option(_ name: String, _ value: String) {
            // Negative values in either spelling, as users type them.
            if g.chance(0.5) { a += ["--\(name)", value] } else { a.append("--\(name)=\(value)") }
        }
        // The scenes that draw with every default (not the penalty scene, which needs a penalty and two
        // weights: its own tests and the registry's draw it).
        let modes = SceneKind.allCases.filter { $0.example() == Visual(scene: $0) }.map(\.rawValue) + ["all"]
        let mode = g.pick(modes)
        option("mode", mode)
        c.scenes = mode == "all" ? ["line", "loss", "bsweep", "contour"] : [mode]
        // The wide preset (1,000 points) now and then: a per-update history of it is the slow case.
        let dataset: Preset = g.chance(0.1) ? .wide : g.pick([.linear, .noisy])
        if g.chance(0.7) { option("dataset", dataset.rawValue); c.points = dataset == .wide ? 1000 : 100 }
        // The batch sizes are drawn for the preset picked, given or not (the default is linear's 100).
        let points = dataset == .wide ? 1000 : 100
        if g.chance(0.3) { option("seed", "\(g.int(0...1_000_000))") }
        // The steps scene shows batch descent's update alone.
        let optimizer = mode == "steps" ? .batch : g.pick(OptimizerKind.allCases)
        option("optimizer", optimizer.rawValue)
        c.optimizer = optimizer.rawValue
        if mode == "compare" {
            var pool = OptimizerKind.allCases.map(\.rawValue)
            var chosen: [String] = []
            for _ in 0..<g.int(1...4) { chosen.append(pool.remove(at: g.int(0...pool.count - 1))) }
            option("optimizers", chosen.joined(separator: ","))
            c.compared = chosen
        }
        if g.chance(0.3) { option("momentum", "\(g.double(0, 0.99))") }
        if g.chance(0.2) { option("beta1", "\(g.double(0, 0.99))") }
        if g.chance(0.2) { option("beta2", "\(g.double(0.5, 0.9999))") }
        if g.chance(0.2) { option("rms-decay", "\(g.double(0, 0.999))") }
        if mode == "lr-sweep" && g.chance(0.5) {
            let n = g.int(1...5)
            option("lrs", (0..<n).map { _ in "\(g.double(0.001, 0.6))" }.joined(separator: ","))
            c.sweepRates = n
        }
        if g.chance(0.5) { c.batchSize = g.int(1...points); option("batch-size", "\(c.batchSize)") }
        if mode != "compare" && dataset != .wide && g.chance(0.2) { option("snapshot", "step"); c.perUpdate = true }
        c.lr = g.double(0.001, 0.7)
        option("lr", "\(c.lr)")
        let epochs = g.int(1...(small ? 12 : 40))
        option("epochs", "\(epochs)")
        c.epochs = epochs
        if g.chance(0.6) { c.initM = g.double(-10, 10); option("init-m", "\(c.initM)") }
        if g.chance(0.6) { c.initB = g.double(-10, 10); option("init-b", "\(c.initB)") }
        if g.chance(0.3) { c.fixedM = true; option("fixed-m", "\(g.double(-5, 5))") }
        let formats = small ? ["gif", "png", "both", "gif,png"] : ["gif", "png", "both", "none"]
        let format = g.pick(formats)
        option("format", format)
        c.format = format
        c.drawing = format != "none"
        if small || g.chance(0.5) {
            // From the scenes' least size (the rules' table, at the most panels) some way up; now and then
            // up to 60 px below it, so that a frame too small is refused too.
            let least = c.scenes.map { Rules.least($0, panels: $0 == "lr-sweep" ? 6 : $0 == "dashboard" ? 4 : 2) }
            let w = least.map(\.width).max()!, h = least.map(\.height).max()!
            let under = g.chance(0.1) ? 60 : 0
            c.width = g.int((w - under)...(w + (small ? 40 : 600)))
            option("width", "\(c.width!)")
            c.height = g.int((h - under)...(h + (small ? 30 : 400)))
            option("height", "\(c.height!)")
        }
        if small || g.chance(0.5) { c.frames = g.int(2...(small ? 4 : 300)); option("frames", "\(c.frames!)") }
        if g.chance(0.5) { option("fps", "\(g.int(1...50))") }
        if g.chance(0.3) { option("hold", "\(g.double(0, 3))") }
        if g.chance(0.2) { option("loop", "\(g.int(0...10))") }
        if g.chance(0.2) { a.append("--hold-start") }
        if g.chance(0.3) { option("loss-scale", g.pick(LossScale.allCases).rawValue) }
        if g.chance(0.2) { a.append("--mark-best") }
        if g.chance(0.3) { a.append("--no-readout") }
        if g.chance(0.2) { a.append("--arrows") }
        if g.chance(0.3) { c.theme = g.pick(Theme.all).name; option("theme", c.theme) }
        if g.chance(0.2) { option("background", "transparent") }
        let schedules = LearningRateSchedule.names
        if mode == "compare" && g.chance(0.3) {
            var pool = schedules, chosen: [String] = []
            for _ in 0..<g.int(1...3) { chosen.append(pool.remove(at: g.int(0...pool.count - 1))) }
            option("lr-schedules", chosen.joined(separator: ","))
            // Schedules of one optimizer, or optimizers: not both.
            if let i = a.firstIndex(where: { $0 == "--optimizers" }) { a.removeSubrange(i...(i + 1)) }
            a.removeAll { $0.hasPrefix("--optimizers=") }
            c.compared = ["batch", "sgd", "minibatch"]
            c.comparesSchedules = true
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
        c.args = a
        return c
    }

    /// Each combination plans exactly when the rules say it should; a refusal is the one its options
    /// deserve (a library error naming the setting and its numbers), and an accepted plan has the
    /// scenes, sizes, runs and frames the options ask for.
    @Test func twoThousandValidCombinationsParseValidateAndPlan() throws {
        var g = Generator(state: 2026)
        var (planned, refused) = (0, [String: Int]())
        for _ in 0..<Self.count(2000) {
            let c = Self.combination(&g, small: false)
            let options = try #require(try? VisualOptions.parse(c.args), "did not parse: \(c.args)")
            let visual = try options.visual()
            let deserved = Rules.refusals(c)
            do {
                let plan = try Plan(visual, data: try visual.loadData(), scenes: options.mode.scenes)
                #expect(deserved.isEmpty, "\(c.args) planned, but deserves \(deserved)")
                Rules.checkFacts(plan, c)
                planned += 1
            } catch let error as VisualError {
                let message = error.message(OptionNames.words)
                #expect(deserved.contains { $0.matches(message) }, "\(c.args) was refused with '\(message)', but deserves \(deserved)")
                for d in deserved where d.matches(message) { refused[d.kind, default: 0] += 1 }
            }
        }
        // Both kinds of refusal were met, and most combinations plan.
        #expect(planned > Self.count(2000) * 90 / 100 && refused.count >= 2 || Self.scale < 1, "\(planned) planned; refused: \(refused)")
    }

    @Test func twoHundredRenderAndEveryFileDecodes() throws {
        var g = Generator(state: 7)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gdanimate-random-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for i in 0..<Self.count(200) {
            let c = Self.combination(&g, small: true)
            let args = c.args
            let folder = "\(root)/\(i)"
            let options = try VisualOptions.parse(args)
            let settings = try RunOptions.parse(["--output", folder, "--quiet", "--threads", "\(1 + i % 2)"] + (i % 3 == 0 ? ["--poster"] : []))
            let deserved = Rules.refusals(c)
            let plan: Plan
            do {
                plan = try SingleRun(options, settings: settings).perform().plan
                #expect(deserved.isEmpty, "\(args) rendered, but deserves \(deserved)")
            } catch let error as ValidationError {
                // The library's VisualError, as the command line words it.
                let message = error.message
                #expect(deserved.contains { $0.matches(message) }, "\(args) was refused with '\(message)', but deserves \(deserved)")
                continue
            } catch let error as OptionNames.Failure {
                let message = error.description
                #expect(deserved.contains { $0.matches(message) }, "\(args) was refused with '\(message)', but deserves \(deserved)")
                continue
            }
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder)
            #expect(!files.isEmpty, "\(args) wrote nothing")
            for name in files where name.hasSuffix(".gif") || name.hasSuffix(".png") {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")))
                let image = try GDImage(decoding: bytes)
                // Each file is its scene's size, the size the options gave.
                let scene = try #require(plan.scenes.first { name.hasPrefix($0.name + ".") || name.hasPrefix($0.name + "/") }, "\(args): \(name)")
                let size = Rules.size(scene.name, c)
                #expect(image.width == size.width && image.height == size.height, "\(args): \(name) is \(image.width)×\(image.height)")
                if name.hasSuffix(".gif") { #expect(bytes.last == 0x3B, "\(args): \(name) has no GIF trailer") }
            }
            // With PNG frames asked for, each scene's folder holds one file a frame.
            for scene in plan.scenes {
                let frames = files.filter { $0.hasPrefix(scene.name + "/") }.count
                #expect(frames == (c.format.contains("png") || c.format == "both" ? scene.frameCount : 0), "\(args): \(frames) files in \(scene.name)/")
            }
        }
    }
}
