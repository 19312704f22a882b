/// A visual that cannot be made as described, with what to change. The message names the setting as the
/// command line spells it (`--lr`), which is also the manifest's key without the dashes.
public struct VisualError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is wrong and what to give instead.
    public var description: String
    /// Whether an option's value alone is wrong, whatever the data (a frame too small for the mode's
    /// panels), found only once the visual was planned: the command line exits with its usage status, 64.
    public var isOptionValue: Bool

    /// An error saying `description`.
    ///
    /// - Parameters:
    ///   - description: What is wrong and what to give instead, naming the option.
    ///   - isOptionValue: The option's value alone is wrong, whatever the data.
    public init(_ description: String, isOptionValue: Bool = false) {
        self.description = description
        self.isOptionValue = isOptionValue
    }
}
