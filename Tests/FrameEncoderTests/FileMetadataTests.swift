import LibGD
import Testing
@testable import FrameEncoder
import Rasterizer

/// The description and command embedded as bytes: a GIF comment extension, PNG `iTXt` chunks with
/// correct CRCs, a WebP `XMP ` chunk; and the pictures around them unchanged (the file without the
/// inserted bytes is the file written without metadata, and it still decodes).
struct FileMetadataTests {
    typealias Memory = WebPSinkTests.Memory

    /// Text with the characters the descriptions use (α, λ, Σ, −) and the ones XML and HTML escape,
    /// long enough (over 255 bytes) to need several GIF sub-blocks.
    static let notes = FileMetadata(
        description: String(repeating: "α = 0.1 < 2/λmax; J = 1/n Σ (y − ŷ)² & \"m\" 'b'. ", count: 12),
        command: "gdanimate --mode contour --lr 0.05 --init-m -1 --name 'a b'")

    static let frames = [
        GIFEncoderTests.frame(24, 16) { x, _ in x < 12 ? 0xFFFFFF : 0x0072B2 },
        GIFEncoderTests.frame(24, 16) { x, y in x < 12 ? (y == 3 ? 0xD55E00 : 0xFFFFFF) : 0x0072B2 },
    ]

    /// The bytes the sink `make` makes writes for the two frames, with `metadata` under `key`.
    static func write(_ make: (Memory) -> any FrameSink, key: String, metadata: FileMetadata?) throws -> [UInt8] {
        let output = Memory()
        let sink = make(output)
        let info = AnimationInfo(width: 24, height: 16, frameCount: 2, timing: AnimationTiming(fps: 10, holdEnd: 1),
                                 metadata: metadata.map { [key: $0] } ?? [:])
        try sink.open(info) { frames }
        let worker = try sink.makeWorker()
        for (k, f) in frames.enumerated() { try sink.add(try worker.prepare(f, index: k, after: k > 0 ? frames[k - 1] : nil), delay: 10) }
        _ = try sink.finish()
        return output.bytes
    }

    @Test func gifCommentIsSubBlocksAndTheFramesAreUnchanged() throws {
        let block = FileMetadata.gifComment(Self.notes)
        let text = Array(Self.notes.text.utf8)
        #expect(text.count > 510)
        // 0x21 0xFE, then 255-byte sub-blocks each led by its length, the rest, and a 0.
        #expect(block.starts(with: [0x21, 0xFE, 255]) && block.last == 0)
        var payload: [UInt8] = [], i = 2
        while block[i] != 0 { payload += block[(i + 1)...(i + Int(block[i]))]; i += Int(block[i]) + 1 }
        #expect(payload == text && i == block.count - 1)
        #expect(FileMetadata.gifComment(nil).isEmpty)

        let plain = try Self.write(GIFSink.init, key: "gif", metadata: nil)
        let noted = try Self.write(GIFSink.init, key: "gif", metadata: Self.notes)
        // The comment sits before the first frame; taken out, the file is the one written without it.
        let at = try #require(Self.find(block, in: noted))
        #expect(at < Self.find([0x21, 0xF9], in: noted)!)
        #expect(Array(noted[..<at] + noted[(at + block.count)...]) == plain)
        let structure = try GIFStructure(noted), plainStructure = try GIFStructure(plain)
        #expect(structure.delays == plainStructure.delays && structure.frames.count == plainStructure.frames.count)
        let decoded = try GDImage(decoding: noted)
        #expect(decoded.width == 24 && decoded.color(x: 20, y: 3) == 0x0072B2 && decoded.color(x: 2, y: 3) == 0xFFFFFF)
    }

