import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Inputs that must work, each into a fresh folder: odd but valid CSV, extreme values, a divergence
/// (said, not an error), negative numbers in both spellings.
struct GoodInput: CustomTestStringConvertible, Sendable {
    var name: String
    var args: [String]
    var files: [String: FileContent]
    var testDescription: String { name }
    init(_ name: String, _ args: [String], files: [String: FileContent] = [:]) { (self.name, self.args, self.files) = (name, args, files) }

    static let all: [GoodInput] = [
        GoodInput("BOM accepted", ["--data", "@/bom.csv"], files: ["bom.csv": .text("\u{FEFF}" + goodText)]),
        GoodInput("CRLF, comments, quotes", ["--data", "@/crlf.csv"], files: ["crlf.csv": "# points\r\nx,y\r\n0.0,\"4.0\"\r\n0.1,4.3999999999999995\n0.2,4.8\n0.3,4.9\n0.4,5.3\n0.5,5.7\n0.6,5.8\n0.7,6.199999999999999\n0.8,6.6000000000000005\n0.9,6.7\n1.0,7.1\n1.1,7.5\n1.2,7.6\n1.3,8.0\n1.4,8.399999999999999\n1.5,8.5\n1.6,8.9\n1.7,9.299999999999999\n1.8,9.4\n1.9,9.799999999999999\n\r\n"]),
        GoodInput("quoted notes over several lines", ["--data", "@/notes.csv", "--y-column", "the\ny"], files: ["notes.csv": "x,\"the\ny\",note\n1,2,\"two\nlines\"\n2,4.1,plain\n3,6.2,\"three\r\n\n# not a comment\"\n4,8,x\n"]),
        GoodInput("y constant", ["--data", "@/yconst.csv"], files: ["yconst.csv": "x,y\n1,5\n2,5\n3,5\n"]),
        GoodInput("values near 1e150 (diverges, says so)", ["--data", "@/e150.csv"], files: ["e150.csv": "x,y\n1e150,1e150\n2e150,2e150\n3e150,3e150\n4e150,4e150\n5e150,5e150\n6e150,6e150\n7e150,7e150\n8e150,8e150\n"]),
        GoodInput("values near 1e-150", ["--data", "@/em150.csv"], files: ["em150.csv": "x,y\n1e-150,3e-150\n2e-150,5e-150\n3e-150,7e-150\n4e-150,9e-150\n5e-150,11e-150\n6e-150,13e-150\n7e-150,15e-150\n8e-150,17e-150\n"]),
        GoodInput("divergence is not an error", ["--lr", "0.6"]),
        GoodInput("negative starts, both spellings", ["--init-m", "-1.37", "--init-b=-0.35", "--fixed-m", "-2"]),
        GoodInput("--format none with --poster", ["--format", "none", "--poster"]),
    ]
}

/// The command line's contract for what must work, and for what touches more than one argument: standard
/// input and named pipes, manifests beside their data, the history against NumPy, and ffmpeg missing.
struct WorkingInputTests {
    @Test(arguments: GoodInput.all)
    func acceptedAndEveryScenesFileWritten(_ c: GoodInput) throws {
        let scratch = try Scratch()
        for (name, content) in c.files { try scratch.write(name, content) }
        let fresh = "\(scratch.path)/fresh"
        let r = try BuiltCommand.run(["--output", fresh, "--quiet", "--epochs", "5", "--mode", "all"] + scratch.resolve(c.args))
        #expect(r.status == 0, "\(r.stderr)")
        let ext = c.args.contains("--poster") && c.args.contains("none") ? ".png" : ".gif"
        let written = ((try? FileManager.default.contentsOfDirectory(atPath: fresh)) ?? []).filter { $0.hasSuffix(ext) }.sorted()
        #expect(written == ["bsweep", "contour", "line", "loss"].map { $0 + ext })
    }

