import FrameEncoder
import Rasterizer
import Training

extension Visual {
    /// Why no `gdanimate` command line builds this visual, in words, or nil when one does: points given
    /// in a program, a start hold other than none or the end hold (the command line's `--hold-start`
    /// holds the first frame as long as the last), a CSV column the command line would read otherwise,
    /// or a format of the program's own.
    public var commandLineObstacle: String? {
        switch data {
        case .points(let points):
            return "it was made from \(points.count) points given in a program (\(points.source)), which no command line can pass"
        case .file(_, let x, let y):
            for column in [x, y].compactMap({ $0 }) where CSVData.Column(column.text) != column {
                return "its CSV column \(column) would be read as another column from the command line"
            }
        case .preset: break
        }
        if timing.holdStart != 0 && timing.holdStart != timing.holdEnd {
            return "it holds its first frame \(NumberFormat.significant(timing.holdStart)) s and its last \(NumberFormat.significant(timing.holdEnd)) s, and the command line's --hold-start holds both for --hold seconds"
        }
        if comparedSchedules != nil && (compared != Self.defaultCompared || schedule != .constant) {
            return "it compares learning-rate schedules and also sets other optimizers or its own schedule, which the command line takes one at a time"
        }
        if let own = formats.first(where: { OutputFormat.named($0.name) == nil }) {
            return "it is written in the program's own format '\(own.name)'"
        }
        return nil
    }

    /// The arguments after `gdanimate` that build exactly this visual (parsed, they give a `Visual`
    /// equal to this one), or nil when ``commandLineObstacle`` says why none do.
    ///
    /// Options at their defaults are left out; the rest come in the order `gdanimate --help` lists
    /// them, `--mode` first and `--poster` last. Paths are as given (a relative path stays relative),
    /// and numbers are written with the fewest digits that read back as the same `Double`.
    public var arguments: [String]? {
        guard commandLineObstacle == nil else { return nil }
        let d = Visual(scene: scene)
        var a = ["--" + Property.scene.option!, scene.rawValue]
        // Options are named by the one table of their names (`Property.option`), but the preset's and the
        // y column's, which set parts of `data`.
        func add(_ option: String, _ value: String) {
            // A value that starts with "-" and is not a number would be read as an option.
            if value.hasPrefix("-") && Double(value) == nil { a.append("--\(option)=\(value)") } else { a += ["--\(option)", value] }
        }
        func add(_ p: Property, _ value: String) { add(p.option!, value) }
        func add(_ p: Property, _ value: Double, unless standard: Double?) { if value != standard { add(p, Self.number(value)) } }
        func flag(_ p: Property) { a.append("--" + p.option!) }
        if let name { add(.name, name) }
        switch data {
        case .file(let path, let x, let y):
            add(.data, path)
            if let x { add(.extraXColumns, ([x] + extraXColumns).map(\.text).joined(separator: ",")) }
            if let y { add("y-column", y.text) }
        case .preset(let preset): if preset != .linear { add("dataset", preset.rawValue) }
        case .points: return nil
        }
        if standardize { flag(.standardize) }
        if let axes { add(.axes, axes.joined(separator: ",")) }
        if let degree { add(.degree, "\(degree)") }
        if let validation { add(.validation, validation, unless: nil) }
        if let penalty {
            add(.penalty, penalty.kind.rawValue)
            add(.lambda, penalty.lambda, unless: Self.defaultLambda)
            if penalty.kind == .elastic { add(.l1Ratio, penalty.l1Ratio, unless: Self.defaultL1Ratio) }
        }
        if seed != d.seed { add(.seed, "\(seed)") }
        if optimizer != d.optimizer { add(.optimizer, optimizer.rawValue) }
        if compared != d.compared { add(.compared, compared.map(\.rawValue).joined(separator: ",")) }
        add(.momentum, momentum, unless: d.momentum)
        add(.beta1, beta1, unless: d.beta1)
        add(.beta2, beta2, unless: d.beta2)
        add(.rmsDecay, rmsDecay, unless: d.rmsDecay)
        if let sweepRates { add(.sweepRates, sweepRates.map(Self.number).joined(separator: ",")) }
        if batchSize != d.batchSize { add(.batchSize, "\(batchSize)") }
        // Schedules: the names, then each setting that differs from its standard value (the settings
        // are shared by the run's schedule and the compared ones, as on the command line).
        if schedule != .constant { add(.schedule, schedule.name) }
        if let comparedSchedules { add(.comparedSchedules, comparedSchedules.map(\.name).joined(separator: ",")) }
        var settings: [String: Double] = [:]
        for s in [schedule] + (comparedSchedules ?? []) {
            let standard = LearningRateSchedule.standard(s.name, epochs: epochs)!.settings
            for (setting, given) in zip(s.settings, standard) where setting.value != given.value && settings[setting.name] == nil {
                settings[setting.name] = setting.value
            }
        }
        // `LearningRateSchedule.settings` names its settings as their options do.
        for p in [Property.scheduleEvery, .scheduleGamma, .scheduleMinimum, .scheduleDecay] {
            if let value = settings[p.option!] { add(p, p == .scheduleEvery ? "\(Int(value))" : Self.number(value)) }
        }
        if snapshot != d.snapshot { add(.snapshot, snapshot.rawValue) }
        add(.learningRate, learningRate, unless: d.learningRate)
        if epochs != d.epochs { add(.epochs, "\(epochs)") }
        add(.initialM, initialM, unless: d.initialM)
        add(.initialB, initialB, unless: d.initialB)
        if let fixedM { add(.fixedM, fixedM, unless: nil) }
        if formats != d.formats { add(.formats, formats.isEmpty ? "none" : formats.map(\.name).joined(separator: ",")) }
        if let width { add(.width, "\(width)") }
        if let height { add(.height, "\(height)") }
        if let frames { add(.frames, "\(frames)") }
        if timing.fps != d.timing.fps { add(.fps, "\(timing.fps)") }
        add(.holdEnd, timing.holdEnd, unless: d.timing.holdEnd)
        if timing.loop != d.timing.loop { add(.loop, "\(timing.loop)") }
        if timing.holdStart != 0 && timing.holdStart == timing.holdEnd { flag(.holdStart) }
        if lossScale != d.lossScale { add(.lossScale, lossScale.rawValue) }
        if markBest { flag(.markBest) }
        if !readout { a.append("--no-" + Property.readout.option!) }
        if arrows { flag(.arrows) }
        if theme != d.theme { add(.theme, theme.name) }
        if background != d.background { add(.background, background.rawValue) }
        add(.elevation, camera.elevation, unless: d.camera.elevation)
        if let azimuth = camera.azimuth { add(.azimuth, azimuth, unless: nil) }
        add(.orbit, camera.orbit, unless: d.camera.orbit)
        if surfacePanel { flag(.surfacePanel) }
        if poster { flag(.poster) }
        return a
    }

