import GDAnimateKit
import Testing

/// The option values of one random command line as they take effect (the defaults where an option was
/// left out), written down by the generator as it draws them.
struct Combination {
    var args: [String] = []
    /// The scenes of the mode, in order (`all`: the four of one run).
    var scenes: [String] = []
    /// Points of the data in effect: the preset given, else linear's 100.
    var points = 100
    var optimizer = "batch"
    /// The optimizers `compare` is given (the default list when `--optimizers` is left out).
    var compared = ["batch", "sgd", "minibatch"]
    /// `--lr-schedules`: compare shows schedules of `optimizer`, and trains none of `compared`.
    var comparesSchedules = false
    var batchSize = 20
    var perUpdate = false
    var lr = 0.1
    var epochs = 100
    var initM = 0.0, initB = 0.0
    var fixedM = false
    /// The number of `--lrs` rates (nil: the default four).
    var sweepRates: Int?
    var width: Int?, height: Int?
    var frames: Int?
    var theme = "light"
    /// `--format` as given.
    var format = "gif"
    /// Any format but none.
    var drawing = true
}

/// What the documentation says of a combination, written out by hand from the help and the articles
/// rather than read from the library: which data-dependent refusals it deserves, each scene's frame
/// size and the frames it should have.
enum Rules {
    /// A refusal a combination deserves, with the words its message must contain.
    enum Refusal: Equatable, CustomStringConvertible {
        /// "--batch-size: Points per mini-batch update (minibatch only); must be at most the number of points."
        case batchLargerThanData(batch: Int, points: Int)
        /// "a chart needs at least 200×150 (each panel of a panel mode too)", plus the page heading and readout.
        case frameTooSmall(scene: String, least: (width: Int, height: Int))

        static func == (a: Refusal, b: Refusal) -> Bool { a.description == b.description }

        var kind: String {
            switch self {
            case .batchLargerThanData: return "batch"
            case .frameTooSmall: return "size"
            }
        }

        var description: String {
            switch self {
            case .batchLargerThanData(let batch, let points): return "batch \(batch) > \(points) points"
            case .frameTooSmall(let scene, let least): return "\(scene) needs \(least.width)×\(least.height)"
            }
        }

        /// Whether `message` is this refusal: it names the setting (as the command line or the library
        /// spells it) and the numbers that make it.
        func matches(_ message: String) -> Bool {
            switch self {
            case .batchLargerThanData(let batch, let points):
                return (message.contains("--batch-size") || message.contains("batchSize")) && message.contains("\(batch)") && message.contains("\(points)")
            case .frameTooSmall(_, let least):
                return message.contains("\(least.width)×\(least.height)")
            }
        }
    }

    /// The least frame of a scene: 200×150 a chart; the panel modes lay their charts out in a grid and add
    /// 60 px for the page's heading and readout; the steps scene's formulas need 600×400.
    static func least(_ scene: String, panels: Int) -> (width: Int, height: Int) {
        switch scene {
        case "steps": return (600, 400)
        case "compare", "scaling": return (400, 210)                    // two side by side
        case "dashboard": return panels == 4 ? (400, 360) : (600, 210)  // 2×2 with bsweep, else 3 in a row
        case "lr-sweep":                                                 // one row up to 3, then two rows
            return [1: (200, 150), 2: (400, 210), 3: (600, 210), 4: (400, 360), 5: (600, 360), 6: (600, 360)][panels]!
        default: return (200, 150)
        }
    }

    /// The panels a scene draws for these options.
    static func panels(_ scene: String, _ c: Combination) -> Int {
        switch scene {
        case "compare", "scaling", "steps": return 2
        case "dashboard": return c.fixedM ? 4 : 3       // bsweep's b-only panel joins when --fixed-m is given
        case "lr-sweep": return c.sweepRates ?? 4
        default: return 1
        }
    }

    /// The frame size when none is given: the slide theme's 1920×1080, else 640×480 for one chart and
    /// wider for the panel modes.
    static func defaultSize(_ scene: String, _ c: Combination) -> (width: Int, height: Int) {
        if c.theme == "slide" { return (1920, 1080) }
        let panels = Self.panels(scene, c)
        switch scene {
        case "compare", "steps": return (960, 540)
        case "dashboard": return panels == 4 ? (960, 720) : (1200, 450)
        case "lr-sweep": return panels <= 2 ? (1120, 480) : panels <= 4 ? (960, 720) : (1200, 720)
        case "scaling": return (1120, 480)
        default: return (640, 480)
        }
    }