    /// `--mode all` of two features draws the scenes of one run that show several (line, loss, contour),
    /// says which it leaves out and why, and writes nothing of those.
    @Test func modeAllOfSeveralFeaturesLeavesOutTheLinesScenes() throws {
        let scratch = try Scratch()
        let fresh = "\(scratch.path)/fresh"
        let r = try BuiltCommand.run(["--output", fresh, "--epochs", "5", "--mode", "all", "--dataset", "correlated", "--frames", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("--mode all leaves out bsweep: it draws the line ŷ = m·x + b of one feature, and the data has 2 features (θ = w1, w2, b)"), "\(r.stderr)")
        let written = ((try? FileManager.default.contentsOfDirectory(atPath: fresh)) ?? []).sorted()
        #expect(written == ["contour.gif", "line.gif", "loss.gif"])
    }

    /// A manifest of one visual with `options` (a JSON object).
    static func manifestOf(_ options: String) -> String {
        #"{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": \#(options)}]}"#
    }

    @Test func aManifestsDataIsReadBesideTheManifest() throws {
        let scratch = try Scratch()
        try scratch.write("beside.csv", good)
        let manifest = try scratch.write("beside.json", .text(Self.manifestOf(#"{"data": "beside.csv"}"#)))
        // Run from another folder: the path is the manifest's, not the working directory's.
        let r = try BuiltCommand.run(["--manifest", manifest, "--output", "\(scratch.path)/out", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(scratch.path)/out/a.gif"))
    }

    @Test func aRefusedManifestMakesNoOutputFolder() throws {
        let scratch = try Scratch()
        let manifest = try scratch.write("refused.json", .text(Self.manifestOf(#"{"lr": -1}"#)))
        let r = try BuiltCommand.run(["--manifest", manifest, "--output", "\(scratch.path)/never-made", "--quiet"])
        #expect(r.status != 0 && r.stderr.contains("--lr"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/never-made"))
    }

    @Test func standardInputIsReadAndNamedInErrors() throws {
        let scratch = try Scratch()
        let piped = "\(scratch.path)/piped"
        let r = try BuiltCommand.run(["--data", "-", "--output", piped, "--quiet", "--describe", "--mode", "line"], input: goodText)
        #expect(r.status == 0 && r.stdout.contains("20 points of standard input"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(piped)/line.gif"))
        let bad = try BuiltCommand.run(["--data", "-", "--output", piped, "--quiet"], input: "x,y\n1,2\n2,abc\n")
        #expect(bad.status == 1 && bad.stderr.contains("standard input:3, column 2"), "\(bad.stderr)")
    }

    /// A named pipe can be read once only: a line scene copies it as it streams in and counts the density
    /// from the copy (it hung once, waiting for a second writer).
    @Test(.timeLimit(.minutes(1))) func aNamedPipeAsData() throws {
        let scratch = try Scratch()
        let fifo = "\(scratch.path)/points.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let h = FileHandle(forWritingAtPath: fifo) { h.write(Data(goodText.utf8)); try? h.close() }
        }
        writer.start()
        let r = try BuiltCommand.run(["--data", fifo, "--output", scratch.path, "--quiet", "--mode", "line", "--name", "fifo"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(scratch.path)/fifo.gif"))
    }

    /// --history naming the --data file (however spelled) is refused before anything is written.
    @Test func theHistoryIsNeverTheDataFile() throws {
        let scratch = try Scratch()
        let same = try scratch.write("same.csv", good)
        let r = try BuiltCommand.run(["--data", same, "--history", "\(scratch.path)/./same.csv", "--output", "\(scratch.path)/out", "--quiet"])
        #expect(r.status == 64 && r.stderr.contains("--history") && r.stderr.contains("is the --data file"), "\(r.stderr)")
        #expect(FileManager.default.contents(atPath: same) == Data(goodText.utf8))
    }

    /// --x-column alone: y stays the header's y (it once took the first numeric column left, the id).
    @Test func anXColumnAloneKeepsTheHeadersY() throws {
        let scratch = try Scratch()
        let named = try scratch.write("named.csv", .text("id,x,weight,y\n" + (0..<20).map { i in "\(i),\(Double(i) / 10),\(70 + i),\(Double(3 * i) / 10 + 4)\n" }.joined()))
        let r = try BuiltCommand.run(["--data", named, "--x-column", "x", "--output", scratch.path, "--format", "none"])
        // y = 3x + 4 exactly: the least squares are m* = 3 and b* = 4.
        #expect(r.status == 0 && r.stdout.contains("m* = 3  b* = 4"), "\(r.stdout) \(r.stderr)")
    }

    /// MP4 needs the ffmpeg program: with it hidden (PATH a folder without it), a run asking for mp4 stops
    /// before drawing, names the format, the program and its package, and writes nothing. Also in a manifest.
    @Test(arguments: [["--format", "gif,mp4", "--history", "@out/history.csv"], ["--mode", "all", "--format", "mp4"], ["--manifest", "@/mp4.json"]])
    func mp4WithoutFFmpegWritesNothing(_ args: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("mp4.json", #"{"title": "t", "visuals": [{"name": "contour", "title": "A", "teaches": "T", "options": {"format": "gif,mp4"}}]}"#)
        let nobin = "\(scratch.path)/no-ffmpeg-bin"
        try FileManager.default.createDirectory(atPath: nobin, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = nobin
        environment["GDANIMATE_FFMPEG"] = nil
        let out = try scratch.primedOutput()
        let before = Scratch.contents(out)
        let resolved = scratch.resolve(args).map { $0.replacingOccurrences(of: "@out", with: out) }
        let r = try BuiltCommand.run(["--output", out, "--quiet"] + resolved, environment: environment)
        #expect(r.status != 0)
        for word in ["--format mp4", "ffmpeg", "apt-get install -y ffmpeg"] { #expect(r.stderr.contains(word), "\(r.stderr)") }
        #expect(Scratch.contents(out) == before)
    }

    /// The command line's --history against the NumPy reference (Tests/TrainingTests/Fixtures, made by
    /// Scripts/make-fixtures.py), 1e-9 relative per value, in both formats.
    @Test(arguments: ["csv", "json"])
    func theHistoryMatchesNumPy(_ format: String) throws {
        let scratch = try Scratch()
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("TrainingTests/Fixtures")
        let history = "\(scratch.path)/history.\(format)"
        let r = try BuiltCommand.run(["--data", fixtures.appendingPathComponent("peer-data.csv").path, "--lr", "0.3", "--epochs", "1000", "--init-m", "5",
                                      "--init-b=-3", "--format", "none", "--history", history, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = { (text: String) in text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").dropFirst().map { Double($0)! } } }
        let reference = rows(try String(contentsOf: fixtures.appendingPathComponent("batch-lr0.3-from-5,-3.csv"), encoding: .utf8))
        let ours: [[Double]]
        if format == "csv" {
            ours = rows(try String(contentsOfFile: history, encoding: .utf8))
        } else {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: history))) as? [String: Any])
            let parameters = try #require(doc["parameters"] as? [String: Any])
            #expect((parameters["lr"] as? NSNumber)?.doubleValue == 0.3 && (parameters["initM"] as? NSNumber)?.doubleValue == 5)
            #expect((doc["leastSquares"] as? [String: Any])?["m"] != nil)
            ours = try #require(doc["snapshots"] as? [[String: Any]]).map { s in ["m", "b", "loss"].map { (s[$0] as? NSNumber)?.doubleValue ?? .nan } }
        }
        #expect(ours.count == reference.count)
        var worst = 0.0
        for (o, n) in zip(ours, reference) {
            for (a, b) in zip(o, n) { worst = max(worst, abs(a - b) / max(abs(b), 1e-300)) }
        }
        #expect(worst <= 1e-9)
    }
}
