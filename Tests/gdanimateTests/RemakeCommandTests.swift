import ArgumentParser
import Foundation
import GDAnimateKit
import Testing
@testable import gdanimate

/// The command every file carries: a visual's arguments parse back to the same visual (2,000 random
/// ones), each file's command remakes that file byte for byte, and a `--mode all` run writes each
/// scene's files exactly as that scene's own mode does.
struct RemakeCommandTests {
    static func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gdanimate-remake-\(getpid())-\(name)").path
    }

    static func run(_ args: [String], into folder: String) throws {
        let command = try GDAnimate.parse(args + ["--output", folder, "--quiet"])
        var settings = command.settings
        settings.threads = 2
        try SingleRun(command.visual, settings: settings).perform()
    }

    /// Every file under `folder`, by path relative to it.
    static func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isFolder), !isFolder.boolValue {
                out[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
            }
        }
        return out
    }

    @Test func twoThousandRandomVisualsRoundTripThroughTheirArguments() throws {
        var g = RandomOptionsTests.Generator(state: 1313)
        for i in 0..<RandomOptionsTests.count(2000) {
            let args = RandomOptionsTests.arguments(&g, small: false)
            var visual = try VisualOptions.parse(args).visual()
            if i % 3 == 0 { visual.poster = true }
            if i % 5 == 0 { visual.data = .file(path: g.pick(["pts.csv", "../data/-odd name's.csv", "/abs/p.csv"]), x: g.chance(0.5) ? .name("h t") : nil, y: g.chance(0.5) ? .index(3) : nil) }
            if i % 7 == 0 { visual.name = g.pick(["-dash", "with space", "plain"]) }
            let arguments = try #require(visual.arguments, "\(args)")
            #expect(arguments.prefix(2) == ["--mode", visual.scene.rawValue])
            let parsed = try GDAnimate.parse(arguments)
            var back = try parsed.visual.visual()
            back.poster = parsed.settings.poster
            #expect(back == visual, "\(args) → \(arguments)")
        }
    }

    /// Several features' settings, which the random visuals leave out, round-trip too.
    @Test func severalFeaturesRoundTripThroughTheirArguments() throws {
        for args in [["--dataset", "correlated", "--axes", "w2,w1", "--standardize"],
                     ["--data", "f.csv", "--x-column", "a,c,e", "--y-column", "y", "--axes", "w1,w3", "--mode", "loss"],
                     ["--data", "f.csv", "--x-column", "2", "--standardize", "--mode", "line"]] {
            let visual = try VisualOptions.parse(args).visual()
            let arguments = try #require(visual.arguments, "\(args)")
            #expect(try GDAnimate.parse(arguments).visual.visual() == visual, "\(args) → \(arguments)")
        }
    }

    @Test func defaultsAreLeftOutAndObstaclesSaid() throws {
        #expect(Visual().arguments == ["--mode", "contour"])
        var v = Visual(scene: .loss)
        (v.learningRate, v.initialM, v.epochs, v.timing.holdStart) = (0.05, -1.5, 200, 2)
        #expect(v.arguments == ["--mode", "loss", "--lr", "0.05", "--epochs", "200", "--init-m", "-1.5", "--hold-start"])
        v.timing.holdStart = 1
        #expect(v.arguments == nil && v.commandLineObstacle?.contains("--hold-start") == true)
        let points = Visual(data: .points(Dataset(xs: [0, 1, 2], ys: [1, 2, 4], source: "my three points")))
        #expect(points.arguments == nil)
        let scene = try Plan(points, data: points.loadData()).scenes[0]
        #expect(points.remakeCommand(for: scene, format: .gif) == "no gdanimate command line remakes this file: it was made from 3 points given in a program (my three points), which no command line can pass.")
        #expect(Visual.shell(["gdanimate", "--name", "a b", "--data", "it's.csv"]) == "gdanimate --name 'a b' --data 'it'\\''s.csv'")
    }

    /// The command in each file, run, writes that file again byte for byte (its command included).
    @Test func eachFilesCommandRemakesIt() throws {
        let first = Self.folder("first"), again = Self.folder("again")
        defer { for f in [first, again] { try? FileManager.default.removeItem(atPath: f) } }
        try Self.run(["--mode", "lr-sweep", "--name", "sweep", "--epochs", "12", "--lrs", "0.05,0.5", "--width", "420", "--height", "220",
                      "--format", "gif,webp,png", "--poster", "--init-b", "-2"], into: first)
        let plan = try Plan(try VisualOptions.parse(["--mode", "lr-sweep", "--name", "sweep", "--epochs", "12", "--lrs", "0.05,0.5", "--width", "420",
                                                     "--height", "220", "--format", "gif,webp,png", "--init-b", "-2"]).visual(), data: Self.data)
        var written = try Self.files(first)
        #expect(written.count == 3 + 13)
        for format in [OutputFormat.gif, .webp, .png, nil] {
            var visual = plan.visual
            visual.poster = true
            let command = visual.remakeCommand(for: plan.scenes[0], format: format)
            #expect(command.hasPrefix("gdanimate --mode lr-sweep --name sweep "), "\(command)")
            try? FileManager.default.removeItem(atPath: again)
            try Self.run(Array(command.split(separator: " ").dropFirst().map(String.init)), into: again)
            let remade = try Self.files(again)
            for (name, bytes) in remade {
                #expect(written[name] == bytes, "\(command): \(name)")
                written[name] = nil
            }
        }
        #expect(written.isEmpty, "not remade: \(written.keys.sorted())")
    }

    static let data = Preset.linear.generate(seed: 0)

    /// `--mode all` draws each scene as its own mode does, so each file's `--mode <scene>` is exact.
    @Test func modeAllWritesWhatEachModeWrites() throws {
        let all = Self.folder("all"), one = Self.folder("one")
        defer { for f in [all, one] { try? FileManager.default.removeItem(atPath: f) } }
        let common = ["--epochs", "8", "--width", "240", "--height", "180", "--format", "gif,webp,png", "--poster", "--lr", "0.3", "--fixed-m", "2"]
        try Self.run(["--mode", "all"] + common, into: all)
        let together = try Self.files(all)
        for kind in SceneKind.single { try Self.run(["--mode", kind.rawValue] + common, into: one) }
        let apart = try Self.files(one)
        #expect(together.count == 4 * (3 + 9) && Set(together.keys) == Set(apart.keys))
        for (name, bytes) in together { #expect(apart[name] == bytes, "\(name)") }
    }
}
