import Foundation
import Testing
@testable import FrameEncoder
import Rasterizer
import CZlib
import TestDecoders

/// The player page read back as a reader would: its JSON parsed by Foundation (not by the writer), its
/// stills checked as WebP files chunk by chunk, its times against the frames given, its text safe in
/// its `<script>`, and a page over the limit refused. Its stills are decoded by libwebp and laid over
/// each other as the player lays them; the pixels are also checked in a real browser against Pillow's
/// decoding of the WebP (Scripts/check_player.py).
struct HTMLSinkTests {
    typealias Memory = WebPSinkTests.Memory

    /// Writes frames a, b, b, a (delays 5, 5, 5, 4 cs) to a player with `notes`.
    static func page(notes: PlayerNotes?, description: String = "A test picture.", limit: Int = HTMLSink.defaultSizeLimit) throws -> String {
        let a = GIFEncoderTests.frame(24, 16) { x, _ in x < 12 ? 0xFFFFFF : 0x0072B2 }
        var b = a
        b.pixels[3 * 24 + 5] = 0xD55E00
        let out = Memory()
        let sink = HTMLSink(output: out, sizeLimit: limit)
        var info = AnimationInfo(width: 24, height: 16, frameCount: 4, timing: AnimationTiming(fps: 20, holdEnd: 1, loop: 2),
                                 metadata: ["html": FileMetadata(description: description, command: "gdanimate --format html")])
        info.notes = notes
        try sink.open(info) { [a, b] }
        let worker = try sink.makeWorker()
        for (k, (frame, delay)) in [(a, 5), (b, 5), (b, 5), (a, 4)].enumerated() {
            try sink.add(try worker.prepare(frame, index: k, after: nil), delay: delay)
        }
        let summary = try sink.finish()
        #expect(summary.bytes == out.bytes.count)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func data(_ page: String) throws -> [String: Any] {
        let start = try #require(page.range(of: "<script type=\"application/json\" class=\"gd-data\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8))
        return try #require(json as? [String: Any])
    }

    static let notes = PlayerNotes(title: "test: two frames", columns: [.init(name: "epoch", label: "epoch", isCount: true), .init(name: "m", label: "m"),
                                                                       .init(name: "lr", label: "α")],
                                   runs: [.init(label: "", values: [0, 0.1, 0.5, 1, 1.0 / 3, 0.5, 2, -2.5e-300, 0.5, 3, .pi, 0.5])],
                                   chapters: [.init(frame: 0, title: "Start"), .init(frame: 2, title: "</script><b>")])

