/// A visual that cannot be made as described, with what to change. The message names the setting as the
/// command line spells it (`--lr`), which is also the manifest's key without the dashes.
public struct VisualError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is wrong and what to give instead.
    public var description: String

    /// An error saying `description`.
    ///
    /// - Parameter description: What is wrong and what to give instead, naming the option.
    public init(_ description: String) { self.description = description }
}
