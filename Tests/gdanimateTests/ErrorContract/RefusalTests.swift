import Foundation
import Testing

/// The command line's error contract: every bad input gets a clear message naming what is wrong, the
/// exit status of its kind (64 for an option's value, found when parsed or only once planned; 1 for bad
/// data, files and manifests), and changes nothing: the output folder, primed with a GIF, a PNG folder
/// and a history a user had, is byte for byte as it was, with no temporary file left. (Moved here from
/// Scripts/check_errors.py; what stays there says why.)
struct Refusal: CustomTestStringConvertible, Sendable {
    var name: String
    /// The arguments: `@/file` is a file of the case's own folder, `@` the folder.
    var args: [String]
    var files: [String: FileContent]
    var exit: Int32
    /// Words the message must hold.
    var words: [String]
    var testDescription: String { name }

    init(_ name: String, _ args: [String], files: [String: FileContent] = [:], exit: Int32, _ words: [String]) {
        (self.name, self.args, self.files, self.exit, self.words) = (name, args, files, exit, words)
    }
}

struct RefusalTests {
    static let all = Refusal.data + Refusal.options + Refusal.features + Refusal.manifests

    @Test(arguments: all)
    func refusedWithAClearMessageAndNothingWritten(_ c: Refusal) throws {
        let scratch = try Scratch()
        for (name, content) in c.files { try scratch.write(name, content) }
        let out = try scratch.primedOutput()
        let before = Scratch.contents(out)
        let args = scratch.resolve(c.args)
        let history = args.contains("--history") || args.contains("--manifest") ? [] : ["--history", "\(out)/history.csv"]
        let r = try BuiltCommand.run(["--output", out, "--quiet"] + history + args)
        #expect(r.status == c.exit, "\(r.stderr)")
        for word in c.words { #expect(r.stderr.contains(word), "\(word) not in \(r.stderr)") }
        #expect(r.stderr.filter { $0 == "\n" }.count <= 16, "a short message: \(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
        #expect(Scratch.contents(out) == before, "the output folder changed")
    }
}

extension Refusal {
    /// Data that cannot be read or fitted: the message places the problem by file, line and column.
    static let data: [Refusal] = [
        Refusal("missing file", ["--data", "@/nope.csv"], exit: 1,
                ["nope.csv", "No such file"]),
        Refusal("folder as data", ["--data", "@"], exit: 1,
                ["is a folder"]),
        Refusal("empty file", ["--data", "@/empty.csv"], files: ["empty.csv": ""], exit: 1,
                ["empty.csv", "empty"]),
        Refusal("header only", ["--data", "@/header.csv"], files: ["header.csv": "x,y\n"], exit: 1,
                ["header but no data"]),
        Refusal("one data row", ["--data", "@/one.csv"], files: ["one.csv": "x,y\n1,2\n"], exit: 1,
                ["one point", "two points"]),
        Refusal("ragged row", ["--data", "@/ragged.csv"], files: ["ragged.csv": "x,y\n1,2\n3\n4,5\n"], exit: 1,
                ["ragged.csv:3", "1 field"]),
        Refusal("abc cell", ["--data", "@/abc.csv"], files: ["abc.csv": "x,y\n1,2\n3,abc\n"], exit: 1,
                ["abc.csv:3, column 2", "\"abc\"", "not a decimal"]),
        Refusal("1,2 in quotes", ["--data", "@/q.csv"], files: ["q.csv": "x,y\n1,2\n3,\"1,2\"\n"], exit: 1,
                ["q.csv:3, column 2", "\"1,2\""]),
        Refusal("--1", ["--data", "@/mm.csv"], files: ["mm.csv": "x,y\n--1,2\n3,4\n"], exit: 1,
                ["mm.csv:2, column 1", "--1"]),
        Refusal("NaN", ["--data", "@/nan.csv"], files: ["nan.csv": "x,y\n1,nan\n3,4\n"], exit: 1,
                ["nan.csv:2, column 2", "NaN"]),
        Refusal("inf", ["--data", "@/inf.csv"], files: ["inf.csv": "x,y\n1,inf\n3,4\n"], exit: 1,
                ["inf.csv:2", "infinite"]),
        Refusal("quote open to the end", ["--data", "@/open.csv"], files: ["open.csv": "x,y,note\n1,2,a\n3,4,\"never\nclosed\n5,6,b\n"], exit: 1,
                ["open.csv:3", "quoted field", "not closed before the end of the file"]),
        Refusal("CR-only line ends", ["--data", "@/cr.csv"], files: ["cr.csv": "x,y\r1,2\r2,4\r3,6.5\r"], exit: 1,
                ["cr.csv:1", "carriage return alone"]),
        Refusal("';' with decimal commas", ["--data", "@/semi.csv"], files: ["semi.csv": "x;y\n1,5;2,5\n2,5;4\n"], exit: 1,
                ["semi.csv:2", "separated by ';' with decimal commas"]),
        Refusal("a decimal comma in quotes", ["--data", "@/dc.csv"], files: ["dc.csv": "x,y\n\"1,5\",\"2,5\"\n"], exit: 1,
                ["dc.csv:2, column 1", "decimal comma"]),
        Refusal("1e400", ["--data", "@/big.csv"], files: ["big.csv": "x,y\n1,1e400\n3,4\n"], exit: 1,
                ["big.csv:2", "1e400", "too large"]),
        Refusal("unknown column name", ["--data", "@/cols.csv", "--x-column", "height"], files: ["cols.csv": good], exit: 1,
                ["'height' is not a column", "'x'"]),
        Refusal("column index out of range", ["--data", "@/cols2.csv", "--x-column", "5", "--y-column", "2"], files: ["cols2.csv": good], exit: 1,
                ["column 5", "2 columns"]),
        Refusal("duplicate header", ["--data", "@/dup.csv"], files: ["dup.csv": "x,x\n1,2\n2,3\n"], exit: 1,
                ["dup.csv:1", "alike"]),
        Refusal("binary garbage", ["--data", "@/bin.csv"], files: ["bin.csv": .bytes(Array(repeating: Array(0...255), count: 4).flatMap { $0 })], exit: 1,
                ["bin.csv:1", "binary"]),
        Refusal("invalid UTF-8", ["--data", "@/utf.csv"], files: ["utf.csv": .bytes([120, 44, 121, 10, 49, 44, 50, 10, 255, 254, 44, 51, 10])], exit: 1,
                ["utf.csv:3", "UTF-8"]),
        Refusal("all x equal", ["--data", "@/flat.csv"], files: ["flat.csv": "x,y\n2,1\n2,2\n2,3\n"], exit: 1,
                ["no slope"]),
        Refusal("values too large", ["--data", "@/huge.csv"], files: ["huge.csv": "x,y\n1e160,1e160\n2e160,2e160\n3e160,3e160\n4e160,4e160\n5e160,5e160\n6e160,6e160\n7e160,7e160\n8e160,8e160\n"], exit: 1,
                ["overflow", "rescale"]),
        Refusal("values too small", ["--data", "@/tiny.csv"], files: ["tiny.csv": "x,y\n1e-170,1e-170\n2e-170,2e-170\n3e-170,3e-170\n4e-170,4e-170\n5e-170,5e-170\n6e-170,6e-170\n7e-170,7e-170\n8e-170,8e-170\n"], exit: 1,
                ["underflow", "rescale"]),
    ]
}
