import ArgumentParser
import GDAnimateKit

/// The library's errors and warnings in the command line's words: each setting named by its option,
/// and the exit status an error ends with.
enum OptionNames {
    /// The option that sets `property` (`learningRate` is `--lr`); a manifest's key is the same without
    /// the dashes.
    static func flag(_ property: Visual.Property) -> String {
        switch property {
        // A value of --hold-start is one of --hold: the flag holds the first frame as long as the last.
        case .holdStart: "--hold"
        case .camera: "--elevation, --azimuth and --orbit"
        default: "--" + property.option!
        }
    }

    /// Settings named by their options.
    static let words = SettingWords(commandLine: true, name: flag)

    /// `error` as the command line says it: a usage error (exit status 64) when the options alone are
    /// wrong, whatever the data; otherwise an error of status 1.
    static func commandLineError(_ error: VisualError) -> any Error {
        let message = error.message(words)
        return error.isSettingsOnly ? ValidationError(message) : Failure(description: message)
    }

    /// `warning` as the command line says it.
    static func message(_ warning: PlanWarning) -> String { warning.message(words) }

    /// An error the command line reports as it is, with exit status 1.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