    @Test func timesStillsAndNumbersReadBack() throws {
        let page = try Self.page(notes: Self.notes)
        let d = try Self.data(page)
        // Frame times: each frame's delay, the end hold (1 s) on the last; the loop count as plays.
        #expect(d["delays"] as? [Int] == [50, 50, 50, 40 + 1000])
        #expect(d["plays"] as? Int == 3)
        // The repeat of b changed nothing: it draws no still.
        #expect(d["frames"] as? [Int] == [0, 1, -1, 2])
        let images = try #require(d["images"] as? [String])
        #expect(images.count == 3)
        for b64 in images {
            let webp = try #require(Data(base64Encoded: b64))
            #expect(webp.starts(with: Array("RIFF".utf8)) && webp[8..<16].elementsEqual("WEBPVP8L".utf8))
            // The RIFF size covers the file exactly.
            let size = Int(webp[4]) | Int(webp[5]) << 8 | Int(webp[6]) << 16 | Int(webp[7]) << 24
            #expect(size + 8 == webp.count)
        }
        let stills = try #require(d["stills"] as? [[Int]])
        #expect(stills[0] == [0, 0, 24, 16, stills[0][4]])   // the first frame whole
        // Each still decoded by libwebp and laid over the canvas as the player does (at x, y; flag 1
        // blends, so a transparent pixel keeps what was there; flag 2 clears the rectangle after its
        // time) gives the frames fed in, a, b, a: three colours, all in the palette, so exact.
        let a = GIFEncoderTests.frame(24, 16) { x, _ in x < 12 ? 0xFFFFFF : 0x0072B2 }
        var b = a
        b.pixels[3 * 24 + 5] = 0xD55E00
        var canvas = [UInt32](repeating: 0, count: 24 * 16)
        for (still, (rect, expected)) in zip(images, zip(stills, [a, b, a])) {
            let decoded = try WebPReader([UInt8](try #require(Data(base64Encoded: still))))
            let (x0, y0, w, h, flags) = (rect[0], rect[1], rect[2], rect[3], rect[4])
            #expect(decoded.width == w && decoded.height == h && decoded.frames.count == 1)
            for y in 0..<h { for x in 0..<w {
                let q = decoded.frames[0].pixels[y * w + x]
                if flags & 1 == 0 || q >> 24 != 0 { canvas[(y0 + y) * 24 + x0 + x] = q }
            } }
            #expect(canvas == expected.pixels.map { 0xFF00_0000 | $0 })
            if flags & 2 != 0 { for y in y0..<(y0 + h) { for x in x0..<(x0 + w) { canvas[y * 24 + x] = 0 } } }
        }
        // Numbers: counts as whole numbers, a constant column once, others as exact doubles.
        let run = try #require((d["runs"] as? [[String: Any]])?.first)
        let columns = try #require(run["columns"] as? [Any])
        #expect(columns[0] as? [Int] == [0, 1, 2, 3])
        #expect(columns[2] as? Double == 0.5)
        let text = try #require(columns[1] as? String)
        let packed = try #require(Data(base64Encoded: text))
        let values = (0..<4).map { i in Double(bitPattern: packed[(8 * i)..<(8 * i + 8)].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }) }
        #expect(values == [0.1, 1.0 / 3, -2.5e-300, .pi])
        // Text that could end the script element is escaped, and nothing is fetched.
        #expect(!page.contains("</script><b>"))
        #expect(((d["chapters"] as? [[Any]])?[1][1] as? String) == "</script><b>")
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains(" src="))
        #expect(page.contains("default-src 'none'"))
        #expect(page.contains("<title>test: two frames</title>"))
    }

    @Test func theDescriptionNamesTheCanvasAndIsEscaped() throws {
        let page = try Self.page(notes: nil, description: "A \"quoted\" <b>bold</b> picture & more.")
        #expect(page.contains("A &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt; picture &amp; more."))
        let id = try #require(page.firstMatch(of: /aria-labelledby="([^"]+)"/)?.1)
        #expect(page.contains("<p id=\"\(id)\">A &quot;quoted&quot;"))
        // Without notes there are no numbers but the frames still play.
        #expect((try Self.data(page)["runs"] as? [Any])?.isEmpty == true)
    }

    @Test func aPageOverTheLimitIsRefusedWithItsSize() throws {
        #expect {
            _ = try Self.page(notes: Self.notes, limit: 2_000)
        } throws: { error in
            guard case EncodeError.tooLarge(let why) = error else { return false }
            return why.contains("MB") && why.contains("--frames")
        }
    }

    /// The script is sent packed by zlib; unpacked by zlib's own inflate it is the script.
    @Test func thePackedScriptUnpacks() throws {
        let packed = try Deflate.compress(Array(PlayerScript.minified.utf8))
        #expect(packed.count < PlayerScript.minified.utf8.count / 2)
        #expect(packed[0] == 0x78)   // a zlib stream (deflate, 32K window)
        var size = uLong(PlayerScript.minified.utf8.count * 2)
        var out = [UInt8](repeating: 0, count: Int(size))
        #expect(uncompress(&out, &size, packed, uLong(packed.count)) == Z_OK)
        #expect(String(decoding: out[0..<Int(size)], as: UTF8.self) == PlayerScript.minified)
        #expect(Base64.encode(Array("Man".utf8)) == "TWFu" && Base64.encode(Array("Ma".utf8)) == "TWE=" && Base64.encode([0xFF]) == "/w==")
        #expect(!PlayerScript.minified.contains("\n//"))
    }
}