    /// The command that remakes one file of `scene` exactly, byte for byte, in the default folder
    /// `outputs` (the folder changes nothing in the file, so none is named): `gdanimate` with this
    /// visual's options, `--mode` the scene's own (a `--mode all` run writes four scenes, and each is
    /// drawn the same by its own mode), `--name` when the file's name is not the scene's, and only the
    /// file's own format: `--format webp` for NAME.webp, `--format none --poster` for the poster
    /// (`format` nil). A visual no command line can build gets a sentence saying why instead.
    ///
    /// - Parameters:
    ///   - scene: A scene of this visual's ``Plan``.
    ///   - format: The format of the file, or nil for the poster NAME.png.
    public func remakeCommand(for scene: PlannedScene, format: OutputFormat?) -> String {
        var one = self
        one.scene = scene.kind
        one.name = scene.name == scene.kind.rawValue ? nil : scene.name
        one.formats = format.map { [$0] } ?? []
        one.poster = format == nil
        // The sweep's rates, the compared optimizers and the fixed slope stay even where the scene does
        // not draw them: a shorter command would be a different visual, and its files would say so.
        guard let arguments = one.arguments else {
            return "no gdanimate command line remakes this file: \(one.commandLineObstacle!)."
        }
        return Self.shell(["gdanimate"] + arguments)
    }

    /// `value` in the fewest digits that read back as the same `Double` ("0.1", "100", "-1.5", "1e-05").
    static func number(_ value: Double) -> String { value.roundTripText }

    /// The words joined into one line a POSIX shell reads back as the same words: each word that holds
    /// anything but letters, digits and `-_.,/=+:` is single-quoted.
    public static func shell(_ words: [String]) -> String {
        words.map { w in
            !w.isEmpty && w.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.,/=+:".contains($0) })
                ? w : "'" + w.map { $0 == "'" ? "'\\''" : String($0) }.joined() + "'"
        }.joined(separator: " ")
    }
}

extension Plan {
    /// What each file of `scene` says about itself: the scene's ``PlannedScene/description`` and the
    /// command that remakes that file (``Visual/remakeCommand(for:format:)``), keyed by format name
    /// and, for the poster, `FileMetadata.posterKey`. The sinks embed them (a GIF comment, PNG text
    /// chunks, WebP XMP), so a file found on a slide says what it shows and how to make it again.
    public func fileMetadata(for scene: PlannedScene) -> [String: FileMetadata] {
        let description = scene.description
        var notes: [String: FileMetadata] = [:]
        for format in visual.formats {
            notes[format.name] = FileMetadata(description: description, command: visual.remakeCommand(for: scene, format: format))
        }
        if visual.poster {
            notes[FileMetadata.posterKey] = FileMetadata(description: description, command: visual.remakeCommand(for: scene, format: nil))
        }
        return notes
    }
}
