import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to read or write, naming the path and the reason the system gave.
public struct FileError: Error, CustomStringConvertible, Sendable {
    /// The path, what could not be done, and the system's reason.
    public var description: String

    package init(_ path: String, _ what: String, errno code: Int32 = errno) {
        description = "\(path): \(what): \(String(cString: strerror(code)))"
    }

    package init(message: String) { description = message }
}

/// The file system, as gdanimate writes it. Every file appears complete or not at all: it is written under a
/// temporary name in its own folder and renamed into place only once the last byte is on disk, so a failed
/// or interrupted run leaves what was there before untouched.
package enum Files {
    /// Paths of temporary files and folders that exist right now, removed if the process is interrupted.
    /// Scenes render on several threads, so the set is behind a lock.
    package static let pendingPaths = Mutex<Set<String>>([])

    package static func track(_ path: String) { pendingPaths.withLock { _ = $0.insert(path) } }
    package static func untrack(_ path: String) { pendingPaths.withLock { _ = $0.remove(path) } }

    /// The bytes of the file at `path`, or of standard input for `-`, up to `limit`.
    package static func read(_ path: String, limit: Int = 256 << 20) throws(FileError) -> [UInt8] {
        if path == "-" {
            // A stream of its own over descriptor 0 (the C `stdin` global is shared mutable state to Swift 6).
            guard let input = fdopen(dup(0), "rb") else { throw FileError("standard input", "cannot read") }
            defer { fclose(input) }
            return try read(input, name: "standard input", limit: limit)
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError(path, "cannot read the data file") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(message: "\(path): is a folder, not a CSV file") }
        if Int(info.st_size) > limit {
            throw FileError(message: "\(path): \(Int(info.st_size) >> 20) MiB is larger than \(limit >> 20) MiB; gdanimate reads data files up to that size")
        }
        guard let file = fopen(path, "rb") else { throw FileError(path, "cannot open the data file") }
        defer { fclose(file) }
        return try read(file, name: path, limit: limit)
    }

    private static func read(_ file: UnsafeMutablePointer<FILE>, name path: String, limit: Int) throws(FileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = fread(&chunk, 1, chunk.count, file)
            if got > 0 { bytes.append(contentsOf: chunk[0..<got]) }
            if bytes.count > limit {  // a pipe or a file still growing
                throw FileError(message: "\(path): larger than \(limit >> 20) MiB; gdanimate reads data files up to that size")
            }
            if got < chunk.count {
                if ferror(file) != 0 { throw FileError(path, "read failed") }
                break
            }
        }
        return bytes
    }

    /// Creates `path` and its parents if missing; fails if it is a file or cannot be written.
    package static func makeFolder(_ path: String) throws(FileError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileError(message: "\(path): exists and is not a folder; choose another --output") }
            guard access(path, W_OK) == 0 else { throw FileError(path, "the output folder is not writable") }
            return
        }
        let parent = Self.parent(of: path)
        if parent != path { try makeFolder(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileError(path, "cannot create the output folder") }
    }

    package static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    package static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` names a regular file, which can be read twice (not `-`, a pipe, a device, a folder).
    package static func isRegularFile(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `a` and `b` name one existing file, however spelled (`data.csv`, `./data.csv`, a link to it).
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// A temporary sibling of `path`: hidden, and unique to this process.
    package static func temporary(for path: String) -> String {
        // The process and a counter: two renders of one program to the same name never share a file.
        "\(parent(of: path))/.\(name(of: path)).\(getpid())-\(temporaries.add(1, ordering: .relaxed).oldValue).tmp"
    }

    /// Temporary names made so far in this process.
    private static let temporaries = Atomic<Int>(0)

    /// A finished file or folder under its temporary name, waiting for `publish`.
    package struct Staged: Sendable {
        package var temp: String
        package var path: String
        package var isFolder: Bool

        package init(temp: String, path: String, isFolder: Bool) {
            self.temp = temp
            self.path = path
            self.isFolder = isFolder
        }
    }

    /// Writes `bytes` under a temporary name beside `path`; `publish` moves it into place.
    package static func stage(_ bytes: [UInt8], to path: String) throws(FileError) -> Staged {
        let stream = try Stream(path)
        try stream.append(bytes)
        return try stream.close()
    }

    /// Held while outputs move into place, so a signal's clean-up waits for the moves to end rather than
    /// remove a folder's old copy between its two renames (which would leave neither old nor new).
    package static let publishing = Mutex<Void>(())

    /// Moves every staged file and folder into place. Called once all of a run's outputs are complete,
    /// so a run that fails anywhere leaves every earlier file as it was; a signal meanwhile waits, so the
    /// outputs are all old or all new.
    package static func publish(_ items: [Staged]) throws(FileError) {
        try publishing.withLock { _ throws(FileError) in try move(items) }
    }

    private static func move(_ items: [Staged]) throws(FileError) {
        for item in items {
            if item.isFolder {
                try replaceFolder(item.path, with: item.temp)
            } else {
                guard rename(item.temp, item.path) == 0 else {
                    let code = errno
                    discard(item.temp)
                    throw FileError(item.path, "cannot move the finished file into place", errno: code)
                }
                untrack(item.temp)
            }
        }
    }

    /// A file written in pieces under its temporary name, renamed into place by `commit()`.
    package final class Stream {
        package let path: String
        package let temp: String
        private var file: UnsafeMutablePointer<FILE>?
        package private(set) var count = 0

        package init(_ path: String) throws(FileError) {
            self.path = path
            temp = Files.temporary(for: path)
            Files.track(temp)
            guard let f = fopen(temp, "wb") else {
                let code = errno
                Files.untrack(temp)
                throw FileError(path, "cannot create the file", errno: code)
            }
            file = f
        }

        package func append(_ bytes: [UInt8]) throws(FileError) {
            guard let file, !bytes.isEmpty else { return }
            let n = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            guard n == bytes.count else {
                let code = errno
                abandon()
                throw FileError(path, "writing failed", errno: code)
            }
            count += n
        }

        /// Flushes and closes the file; it stays under its temporary name until published.
        package func close() throws(FileError) -> Staged {
            if let file {
                self.file = nil
                let flushFailed = fflush(file) != 0
                let code = errno
                if fclose(file) != 0 || flushFailed {
                    Files.discard(temp)
                    throw FileError(path, "writing failed", errno: code)
                }
            }
            return Staged(temp: temp, path: path, isFolder: false)
        }

        /// Closes and removes the temporary file.
        package func abandon() {
            if let file { fclose(file) }
            file = nil
            Files.discard(temp)
        }

        deinit { if file != nil { abandon() } }
    }

    /// Writes a new file inside a folder that is itself pending (safe from several threads: it does not
    /// touch the pending list); a partial file is removed.
    package static func writePlain(_ bytes: [UInt8], to path: String) throws(FileError) {
        guard let file = fopen(path, "wb") else { throw FileError(path, "cannot create the file") }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushFailed = fflush(file) != 0
        let code = errno
        let closeFailed = fclose(file) != 0
        if written != bytes.count || flushFailed || closeFailed {
            unlink(path)
            throw FileError(path, "writing failed", errno: code)
        }
    }

    /// Replaces the folder `path` with `staged` (a complete sibling folder): the old one is moved aside,
    /// the new one renamed in, the old one removed.
    package static func replaceFolder(_ path: String, with staged: String) throws(FileError) {
        let old = "\(parent(of: path))/.\(name(of: path)).\(getpid()).old"
        let hadOld = exists(path)
        if hadOld {
            guard rename(path, old) == 0 else { throw FileError(path, "cannot replace the frames folder") }
            track(old)
        }
        guard rename(staged, path) == 0 else {
            let code = errno
            if hadOld { _ = rename(old, path); untrack(old) }
            throw FileError(path, "cannot move the finished frames into place", errno: code)
        }
        untrack(staged)
        if hadOld { discard(old) }
    }

    /// Removes a file or a folder of files, and forgets it.
    package static func discard(_ path: String) {
        removeTree(path)
        untrack(path)
    }

    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR, let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name != "." && name != ".." { removeTree("\(path)/\(name)") }
            }
            closedir(dir)
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Set when a signal is ending the run: an error the run meets after that (a frame file whose folder
    /// the clean-up just removed) is a consequence, not news, and is not printed.
    package static let interrupted = Atomic<Bool>(false)

    /// When a signal ends the run: waits for any publishing to end, then removes what is still pending.
    package static func discardOnSignal() {
        interrupted.store(true, ordering: .releasing)
        publishing.withLock { _ in discardPending() }
    }

    /// Removes every pending temporary path: on an error, or when a signal ends the run (from the thread
    /// that waits for signals, so ordinary code).
    package static func discardPending() {
        pendingPaths.withLock { paths in
            for path in paths {
                // Worker threads may still be writing frames into a staged folder: rename it first, so
                // their next file cannot land in it, then remove it (twice, for a file opened meanwhile).
                let doomed = path + ".discarded"
                let target = rename(path, doomed) == 0 ? doomed : path
                removeTree(target)
                removeTree(target)
            }
            paths.removeAll()
        }
    }
}
