import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the system does to a run: signals at any moment, an ffmpeg to stop, unreadable and unwritable
/// paths, a full disk, no font, a huge line. Each leaves what the user had as it was and no temporary
/// file behind. The tests that need root (to switch to an unprivileged user, mount a tmpfs or hide the
/// fonts in a private mount namespace) are skipped elsewhere, and say so in the test report.
struct SystemFailureTests {
    static let isRoot = geteuid() == 0
    static func installed(_ program: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    /// Waits at most `seconds` for `p` to end; false if it is still running (it is then killed).
    static func ended(_ p: BuiltCommand.Running, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while p.process.isRunning && Date() < deadline { usleep(10_000) }
        if p.process.isRunning { kill(p.process.processIdentifier, SIGKILL); _ = p.wait(); return false }
        return true
    }

    /// A signal mid-run removes the temporary files and ends the process by that signal, whenever it comes
    /// (a handler that allocated once hung a run for good: hence several moments, from set-up to writing).
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalLeavesTheFolderAsItWas(_ sig: Int32) throws {
        for delay in [0.05, 0.2, 0.45, 0.7, 1.0, 1.5] {
            let scratch = try Scratch()
            let out = try scratch.primedOutput()
            let before = Scratch.contents(out)
            let p = try BuiltCommand.start(["--output", out, "--quiet", "--mode", "all", "--format", "both", "--epochs", "3000", "--history", "\(out)/history.csv"])
            usleep(useconds_t(delay * 1e6))
            kill(p.process.processIdentifier, sig)
            guard Self.ended(p, within: 10) else { Issue.record("at \(delay) s: still running 10 s after the signal"); continue }
            let r = p.wait()
            #expect(r.signal == sig, "at \(delay) s: exit \(r.status), not ended by the signal\(r.status == 0 ? " (finished first; make the run longer)" : "")")
            #expect(Scratch.contents(out) == before, "at \(delay) s: the output folder changed or kept a temporary file")
        }
    }

    /// A signal during an MP4 stops and reaps its ffmpeg too: none is left running or unreaped.
    @Test(.enabled(if: installed("ffmpeg") && installed("ps"))) func aSignalDuringAnMP4LeavesNoFFmpeg() throws {
        let scratch = try Scratch()
        let p = try BuiltCommand.start(["--output", try scratch.primedOutput(), "--quiet", "--mode", "contour", "--format", "mp4",
                                        "--width", "1600", "--height", "1200", "--epochs", "3000"])
        // Its own ffmpeg: a child of this run (other tests may run ffmpeg at the same time).
        var children: [Int32] = []
        let deadline = Date().addingTimeInterval(20)
        while children.isEmpty && Date() < deadline && p.process.isRunning {
            let ps = try BuiltCommand.output("/usr/bin/env", ["ps", "-eo", "pid=,ppid=,comm="])
            children = ps.split(separator: "\n").compactMap { line in
                let f = line.split(separator: " ")
                return f.count == 3 && f[2] == "ffmpeg" && Int32(f[1]) == p.process.processIdentifier ? Int32(f[0]) : nil
            }
            usleep(50_000)
        }
        #expect(!children.isEmpty, "ffmpeg never started")
        kill(p.process.processIdentifier, SIGTERM)
        #expect(Self.ended(p, within: 20))
        #expect(p.wait().signal == SIGTERM)
        usleep(300_000)
        // Gone altogether: not running, and not a zombie waiting for a parent to collect it.
        for pid in children { #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "ffmpeg \(pid) left behind") }
    }

    /// A signal the caller ignores (nohup and SIGHUP) stays ignored: the run completes.
    @Test func anIgnoredHangUpIsIgnored() throws {
        let scratch = try Scratch()
        let p = try BuiltCommand.start(["-c", #"trap "" HUP; exec "$0" "$@""#, BuiltCommand.path, "--output", try scratch.primedOutput(), "--quiet",
                                        "--mode", "all", "--format", "both", "--epochs", "3000"], program: "/bin/sh")
        usleep(500_000)
        #expect(p.process.isRunning, "finished before the signal")
        kill(p.process.processIdentifier, SIGHUP)
        #expect(Self.ended(p, within: 120))
        #expect(p.wait().status == 0)
    }

    /// An unreadable data file and an output folder that cannot be written, as an unprivileged user (root
    /// reads and writes everything).
    @Test(.enabled(if: isRoot && installed("setpriv"))) func permissionsAreRefusedAndNothingChanges() throws {
        let scratch = try Scratch()
        let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups", BuiltCommand.path, "--quiet"]
        let secret = try scratch.write("secret.csv", good)
        chmod(secret, 0)
        let r = try BuiltCommand.run(nobody + ["--data", secret, "--output", "\(scratch.path)/nobody-out"], program: "/usr/bin/setpriv")
        #expect(r.status != 0 && r.stderr.contains("secret.csv") && r.stderr.contains("Permission denied"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/nobody-out"), "an output folder was created")
        let locked = "\(scratch.path)/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        try scratch.write("locked/contour.gif", "GIF89a old")
        chmod(locked, 0o555)
        defer { chmod(locked, 0o755) }
        let before = Scratch.contents(locked)
        let w = try BuiltCommand.run(nobody + ["--output", locked], program: "/usr/bin/setpriv")
        #expect(w.status != 0 && w.stderr.contains("locked") && w.stderr.contains("not writable"), "\(w.stderr)")
        #expect(Scratch.contents(locked) == before)
    }

    /// A full disk: a 300 KiB tmpfs.
    @Test(.enabled(if: isRoot)) func aFullDiskLeavesTheFolderAsItWas() throws {
        let scratch = try Scratch()
        let disk = "\(scratch.path)/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard (try BuiltCommand.run(["-t", "tmpfs", "-o", "size=300k", "tmpfs", disk], program: "/usr/bin/mount")).status == 0 else {
            Issue.record("cannot mount a tmpfs")
            return
        }
        defer { _ = try? BuiltCommand.run([disk], program: "/usr/bin/umount") }
        try scratch.write("disk/contour.gif", "GIF89a old")
        let before = Scratch.contents(disk)
        let r = try BuiltCommand.run(["--output", disk, "--quiet", "--mode", "all", "--epochs", "200"])
        #expect(r.status != 0 && r.stderr.contains("No space left"), "\(r.stderr)")
        #expect(Scratch.contents(disk) == before)
    }

    /// No font: fontconfig with an empty configuration and the fonts folder hidden under an empty tmpfs in
    /// a private mount namespace.
    @Test(.enabled(if: isRoot && installed("unshare"))) func noFontIsSaidWithThePackageToInstall() throws {
        let scratch = try Scratch()
        let conf = try scratch.write("empty-fonts.conf", "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n")
        let out = try scratch.primedOutput()
        let before = Scratch.contents(out)
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = conf
        let r = try BuiltCommand.run(["--mount", "sh", "-c", #"mount -t tmpfs none /usr/share/fonts && exec "$0" "$@""#, BuiltCommand.path,
                                      "--output", out, "--quiet", "--mode", "all"], environment: environment, program: "/usr/bin/unshare")
        guard !r.stderr.contains("mount") else { return }  // no private mount namespace here (a container without the capability)
        for word in ["no usable font", "DejaVu", "fonts-dejavu-core"] { #expect(r.stderr.contains(word), "\(r.stderr)") }
        #expect(r.status != 0 && Scratch.contents(out) == before)
    }

    /// A 300 MiB file of one line of NUL bytes is refused early, in bounded memory (a line of over 1 MiB is
    /// no table of numbers).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"))) func aHugeLineIsRefusedInBoundedMemory() throws {
        let scratch = try Scratch()
        let huge = "\(scratch.path)/huge-line.csv"
        _ = FileManager.default.createFile(atPath: huge, contents: nil)
        #expect(truncate(huge, 300 << 20) == 0)  // sparse on disk
        let r = try BuiltCommand.run(["-f", "%M", BuiltCommand.path, "--data", huge, "--output", try scratch.primedOutput(), "--quiet"], program: "/usr/bin/time")
        #expect(r.status != 0 && r.stderr.contains("huge-line.csv:1:") && r.stderr.contains("NUL byte"), "\(r.stderr)")
        let peakKiB = Double(r.stderr.split(separator: "\n").last.map(String.init) ?? "") ?? .infinity
        #expect(peakKiB / 1024 <= 60, "peak \(peakKiB / 1024) MiB")
    }
}
