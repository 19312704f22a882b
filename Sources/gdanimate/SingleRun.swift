import GDAnimateKit
import Rasterizer
#if canImport(Glibc)
import Glibc
#endif

/// One run of the command: options → visual → plan → staged files → published files, with warnings,
/// progress and the report on the terminal.
struct SingleRun {
    let options: VisualOptions
    let settings: RunOptions

    init(_ options: VisualOptions, settings: RunOptions) {
        self.options = options
        self.settings = settings
    }

    /// Plans, renders and publishes the visual, prints what the settings ask for, and returns the plan
    /// followed and the files written. The library's ``VisualError`` is thrown in the command line's
    /// words (``OptionNames``): a `ValidationError` (exit status 64) when the options alone are wrong, as
    /// a frame too small for the mode's panels, found only once planned.
    @discardableResult
    func perform() throws -> (plan: Plan, written: [WrittenFile]) {
        do { return try performInLibraryWords() } catch let error as VisualError { throw OptionNames.commandLineError(error) }
    }

    private func performInLibraryWords() throws -> (plan: Plan, written: [WrittenFile]) {
        var visual = try options.visual()
        visual.poster = settings.poster
        let (scenes, leftOut) = Self.scenes(options.mode, visual)
        if !settings.quiet, let leftOut { Terminal.printError("gdanimate: " + leftOut) }
        let data = try visual.loadData(for: scenes, threads: settings.threads)
        if !settings.quiet, let note = Self.longTraining(visual, scenes: scenes, points: data.count) { Terminal.printError("gdanimate: " + note) }
        // The history is written as training makes its rows: a run of 10⁸ updates never holds them all.
        var history: HistoryWriter?
        if let path = options.history {
            try Files.makeFolder(Files.parent(of: path))
            history = try HistoryWriter(path: path, visual: visual, mode: options.mode.description)
        }
        let plan = try Plan(visual, data: data, scenes: scenes, threads: settings.threads, history: history.map { h in { h.add($0) } })
        if !settings.quiet { for w in plan.warnings { Terminal.printError("gdanimate: " + OptionNames.message(w)) } }
        var staged: [Files.Staged] = []
        if let history { staged.append(try history.finish(plan)) }
        let progress = Progress(total: plan.scenes.reduce(0) { $0 + $1.frameCount }, enabled: !settings.quiet && isatty(2) != 0)
        // Everything is complete before any of it replaces what was there.
        let written = try plan.write(into: settings.output, renderer: Renderer(threads: settings.threads) { progress.advance(by: $0) }, with: staged)
        progress.finish()
        if !settings.quiet { Terminal.report(history: options.history, written: written, plan: plan) }
        if settings.describe { Terminal.describe(try plan.descriptions(), afterReport: !settings.quiet) }
        return (plan, written)
    }

    /// The scenes `mode` draws for `visual`, and what was left out: `--mode all` of several features
    /// draws the scenes of one run that show them (line, loss, contour) and leaves out those of the
    /// one-feature line (bsweep), saying so; a scene asked for by name is drawn or refused, never dropped.
    static func scenes(_ mode: Mode, _ visual: Visual) -> (scenes: [SceneKind], leftOut: String?) {
        guard mode == .all else { return (mode.scenes, nil) }
        var scenes = mode.scenes, notes: [String] = []
        if visual.featureCount > 1 {
            let dropped = scenes.filter { !$0.definition.drawsSeveralFeatures }
            scenes.removeAll { !$0.definition.drawsSeveralFeatures }
            if !dropped.isEmpty {
                notes.append("--mode all leaves out \(dropped.map(\.rawValue).joined(separator: ", ")): \(dropped.count == 1 ? "it draws" : "they draw") the line ŷ = m·x + b of one feature, and the data has \(visual.featureCount) features (θ = \(visual.parameterNames.joined(separator: ", ")))")
            }
        }
        if visual.penalty != nil {
            let dropped = scenes.filter { !$0.definition.drawsPenalty }
            scenes.removeAll { !$0.definition.drawsPenalty }
            if !dropped.isEmpty {
                notes.append("--mode all leaves out \(dropped.map(\.rawValue).joined(separator: ", ")): \(dropped.count == 1 ? "it draws" : "they draw") the unpenalised loss, and --penalty adds a penalty")
            }
        }
        return (scenes, notes.isEmpty ? nil : notes.joined(separator: "\ngdanimate: "))
    }

    /// Said before training when stochastic runs will visit points more than 5·10⁸ times (tens of seconds
    /// with nothing on the screen: --mode compare over 10⁷ points took 100 s); full-batch runs train on
    /// the data's statistics, whatever its size.
    static func longTraining(_ visual: Visual, scenes: [SceneKind], points: Int) -> String? {
        let stochastic = visual.runs(for: scenes).filter(\.isStochastic)
        let visits = Double(stochastic.count) * Double(visual.epochs) * Double(points)
        guard visits > 5e8 else { return nil }
        let names = Visual.names(stochastic)
        return "\(names.joined(separator: " and ")) visit\(names.count == 1 ? "s" : "") each of the \(NumberFormat.count(points)) points in every one of \(visual.epochs) epochs: \(NumberFormat.count(Int(visits))) point visits in \(stochastic.count) run\(stochastic.count == 1 ? "" : "s") before anything is drawn; this takes a while"
    }
}
