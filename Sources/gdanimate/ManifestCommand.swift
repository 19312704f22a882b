import ArgumentParser
import GDAnimateKit

/// `gdanimate --manifest FILE`: every visual of a course set, with the options that apply to the whole
/// set and no others.
struct ManifestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gdanimate", abstract: "Render every visual of a course manifest.")

    @Option(help: ArgumentHelp("The course manifest (JSON).", valueName: "file.json"))
    var manifest: String

    @OptionGroup var settings: RunOptions

    /// Whether `arguments` ask for a manifest run (`--manifest FILE` or `--manifest=FILE`).
    static func isRequested(_ arguments: [String]) -> Bool {
        arguments.contains { $0 == "--manifest" || $0.hasPrefix("--manifest=") } && !arguments.contains { $0 == "--help" || $0 == "-h" }
    }

    /// Parses and runs; a per-visual option is named as such, not as an unknown option.
    static func main(_ arguments: [String]) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if let flag = arguments.first(where: { a in a.hasPrefix("--") && !known.contains(String(a.prefix { $0 != "=" })) }),
               fullMessage(for: error).contains("Unknown option") {
                let message = "\(flag.prefix { $0 != "=" }) is a per-visual option; with --manifest give it in the manifest's \"options\" (only --output, --poster, --threads, --describe and --quiet apply to the whole set)"
                exit(withError: ValidationError(message))
            }
            exit(withError: error)
        }
    }

    static let known: Set<String> = ["--manifest", "--output", "--poster", "--threads", "--describe", "--quiet"]

    func run() throws {
        Signals.installCleanup()
        Memory.keepFramesInHeap()
        do {
            try Manifest.render(manifest, settings: settings)
        } catch {
            Signals.quietIfInterrupted()
            throw error
        }
    }
}
