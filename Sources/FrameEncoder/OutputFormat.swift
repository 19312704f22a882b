/// A kind of output a visual can be written as: its name on the command line and in manifests, where its
/// bytes go, what it needs outside this program, and how to make its sink. Adding a format is one new file
/// that defines its sink and a static `OutputFormat`, plus one line in ``registered``.
public struct OutputFormat: Hashable, Sendable, CustomStringConvertible {
    /// Where a format's bytes go, relative to the visual's base name NAME.
    public enum Place: Hashable, Sendable {
        /// One file, NAME.`extension`.
        case file(extension: String)
        /// A folder NAME/ of numbered frames.
        case folder
    }

    /// The output a sink is given: a stream for a file format, a folder for a folder format.
    public enum Destination {
        case file(any ByteStream)
        case folder(any FrameFolder)
    }

    /// The name used by `--format` and manifests: `gif`, `png`.
    public let name: String
    /// One line for help texts.
    public let summary: String
    /// Where the bytes go: one file, or a folder of frames.
    public let place: Place
    /// Checks that what the format needs outside this program (a program such as ffmpeg) is there, and
    /// throws an error naming it and its package when it is not; nil for a format that needs nothing.
    public let requirement: (@Sendable () throws -> Void)?
    private let make: @Sendable (Destination) throws -> any FrameSink

    /// A format called `name`, described by `summary`, whose bytes go to `place`; `requirement` checks
    /// what it needs outside this program (nil: nothing), `make` builds a sink for a destination of that kind.
    public init(name: String, summary: String, place: Place, requirement: (@Sendable () throws -> Void)? = nil,
                make: @escaping @Sendable (Destination) throws -> any FrameSink) {
        self.name = name
        self.summary = summary
        self.place = place
        self.requirement = requirement
        self.make = make
    }

    /// A new sink writing to `destination`; throws ``EncodeError/misuse(_:)`` when it does not match ``place``.
    public func makeSink(_ destination: Destination) throws -> any FrameSink { try make(destination) }

    /// Throws ``requirement``'s error when what the format needs is missing; returns at once for a format
    /// that needs nothing. Called before anything is drawn, so a missing program stops a run that has
    /// written nothing.
    public func checkRequirement() throws { try requirement?() }

    /// The format's name.
    public var description: String { name }
    /// Formats are equal when their names are.
    public static func == (a: OutputFormat, b: OutputFormat) -> Bool { a.name == b.name }
    /// Hashes the name only, as `==` compares it.
    public func hash(into h: inout Hasher) { h.combine(name) }

    /// Every format, in the order help texts list them.
    public static let registered: [OutputFormat] = [.gif, .webp, .mp4, .png, .html]

    /// The registered format called `name`, if any.
    public static func named(_ name: String) -> OutputFormat? { registered.first { $0.name == name } }
}
