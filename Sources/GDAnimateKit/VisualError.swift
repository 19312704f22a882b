/// A visual that cannot be made as described, with what to change. The message names the setting as the
/// command line spells it (`--lr`), which is also the manifest's key without the dashes.
public struct VisualError: Error, CustomStringConvertible, Equatable, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
