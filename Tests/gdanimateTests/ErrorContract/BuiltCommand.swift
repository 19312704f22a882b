import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `gdanimate` program, run as a user runs it: its own process, its exit status, what it prints,
/// and what it leaves in the folders it was given. The error contract's tests run it, because the exit
/// status and the message's shape on stderr are the argument parser's doing, in `main`.
enum BuiltCommand {
    /// The program beside this test bundle (`.build/<configuration>/gdanimate`), or `GDANIMATE_BINARY`.
    static let path: String = {
        if let given = ProcessInfo.processInfo.environment["GDANIMATE_BINARY"] { return given }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("gdanimate").path
    }()

    /// What a run did.
    struct Result {
        var status: Int32
        /// The signal that ended it, if one did.
        var signal: Int32?
        var stdout: String
        var stderr: String
    }

    /// Runs the program with `arguments` (and `input` on standard input, `environment` in place of this
    /// process's) and waits for it.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil, program: String = path) throws -> Result {
        let p = try start(arguments, input: input, environment: environment, program: program)
        return p.wait()
    }

    /// The standard output of another program (ps).
    static func output(_ program: String, _ arguments: [String]) throws -> String {
        try run(arguments, program: program).stdout
    }

    /// A started run, for a test that signals it while it works.
    final class Running {
        let process: Process
        let out: URL, err: URL
        init(process: Process, out: URL, err: URL) { (self.process, self.out, self.err) = (process, out, err) }

        func wait() -> Result {
            process.waitUntilExit()
            defer { for f in [out, err] { try? FileManager.default.removeItem(at: f) } }
            let text = { (u: URL) in String(decoding: (try? Data(contentsOf: u)) ?? Data(), as: UTF8.self) }
            let bySignal = process.terminationReason == .uncaughtSignal
            return Result(status: process.terminationStatus, signal: bySignal ? process.terminationStatus : nil, stdout: text(out), stderr: text(err))
        }
    }

    /// Starts `program` (gdanimate, or one that runs it: setpriv, sh, time) with `arguments`.
    static func start(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil, program: String = path) throws -> Running {
        #expect(FileManager.default.isExecutableFile(atPath: path), "no built gdanimate at \(path): build it first (swift build)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        if let environment { p.environment = environment }
        // Files, not pipes: nothing to drain while waiting.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gdanimate-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("gdanimate-err-\(UUID().uuidString)")
        for f in [out, err] { _ = FileManager.default.createFile(atPath: f.path, contents: nil) }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        let stdin = Pipe()
        p.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try p.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        return Running(process: p, out: out, err: err)
    }
}

/// A fresh folder of a test's own (the cases run in parallel), removed at the end of the test.
final class Scratch {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gdanimate-contract-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit {
        // A folder a test made unwritable is made writable again so that it can go.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `content` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ content: FileContent) throws -> String {
        let file = "\(path)/\(name)"
        try Data(content.bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// `@` is the folder, `@/name` a file in it; other arguments stay as they are.
    func resolve(_ args: [String]) -> [String] {
        args.map { $0 == "@" ? path : $0.hasPrefix("@/") ? path + $0.dropFirst() : $0 }
    }

    /// An output folder that already holds what a user had: a GIF, a PNG folder and a history file, each
    /// to be left exactly as it is by a run that fails.
    func primedOutput() throws -> String {
        let out = "\(path)/out"
        try FileManager.default.createDirectory(atPath: "\(out)/contour", withIntermediateDirectories: true)
        for (name, text) in [("contour.gif", "GIF89a old"), ("contour/frame-0000.png", "old frame"), ("history.csv", "old history")] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(out)/\(name)"))
        }
        return out
    }

    /// Every file under `folder` (hidden ones too) with its bytes.
    static func contents(_ folder: String) -> [String: Data] {
        var state: [String: Data] = [:]
        for name in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isFolder), !isFolder.boolValue {
                state[name] = FileManager.default.contents(atPath: "\(folder)/\(name)")
            }
        }
        return state
    }
}

/// A file's bytes, written as text or as bytes.
enum FileContent: ExpressibleByStringLiteral, Sendable {
    case text(String)
    case bytes([UInt8])
    init(stringLiteral value: String) { self = .text(value) }
    var bytes: [UInt8] {
        switch self {
        case .text(let s): return Array(s.utf8)
        case .bytes(let b): return b
        }
    }
}

/// Twenty points of y ≈ 3x + 4, as a CSV file with a header.
let goodText = "x,y\n" + (0..<20).map { i in "\(Double(i) / 10),\(Double(3 * i) / 10 + 4 + Double(i % 3) / 10)\n" }.joined()
let good = FileContent.text(goodText)
