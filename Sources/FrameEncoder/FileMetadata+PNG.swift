/// CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320 reflected, initial and final XOR
/// 0xFFFFFFFF). Written here because zlib, which has it, is linked into libgd but has no Swift module
/// on Linux (Foundation does not export it), and a module map of its own for one function would be one
/// more system library to install and keep working.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC-32 of `bytes`.
    static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

extension FileMetadata {
    /// The PNG keyword of the description: `Description`, one of the keywords the PNG specification
    /// defines, which image viewers and exiftool show by name.
    public static let pngDescriptionKeyword = "Description"
    /// The PNG keyword of the command: `Software` ("software used to create the image"); the command
    /// line is that, to the option.
    public static let pngCommandKeyword = "Software"

    /// `png` with two `iTXt` chunks, ``pngDescriptionKeyword`` and ``pngCommandKeyword``, inserted right
    /// after its `IHDR` chunk (the first chunk, 13 bytes of data); `png` unchanged for nil. `iTXt`, not
    /// `tEXt`, because `tEXt` is Latin-1 and the text has α, λ and Σ: its data is the keyword, a 0,
    /// compression flag and method 0 (uncompressed), an empty language tag and translated keyword (each
    /// ended by a 0), then the UTF-8 text; the CRC covers the chunk type and data.
    ///
    /// - Throws: ``EncodeError/misuse(_:)`` if `png` does not start with a PNG signature and `IHDR`.
    public static func png(_ metadata: FileMetadata?, inserting png: [UInt8]) throws(EncodeError) -> [UInt8] {
        guard let metadata else { return png }
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let ihdr: [UInt8] = [0, 0, 0, 13] + Array("IHDR".utf8)
        guard png.count > 33, png[0..<8].elementsEqual(signature), png[8..<16].elementsEqual(ihdr) else {
            throw .misuse("text goes into a PNG after its IHDR chunk; these bytes do not start with one")
        }
        var out = Array(png[0..<33])
        out.reserveCapacity(png.count + metadata.description.utf8.count + metadata.command.utf8.count + 80)
        out += iTXt(pngDescriptionKeyword, metadata.description)
        out += iTXt(pngCommandKeyword, metadata.command)
        out += png[33...]
        return out
    }

    /// One uncompressed `iTXt` chunk: length, type, data, CRC-32 of type and data.
    static func iTXt(_ keyword: String, _ text: String) -> [UInt8] {
        let data = Array(keyword.utf8) + [0, 0, 0, 0, 0] + Array(text.utf8)
        var chunk = bigEndian(UInt32(data.count)) + Array("iTXt".utf8) + data
        chunk += bigEndian(CRC32.checksum(chunk[4...]))
        return chunk
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
}
