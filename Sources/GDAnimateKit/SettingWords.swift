/// How a message names settings: by their Swift names (``library``), or as the command line spells them
/// (its flags). Each error and warning is one sentence, worded once, with the names put in.
package struct SettingWords: Sendable {
    /// The name of each setting.
    package var name: @Sendable (Visual.Property) -> String
    /// Whether the names are the command line's: a few sentences say what to type differently.
    package var commandLine: Bool

    package init(commandLine: Bool, name: @escaping @Sendable (Visual.Property) -> String) {
        self.name = name
        self.commandLine = commandLine
    }

    /// Settings named as a Swift program names them.
    package static let library = SettingWords(commandLine: false) { $0.description }

    /// The setting's name.
    package subscript(_ p: Visual.Property) -> String { name(p) }
    /// The setting with a value: `--mode compare`, `scene compare`.
    package subscript(_ p: Visual.Property, _ value: String) -> String { "\(name(p)) \(value)" }
}
