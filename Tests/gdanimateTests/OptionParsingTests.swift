import ArgumentParser
import Foundation
import GDAnimateKit
import Testing
@testable import gdanimate

/// The command line as a user types it: every option parsed into the library's `Visual`, negative
/// numbers in both spellings, the errors a user sees, and the exact `--help`.
struct OptionParsingTests {
    static func visual(_ args: [String]) throws -> Visual { try VisualOptions.parse(args).visual() }

    /// The message ArgumentParser would print for `args`, or nil if they parse.
    static func error(_ args: [String]) -> String? {
        do { _ = try GDAnimate.parse(args); return nil } catch { return GDAnimate.message(for: error) }
    }

    @Test func defaultsAreTheLibrarysDefaults() throws {
        #expect(try Self.visual([]) == Visual())
    }

    @Test(arguments: [["--init-m", "-1.37", "--init-b", "-0.35"], ["--init-m=-1.37", "--init-b=-0.35"]])
    func negativeStartsInBothSpellings(_ args: [String]) throws {
        let v = try Self.visual(args)
        #expect(v.initialM == -1.37 && v.initialB == -0.35)
    }

    @Test func negativeFixedSlopeAndExponents() throws {
        #expect(try Self.visual(["--fixed-m", "-2"]).fixedM == -2)
        #expect(try Self.visual(["--init-b", "-3e2"]).initialB == -300)
        #expect(try Self.visual(["--init-m", "-0"]).initialM == 0)
    }

    @Test(arguments: [
        (["--lr", "-0.1"], "--lr must be a positive"),
        (["--epochs", "-5"], "--epochs must be from 1"),
        (["--batch-size", "-2"], "--batch-size must be at least 1"),
        (["--width", "-640"], "--width must be from 64"),
        (["--frames", "-3"], "--frames must be from 2"),
        (["--fps", "-20"], "--fps must be from 1 to 50"),
        (["--hold", "-1"], "--hold must be from 0 to 60"),
        (["--loop", "-1"], "--loop must be from 0"),
        (["--momentum", "-0.5"], "--momentum must be at least 0"),
        (["--rms-decay", "-0.5"], "--rms-decay must be at least 0"),
        (["--threads", "-2"], "--threads must be from 1 to 64"),
        (["--lrs", "-0.1,0.2"], "--lrs: '-0.1' is not a positive"),
        (["--seed", "-1"], "The value '-1' is invalid for '--seed"),
    ])
    func negativeValuesOfPositiveOptionsSayWhatIsWrong(_ args: [String], _ expected: String) {
        let message = Self.error(args)
        #expect(message?.contains(expected) == true, "\(args): \(message ?? "parsed")")
        #expect(message?.contains("Missing value") != true)
    }

    @Test func everyOptionReachesTheVisual() throws {
        let v = try Self.visual([
            "--mode", "compare", "--name", "cmp", "--dataset", "wide", "--seed", "7",
            "--optimizer", "adam", "--optimizers", "adam, sgd", "--momentum", "0.8", "--beta1", "0.7", "--beta2", "0.99",
            "--rms-decay", "0.9", "--lrs", "0.1,0.2", "--batch-size", "5", "--lr", "0.05", "--epochs", "30",
            "--init-m", "1", "--init-b", "2", "--fixed-m", "3", "--format", "gif,png", "--width", "900", "--height", "500",
            "--frames", "12", "--fps", "25", "--hold", "1.5", "--loop", "2", "--hold-start", "--loss-scale", "log",
            "--mark-best", "--no-readout",
        ])
        var expected = Visual(scene: .compare, data: .preset(.wide))
        expected.name = "cmp"
        expected.seed = 7
        expected.optimizer = .adam
        expected.compared = [.adam, .sgd]
        expected.momentum = 0.8
        expected.beta1 = 0.7
        expected.beta2 = 0.99
        expected.rmsDecay = 0.9
        expected.sweepRates = [0.1, 0.2]
        expected.batchSize = 5
        expected.learningRate = 0.05
        expected.epochs = 30
        expected.initialM = 1
        expected.initialB = 2
        expected.fixedM = 3
        expected.formats = [.gif, .png]
        expected.width = 900
        expected.height = 500
        expected.frames = 12
        expected.timing = AnimationTiming(fps: 25, holdEnd: 1.5, holdStart: 1.5, loop: 2)
        expected.lossScale = .log
        expected.markBest = true
        expected.readout = false
        #expect(v == expected)
    }

