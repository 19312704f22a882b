/// What a file says about itself: a paragraph describing the picture and the command that remakes the
/// file, so that a GIF, PNG or WebP found on a slide says what it shows and how to make it again.
///
/// A sink finds its file's metadata in ``AnimationInfo/metadata`` under its format's name (``posterKey``
/// for the poster) and embeds it once, as bytes: a GIF comment extension (``gifComment(_:)``), PNG
/// `iTXt` chunks (``png(_:inserting:)``), a WebP `XMP ` chunk (``webp(_:adding:)``). Every text is
/// UTF-8 (the description has α, λ, Σ), and what the bytes hold is the same for any number of threads.
public struct FileMetadata: Sendable, Equatable {
    /// What the picture shows, in one paragraph of plain words.
    public var description: String
    /// The command line that remakes the file, or a sentence saying why no command line does.
    public var command: String

    /// The key of the poster still's metadata in ``AnimationInfo/metadata``.
    public static let posterKey = "poster"

    /// A file's metadata: `description` of the picture and the `command` that remakes it.
    public init(description: String, command: String) {
        self.description = description
        self.command = command
    }

    /// The description, a blank line and `Remake: COMMAND`: the one text of a format with one comment.
    public var text: String { "\(description)\n\nRemake: \(command)" }

    /// The GIF Comment Extension holding ``text`` (empty for nil): 0x21 0xFE, the UTF-8 bytes in
    /// sub-blocks of at most 255 bytes each led by its length, and a 0 terminator. A GIF89a file may
    /// have it anywhere between blocks; ``GIFSink`` puts it after the global colour table and the loop
    /// extension, before the first frame, where readers that keep one comment for the file (Pillow's
    /// `info["comment"]`) look.
    public static func gifComment(_ metadata: FileMetadata?) -> [UInt8] {
        guard let metadata else { return [] }
        let text = Array(metadata.text.utf8)
        var out: [UInt8] = [0x21, 0xFE]
        out.reserveCapacity(text.count + text.count / 255 + 4)
        var i = 0
        while i < text.count {
            let n = min(255, text.count - i)
            out.append(UInt8(n))
            out += text[i..<(i + n)]
            i += n
        }
        out.append(0)
        return out
    }
}
