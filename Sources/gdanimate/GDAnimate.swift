import ArgumentParser
import GDAnimateKit

/// The `gdanimate` command: one visual from the options, or (with `--manifest`) every visual of a
/// course set, handed to ``ManifestCommand``.
@main
struct GDAnimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gdanimate",
        abstract: "Render gradient descent on linear regression as animated GIFs and PNG frames.",
        discussion: """
        Fits ŷ = m·x + b by gradient descent on the mean squared error and draws each epoch.
        On success it prints one line per file written and the final fit beside the least-squares optimum.

        Examples:
          gdanimate --mode contour
              writes outputs/contour.gif for the default run (linear preset, lr 0.1, 100 epochs)
          gdanimate --mode all --data points.csv --lr 0.05 --epochs 200 --format both
              all four scenes of your own data, as GIFs and PNG frames
          gdanimate --init-m -2 --init-b -1.5
              starts the descent from (m, b) = (−2, −1.5)
        """
    )

    @OptionGroup(title: "Visual")
    var visual: VisualOptions

    @Option(help: ArgumentHelp("Render every visual of a course manifest (JSON) into --output, with a gallery page index.html; see README. Only --output, --poster, --threads, --describe and --quiet go with it.", valueName: "file.json"))
    var manifest: String?

    @OptionGroup(title: "Files and running")
    var settings: RunOptions

    /// Sends `--manifest` runs to ``ManifestCommand``, which has no per-visual options, so that one given
    /// beside a manifest is refused by the parser rather than ignored.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if ManifestCommand.isRequested(arguments) { ManifestCommand.main(arguments) } else { main(arguments) }
    }

    func run() throws {
        Signals.installCleanup()
        Memory.keepFramesInHeap()
        do {
            try SingleRun(visual, settings: settings).perform()
        } catch {
            Signals.quietIfInterrupted()
            throw error
        }
    }
}

/// Options that belong to a whole run (and so, with `--manifest`, to the whole set).
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for the files (created if missing).", valueName: "dir"))
    var output: String = "outputs"

    @Flag(help: "Also write the last frame as DIR/<mode>.png, a still for slides.")
    var poster = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads for rendering and compression (default: one per processor). Output is byte-identical for any number.", valueName: "n"))
    var threads: Int?

    @Flag(help: "Print each visual in plain words on stdout (what is drawn, where the run started and ended, how far the loss fell and by which epoch, whether it diverged and why). Every file written carries the same paragraph and the command that remakes it.")
    var describe = false

    @Flag(help: "Print nothing but errors (and the descriptions --describe asks for).")
    var quiet = false

    func validate() throws {
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be from 1 to 64 (got \(threads))") }
    }
}
