#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Files {
    /// The file at `path` (standard input for `-`) in pieces of 1 MiB, each handed to `body` as it is read: any
    /// size, in constant memory. A file that ends before the size it had when opened (it shrank while being
    /// read) or a read that fails is an error naming the file; `body`'s errors pass through.
    ///
    /// With `spooling`, a stream that cannot be read twice (standard input, a pipe) is copied as it goes
    /// (``Spool``) so ``canReadAgain(_:)`` holds for it; a stream with a copy is read again from the copy.
    package static func stream(_ path: String, spooling: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        if let kept = spool(of: path) { return try kept.replay(body) }
        let name = path == "-" ? "standard input" : path
        let fd: Int32
        if path == "-" {
            fd = dup(0)
            guard fd >= 0 else { throw FileError(name, "cannot read") }
        } else {
            var info = stat()
            guard stat(path, &info) == 0 else { throw FileError(path, "cannot read the data file") }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(message: "\(path): is a folder, not a CSV file") }
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw FileError(path, "cannot open the data file") }
        }
        defer { close(fd) }
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        let expected = regular ? Int(info.st_size) : nil
        let copy = spooling && !regular ? try Spool(for: name) : nil
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileError(name, "read failed after \(total) bytes")
            }
            if got == 0 { break }
            total += got
            try buffer.withUnsafeBufferPointer { piece in
                let piece = UnsafeBufferPointer(rebasing: piece[0..<got])
                try copy?.append(piece)
                try body(piece)
            }
        }
        if let copy { keep(copy, of: path) }
        if let expected, total < expected {
            throw FileError(message: "\(name): the file shrank while it was read (\(total) of its \(expected) bytes); was it being written? Read it again once it is complete")
        }
    }
}
