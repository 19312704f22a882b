import FrameEncoder
#if canImport(Glibc)
import Glibc
#endif

/// A file a sink writes, under a temporary name beside its path until every output of the run is
/// complete (``Files/publish(_:)``).
package final class StagedFile: ByteStream {
    private let stream: Files.Stream
    package var path: String { stream.path }

    package init(_ path: String) throws(FileError) { stream = try Files.Stream(path) }

    package func write(_ bytes: [UInt8]) throws { try stream.append(bytes) }
    package var bytesWritten: Int { stream.count }

    /// Closes the file; it is published with the rest of the run.
    package func close() throws(FileError) -> Files.Staged { try stream.close() }

    /// Closes and removes the temporary file (a closed one too).
    package func abandon() {
        stream.abandon()
        Files.discard(stream.temp)
    }
}

/// A folder of frames a sink fills, built under a temporary name beside its path and swapped in whole
/// when the run publishes.
package final class StagedFolder: FrameFolder {
    package let path: String
    private let temp: String

    package init(_ path: String) throws(FileError) {
        self.path = path
        temp = Files.temporary(for: path)
        Files.discard(temp)
        Files.track(temp)
        guard mkdir(temp, 0o755) == 0 else { throw FileError(temp, "cannot create the frames folder") }
    }

    package func write(_ bytes: [UInt8], name: String) throws { try Files.writePlain(bytes, to: "\(temp)/\(name)") }

    package func close() -> Files.Staged { Files.Staged(temp: temp, path: path, isFolder: true) }

    /// Removes the temporary folder and what is in it.
    package func abandon() { Files.discard(temp) }
}
