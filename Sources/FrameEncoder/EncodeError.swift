import LibGD

/// Failures of encoding, with what to do about them.
public enum EncodeError: Error, CustomStringConvertible, Equatable {
    /// A frame of another size than the animation's.
    case sizeMismatch(expected: String, got: String)
    /// libgd refused an image or an encoding step; the value says which and why.
    case image(GDError)
    /// The first frame of a GIF cannot be a repeat: there is nothing before it to repeat.
    case repeatedFirstFrame
    /// Frames were added after `finish()`.
    case finished
    /// A frame sink was used before `open` or opened twice.
    case notOpen
    /// libwebp refused a step; the text is its reason.
    case webp(String)
    /// The ffmpeg program is missing, could not be started, or failed; the text says which, with the
    /// last lines ffmpeg printed.
    case ffmpeg(String)
    /// A sink was given what it cannot take: the wrong kind of destination, or a prepared frame of
    /// another sink's kind; the text says which.
    case misuse(String)
    /// The output would be larger than its format can carry or a reader can open; the text says how
    /// large, the limit, and what makes it smaller.
    case tooLarge(String)

    /// The failure in words for the user.
    public var description: String {
        switch self {
        case .sizeMismatch(let e, let g): return "frame is \(g), the animation is \(e)"
        case .image(let why): return why.description
        case .repeatedFirstFrame: return "an animation cannot start with a repeated frame"
        case .finished: return "frames were added after the animation was finished"
        case .notOpen: return "a frame sink was given frames before it was opened"
        case .webp(let why): return "libwebp: \(why)"
        case .ffmpeg(let why): return "ffmpeg: \(why)"
        case .misuse(let what): return what
        case .tooLarge(let why): return why
        }
    }
}