    @Test func pngTextChunksFollowIHDRWithZlibsCRC() throws {
        // The CRC's check value, and every CRC libgd's zlib wrote into a PNG of its own.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        let plain = try PNGEncoder.encode(Self.frames[1])
        for chunk in Self.chunks(plain) { #expect(CRC32.checksum(chunk.typeAndData) == chunk.crc, "\(chunk.type)") }

        let noted = try FileMetadata.png(Self.notes, inserting: plain)
        let chunks = Self.chunks(noted)
        #expect(chunks.map(\.type).prefix(3) == ["IHDR", "iTXt", "iTXt"])
        for chunk in chunks { #expect(CRC32.checksum(chunk.typeAndData) == chunk.crc, "\(chunk.type)") }
        // keyword, 0, flag 0, method 0, empty language tag and translated keyword, UTF-8 text.
        #expect(Array(chunks[1].typeAndData.dropFirst(4)) == Array("Description".utf8) + [0, 0, 0, 0, 0] + Array(Self.notes.description.utf8))
        #expect(Array(chunks[2].typeAndData.dropFirst(4)) == Array("Software".utf8) + [0, 0, 0, 0, 0] + Array(Self.notes.command.utf8))
        // Without the two chunks it is the PNG libgd wrote; it still decodes to the same picture.
        let inserted = chunks[1].length + chunks[2].length + 24
        #expect(Array(noted[..<33] + noted[(33 + inserted)...]) == plain)
        let image = try GDImage(decoding: noted)
        #expect(image.color(x: 2, y: 3) == 0xD55E00 && image.color(x: 20, y: 0) == 0x0072B2)
        #expect(throws: EncodeError.self) { try FileMetadata.png(Self.notes, inserting: Array("GIF89a".utf8)) }
        #expect(try FileMetadata.png(nil, inserting: plain) == plain)
    }

    @Test func everyPNGFrameAndThePosterCarryTheirOwnNotes() throws {
        final class Folder: FrameFolder {
            var files: [String: [UInt8]] = [:]
            func write(_ bytes: [UInt8], name: String) throws { files[name] = bytes }
        }
        let folder = Folder()
        let info = AnimationInfo(width: 24, height: 16, frameCount: 2, timing: AnimationTiming(),
                                 metadata: ["png": Self.notes, FileMetadata.posterKey: FileMetadata(description: "d", command: "c")])
        let frames = PNGFramesSink(folder: folder), posterOut = Memory(), poster = PosterSink(output: posterOut)
        for sink in [frames, poster] as [any FrameSink] {
            try sink.open(info) { [] }
            let worker = try sink.makeWorker()
            for (k, f) in Self.frames.enumerated() { try sink.add(try worker.prepare(f, index: k, after: nil), delay: 5) }
            _ = try sink.finish()
        }
        #expect(folder.files.count == 2)
        for (_, png) in folder.files { #expect(Self.chunks(png)[2].typeAndData.dropFirst(4).elementsEqual(Array("Software".utf8) + [0, 0, 0, 0, 0] + Array(Self.notes.command.utf8))) }
        #expect(Self.chunks(posterOut.bytes)[1].typeAndData.dropFirst(4).elementsEqual(Array("Description".utf8) + [0, 0, 0, 0, 0, UInt8(ascii: "d")]))
    }

    @Test func webpGetsAnXMPChunkAndKeepsItsFrames() throws {
        let plain = try Self.write(WebPSink.init, key: "webp", metadata: nil)
        let noted = try Self.write(WebPSink.init, key: "webp", metadata: Self.notes)
        let chunks = WebPSinkTests.chunks(noted)
        // RIFF size is the file less 8; VP8X flags say XMP (bit 2) and animation (bit 1).
        let riff = Int(noted[4]) | Int(noted[5]) << 8 | Int(noted[6]) << 16 | Int(noted[7]) << 24
        #expect(riff == noted.count - 8)
        let vp8x = try #require(chunks.first { $0.0 == "VP8X" }?.1)
        #expect(vp8x[vp8x.startIndex] & 0x04 != 0 && vp8x[vp8x.startIndex] & 0x02 != 0)
        let xmp = try #require(chunks.first { $0.0 == "XMP " }?.1)
        #expect(String(decoding: xmp, as: UTF8.self) == Self.notes.xmp)
        // The frames are the ones written without metadata.
        let frames = { (c: [(String, ArraySlice<UInt8>)]) in c.filter { $0.0 == "ANMF" || $0.0 == "ANIM" }.map { Array($0.1) } }
        #expect(frames(chunks) == frames(WebPSinkTests.chunks(plain)) && !frames(chunks).isEmpty)
        #expect(WebPSink.frameChunks(noted) == WebPSink.frameChunks(plain))
        // Escaped for XML: the description's <, &, quotes do not end an element.
        #expect(Self.notes.xmp.contains("&lt; 2/λmax; J = 1/n Σ (y − ŷ)² &amp; &quot;m&quot; &apos;b&apos;"))
        #expect(!Self.notes.xmp.contains("< 2/λmax"))
    }

    // MARK: Helpers

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    struct Chunk { var type: String; var length: Int; var typeAndData: ArraySlice<UInt8>; var crc: UInt32 }

    /// The chunks of a PNG, read by their lengths.
    static func chunks(_ b: [UInt8]) -> [Chunk] {
        func u32(_ i: Int) -> UInt32 { UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]) }
        var out: [Chunk] = [], i = 8
        while i + 12 <= b.count {
            let n = Int(u32(i))
            out.append(Chunk(type: String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self), length: n, typeAndData: b[(i + 4)..<(i + 8 + n)], crc: u32(i + 8 + n)))
            i += 12 + n
        }
        return out
    }
}