    static func size(_ scene: String, _ c: Combination) -> (width: Int, height: Int) {
        let d = defaultSize(scene, c)
        return (c.width ?? d.width, c.height ?? d.height)
    }

    /// The refusals the combination deserves (empty: it must plan). A batch larger than the data when a
    /// run trained is minibatch; a frame smaller than a drawn scene's least.
    static func refusals(_ c: Combination) -> [Refusal] {
        var out: [Refusal] = []
        let compares = c.scenes.contains("compare")
        let trained = [c.optimizer] + (compares && !c.comparesSchedules ? c.compared : [])
        if trained.contains("minibatch") && c.batchSize > c.points { out.append(.batchLargerThanData(batch: c.batchSize, points: c.points)) }
        if c.drawing {
            for scene in c.scenes {
                let least = least(scene, panels: panels(scene, c)), size = size(scene, c)
                if size.width < least.width || size.height < least.height { out.append(.frameTooSmall(scene: scene, least: least)) }
            }
        }
        return out
    }

    /// Snapshots of a run that does not diverge: the start and one per epoch, or with `--snapshot step`
    /// one per update of a stochastic optimizer (sgd: a point an update; minibatch: `--batch-size`).
    static func snapshots(_ optimizer: String, _ c: Combination) -> Int {
        guard c.perUpdate, optimizer == "sgd" || optimizer == "minibatch" else { return c.epochs + 1 }
        let size = optimizer == "sgd" ? 1 : c.batchSize
        return c.epochs * ((c.points + size - 1) / size) + 1
    }

    /// Frames of a scene whose longest run has `snapshots` snapshots: `--frames` of them (at most all),
    /// by default every snapshot up to 201, else 200. The steps scene shows `--frames` epochs (default
    /// 10, at most the updates made), four beats each.
    static func frames(_ scene: String, snapshots: Int, _ c: Combination) -> Int {
        if scene == "steps" { return 4 * max(0, min(c.frames ?? 10, snapshots - 1)) }
        return min(snapshots, c.frames ?? (snapshots <= 201 ? snapshots : 200))
    }

    /// Checks an accepted plan's facts against the combination: the scenes and their names, each
    /// scene's size and frame count, and its runs' rates, starts and lengths.
    static func checkFacts(_ plan: Plan, _ c: Combination) {
        let args = c.args
        #expect(plan.scenes.map(\.name) == (c.drawing ? c.scenes : []), "\(args)")
        #expect((plan.main == nil) == (c.scenes == ["bsweep"]), "\(args): a main run unless the mode is bsweep alone")
        if let main = plan.main {
            #expect(main.config.learningRate == c.lr && main.epochsRequested == c.epochs, "\(args)")
            #expect(main.snapshots[0].m == c.initM && main.snapshots[0].b == c.initB, "\(args): starts at --init-m, --init-b")
        }
        for scene in plan.scenes {
            let size = Self.size(scene.name, c)
            #expect(scene.width == size.width && scene.height == size.height, "\(args): \(scene.name) is \(scene.width)×\(scene.height), not \(size)")
            // Every run drawn has its full length unless it diverged; the frames follow the longest.
            let input = scene.input
            let compared = scene.name == "compare" && !c.comparesSchedules
            let runs = [(input.result, compared ? nil : c.optimizer)] + (input.bOnly.map { [($0, c.optimizer)] } ?? [])
                + input.runs.map { ($0.result, compared ? nil : c.optimizer) }
            var longest = 0
            for (run, optimizer) in runs {
                // A compared run takes no per-update snapshots (compare refuses them).
                let full = optimizer.map { snapshots($0, c) } ?? c.epochs + 1
                if run.divergedAtEpoch == nil {
                    #expect(run.snapshots.count == full, "\(args): \(scene.name) has a run of \(run.snapshots.count) snapshots, not \(full)")
                } else {
                    #expect(run.snapshots.count <= full, "\(args)")
                }
                longest = max(longest, run.snapshots.count)
            }
            #expect(scene.frameCount == frames(scene.name, snapshots: longest, c), "\(args): \(scene.name) has \(scene.frameCount) frames")
        }
    }
}
