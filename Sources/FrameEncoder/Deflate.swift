import CZlib

/// zlib's compression (RFC 1950: a zlib header, deflate data, an Adler-32), the form a browser's
/// `DecompressionStream("deflate")` unpacks natively. The one place this program calls zlib.
enum Deflate {
    /// `bytes` compressed at zlib's best level (9): the same bytes give the same output every time.
    static func compress(_ bytes: [UInt8]) throws(EncodeError) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(bytes.count), 9) }
        }
        guard status == Z_OK else { throw .misuse("zlib could not compress \(bytes.count) bytes (status \(status))") }
        return Array(out[0..<Int(size)])
    }
}