    @Test func dataFileAndColumns() throws {
        let v = try Self.visual(["--data", "pts.csv", "--x-column", "height", "--y-column", "3"])
        #expect(v.data == .file(path: "pts.csv", x: .name("height"), y: .index(3)))
        #expect(Self.error(["--x-column", "x"])?.contains("give --data FILE.csv too") == true)
        #expect(Self.error(["--data", "a.csv", "--dataset", "wide"])?.contains("give one of them") == true)
    }

    @Test func formatsAsACommaList() throws {
        #expect(try Self.visual(["--format", "both"]).formats == [.gif, .png])
        #expect(try Self.visual(["--format", "none"]).formats == [])
        #expect(try Self.visual(["--format", "png"]).formats == [.png])
        #expect(try Self.visual(["--format", "webp,gif"]).formats == [.webp, .gif])
        #expect(try Self.visual(["--format", "gif,mp4"]).formats == [.gif, .mp4])
        #expect(Self.error(["--format", "avi"])?.contains("'avi' is not a format; use gif, webp, mp4, png, html, both or none") == true)
        #expect(Self.error(["--format", "gif,gif"])?.contains("twice") == true)
    }

    @Test func modeIsTheSceneKindOrAll() throws {
        for kind in SceneKind.allCases { #expect(try VisualOptions.parse(kind.example().arguments).mode == .scene(kind)) }
        #expect(try VisualOptions.parse(["--mode", "all"]).mode.scenes == SceneKind.single)
        let message = Self.error(["--mode", "spiral"]) ?? ""
        for kind in SceneKind.allCases { #expect(message.contains("- \(kind.rawValue)\n") || message.hasSuffix("- \(kind.rawValue)"), "\(message)") }
        #expect(Self.error(["--mode", "all", "--name", "x"])?.contains("--mode all writes") == true)
    }

    @Test func manifestEntriesGoThroughTheSameParser() throws {
        let entry = Manifest.Visual(name: "a", title: "A", teaches: "T",
                                    options: ["mode": .text("bsweep"), "init-m": .number(-1.5), "readout": .flag(false), "epochs": .integer(40)])
        let args = Manifest.arguments(entry)
        #expect(args == ["--mode", "bsweep", "--epochs", "40", "--init-m", "-1.5", "--no-readout"])
        let v = try VisualOptions.parse(args).visual()
        #expect(v.scene == .bsweep && v.initialM == -1.5 && !v.readout && v.epochs == 40)
    }

    /// The whole `--help`, as a new user reads it. Re-bless with GDANIMATE_BLESS=1 and read the diff.
    @Test func helpIsExactlyTheSnapshot() throws {
        let help = GDAnimate.helpMessage(columns: 100)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/help.txt")
        if ProcessInfo.processInfo.environment["GDANIMATE_BLESS"] == "1" { try help.write(to: url, atomically: true, encoding: .utf8) }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(help == expected)
        // Facts the help reads from the library, not from its own copy.
        let flat = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for kind in SceneKind.allCases { #expect(flat.contains("\(kind.rawValue) (\(kind.summary))")) }
        #expect(flat.contains("0.1, 0.5, 0.9, 1.05 × the data's stability limit"))
        for format in OutputFormat.registered { #expect(flat.contains("\(format.name) (\(format.summary))")) }
        for optimizer in OptimizerKind.allCases { #expect(flat.contains(optimizer.summary)) }
    }
}

/// Long stochastic training is said before it starts: the point visits of every SGD and mini-batch run.
struct LongTrainingNoteTests {
    @Test func stochasticRunsOverManyPointsAreSaidBeforehand() {
        var v = Visual(scene: .compare)
        // batch, sgd, minibatch compared (and the batch main run): two stochastic runs.
        let note = SingleRun.longTraining(v, scenes: [.compare], points: 10_000_000)
        #expect(note == "sgd and minibatch visit each of the 10,000,000 points in every one of 100 epochs: 2,000,000,000 point visits in 2 runs before anything is drawn; this takes a while")
        #expect(SingleRun.longTraining(v, scenes: [.compare], points: 2_000_000) == nil, "4e8 visits")
        v.scene = .contour
        #expect(SingleRun.longTraining(v, scenes: [.contour], points: 10_000_000) == nil, "batch descent trains on statistics")
        v.optimizer = .sgd
        v.epochs = 60
        #expect(SingleRun.longTraining(v, scenes: [.contour], points: 10_000_000)?.hasPrefix("sgd visits each of the 10,000,000 points in every one of 60 epochs: 600,000,000") == true)
    }
}
