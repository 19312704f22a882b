import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One run of the ffmpeg program, owned by one value: started in `init`, fed on its standard input,
/// waited for in ``finish()``, and killed and reaped in `deinit` if it is still running (a render that
/// failed elsewhere). No shell: the program is started with `posix_spawn` and its arguments as given.
///
/// - Standard input is one end of a socket pair: writes are `send(MSG_NOSIGNAL)`, so if ffmpeg dies a
///   write fails with EPIPE instead of raising SIGPIPE in this process, and no signal setting changes.
/// - ffmpeg writes its output (`/dev/fd/3`) and its messages (standard error) into two temporary files
///   that are removed from the temporary folder as soon as they are made: nothing is left behind on any
///   path, a signal that ends this process included. Messages go to a file, not a pipe, so a talkative
///   ffmpeg can never block on a pipe no one reads while this process blocks writing frames.
/// - ffmpeg inherits the signal mask (the command line blocks SIGINT, SIGTERM and SIGHUP for its own
///   clean-up), so it ends when its input closes, which happens when this process ends for any reason;
///   the clean-up also stops and reaps it (``stopAll()``), so no finished ffmpeg waits for a parent to
///   collect it (where the first process does not reap orphans, as in some containers, they stayed).
final class FFmpegRun {
    /// The ffmpeg processes running now, for ``stopAll()``.
    private static let live = Mutex<Set<pid_t>>([])

    /// Kills and reaps every ffmpeg this process started and has not reaped: a signal is ending the run.
    /// Under the lock, so a pid is never signalled after ``wait()`` reaped it (and the system reused it).
    static func stopAll() {
        live.withLock { pids in
            for pid in pids {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            }
            pids.removeAll()
        }
    }

    /// The environment variable that names the program to run instead of the first `ffmpeg` on PATH.
    static let override = "GDANIMATE_FFMPEG"

    private let pid: pid_t
    private var input: Int32
    private let output: Int32
    private let log: Int32
    private var running = true

    /// The ffmpeg to run: `$GDANIMATE_FFMPEG` if set, else the first executable `ffmpeg` on PATH; throws,
    /// naming the package to install, when there is none. `environment` reads a variable (the process's).
    static func locate(_ environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) throws(EncodeError) -> String {
        if let given = environment(override), !given.isEmpty {
            guard access(given, X_OK) == 0 else { throw .ffmpeg("\(override) is \(given), which is not a program that can be run") }
            return given
        }
        for folder in (environment("PATH") ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/ffmpeg"
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        throw .ffmpeg("the program is not installed (not on PATH); install it with `apt-get install -y ffmpeg`, or set \(override) to its path")
    }

    /// Starts `program` reading raw frames with `arguments`, writing an MP4 to its output file.
    init(program: String, arguments: [String]) throws(EncodeError) {
        guard let out = Self.anonymousFile() else { throw .ffmpeg("cannot make a temporary file: \(Self.errorText())") }
        guard let err = Self.anonymousFile() else {
            close(out)
            throw .ffmpeg("cannot make a temporary file: \(Self.errorText())")
        }
        output = out
        log = err
        var pair: [Int32] = [-1, -1]
        if socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 {
            pair = pair.map { Self.high($0) ?? -1 }
        }
        guard !pair.contains(-1) else {
            let why = Self.errorText()
            for fd in pair + [out, err] where fd >= 0 { close(fd) }
            throw .ffmpeg("cannot make its input: \(why)")
        }
        input = pair[0]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Every descriptor is at 10 or above and close-on-exec; dup2 to 0, 2 and 3 gives the child its copy.
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, err, 2)
        posix_spawn_file_actions_adddup2(&actions, out, 3)
        let argv = ([program, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error"] + arguments + ["-f", "mp4", "-y", "/dev/fd/3"]).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let spawned = posix_spawn(&child, program, &actions, nil, argv + [nil], environ)
        close(pair[1])
        guard spawned == 0 else {
            close(pair[0]); close(out); close(err)
            throw .ffmpeg("cannot start \(program): \(String(cString: strerror(spawned)))")
        }
        pid = child
        Self.live.withLock { _ = $0.insert(child) }
    }

    deinit {
        if input >= 0 { close(input) }
        if running {
            kill(pid, SIGKILL)
            _ = wait()
        }
        close(output)
        close(log)
    }

    /// Sends `bytes` to ffmpeg's input; throws with ffmpeg's last messages if it has stopped reading.
    func write(_ bytes: [UInt8]) throws(EncodeError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = send(input, raw.baseAddress! + done, raw.count - done, Int32(MSG_NOSIGNAL))
                if n >= 0 { done += n } else if errno != EINTR { failure = errno; return }
            }
        }
        guard failure != 0 else { return }
        if failure == EPIPE || failure == ECONNRESET { _ = try finish() }   // throws what ffmpeg said
        throw .ffmpeg("cannot send it a frame: \(String(cString: strerror(failure)))")
    }

    /// Closes ffmpeg's input, waits for it to write the file, and returns the file's bytes; throws with
    /// its last messages if it failed.
    func finish() throws(EncodeError) -> [UInt8] {
        guard running else { throw .finished }
        close(input)
        input = -1
        let status = wait()
        guard status == 0 else {
            let why = status & 0x7f == 0 ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(status & 0x7f)"
            let said = Self.read(log).split(separator: 10).suffix(4).map { String(decoding: $0, as: UTF8.self) }
            throw .ffmpeg(why + (said.isEmpty ? "" : ": " + said.joined(separator: " / ")))
        }
        return Self.read(output)
    }

    /// Waits for the child to end; its raw wait status.
    private func wait() -> Int32 {
        // Wait for the end without reaping (the pid stays ffmpeg's), then reap under the lock that
        // stopAll() holds: whichever comes first reaps, and a status reaped by stopAll reads as killed.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        running = false
        return Self.live.withLock { pids -> Int32 in
            guard pids.remove(pid) != nil else { return SIGKILL }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return status
        }
    }

    /// A new file in the temporary folder, already removed from it: open only through the descriptor
    /// returned (close-on-exec, numbered 10 or above); nil (and errno) if it cannot be made.
    private static func anonymousFile() -> Int32? {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/gdanimate-mp4-XXXXXX".utf8CString)
        // (mkostemp is not in Swift's Glibc; a child spawned in the moment before `high` could hold this
        // removed file open too, which costs nothing: its socket, the one that matters, is close-on-exec.)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return nil }
        unlink(template)
        return high(fd)
    }

    /// `fd` moved to a number of 10 or above, close-on-exec (so that dup2 to 0, 2 or 3 in the child is a
    /// real copy, never a descriptor onto itself); nil (and errno) if it cannot be.
    private static func high(_ fd: Int32) -> Int32? {
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
        let saved = errno
        close(fd)
        errno = saved
        return moved >= 0 ? moved : nil
    }

    /// Everything in the file behind `fd`, from its start.
    private static func read(_ fd: Int32) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        bytes.withUnsafeMutableBytes { raw in
            while done < raw.count {
                let n = pread(fd, raw.baseAddress! + done, raw.count - done, off_t(done))
                if n > 0 { done += n } else if n == 0 || errno != EINTR { break }
            }
        }
        return Array(bytes[..<done])
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
