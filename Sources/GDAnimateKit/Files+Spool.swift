import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Files {
    /// A copy of what a stream that cannot be read twice (standard input, a pipe) gave, kept on disk so the
    /// density of its points can be counted on a second reading in constant memory, as a regular file's
    /// are. The copy is a temporary file unlinked as soon as it is made: it has no name, so nothing is left
    /// behind however the process ends, and its space returns when the descriptor closes.
    final class Spool: Sendable {
        private let fd: Int32
        private let name: String
        private let size = Atomic<Int>(0)

        /// An empty copy in `$TMPDIR` (else /tmp) for the stream called `name` in messages.
        init(for name: String) throws(FileError) {
            let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array("\(folder)/gdanimate-spool-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw FileError(folder, "cannot make a temporary copy of \(name) to read it twice") }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            self.fd = fd
            self.name = name
        }

        deinit { close(fd) }

        func append(_ bytes: UnsafeBufferPointer<UInt8>) throws(FileError) {
            var done = 0
            while done < bytes.count {
                let wrote = write(fd, bytes.baseAddress! + done, bytes.count - done)
                if wrote < 0 {
                    if errno == EINTR { continue }
                    throw FileError(name, "cannot keep a temporary copy to read it twice (in $TMPDIR or /tmp)")
                }
                done += wrote
            }
            size.add(bytes.count, ordering: .relaxed)
        }

        /// The copy from its start, in pieces of 1 MiB.
        func replay(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var offset = 0
            let total = size.load(ordering: .relaxed)
            while offset < total {
                let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, total - offset), off_t(offset)) }
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { throw FileError(name, "cannot read its temporary copy again") }
                try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<got])) }
                offset += got
            }
        }
    }

    /// The copies kept, by the path the stream was read from (`-` for standard input).
    private static let spools = Mutex<[String: Spool]>([:])

    /// Whether `path` can be read a second time: a regular file, or a stream read with `spooling`.
    package static func canReadAgain(_ path: String) -> Bool {
        isRegularFile(path) || spools.withLock { $0[path] != nil }
    }

    /// Forgets the copy of the stream read from `path` (its space returns): once its last reading is done.
    package static func dropSpool(_ path: String) { _ = spools.withLock { $0.removeValue(forKey: path) } }

    static func spool(of path: String) -> Spool? { spools.withLock { $0[path] } }

    static func keep(_ spool: Spool, of path: String) { spools.withLock { $0[path] = spool } }
}
