/// A libgd call that failed, with what was asked of it and the cause libgd or the caller gave.
///
/// libgd reports most failures as a NULL pointer or an error string; this turns each into a value a user
/// can read. Invalid sizes are caught before libgd is asked, so they name the size, not "out of memory".
public enum GDError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Width or height outside 1…`GDImage.maximumSide`.
    case invalidSize(width: Int, height: Int)
    /// libgd could not allocate an image of this size.
    case outOfMemory(width: Int, height: Int)
    /// A palette image already holds its 256 colours.
    case paletteFull
    /// FreeType, through libgd, could not set the text; `reason` is libgd's own message.
    case text(reason: String)
    /// Encoding failed; `what` says which step (a GIF frame, a PNG).
    case encoding(String)

    /// The failure in words a user can read.
    public var description: String {
        switch self {
        case .invalidSize(let w, let h): return "an image of \(w)×\(h) pixels is not possible (each side must be 1 to \(GDImage.maximumSide))"
        case .outOfMemory(let w, let h): return "not enough memory for a \(w)×\(h) image"
        case .paletteFull: return "a palette image takes at most 256 colours"
        case .text(let reason): return "text rendering failed: \(reason)"
        case .encoding(let what): return "libgd could not encode \(what)"
        }
    }
}
