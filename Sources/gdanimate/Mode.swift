import ArgumentParser
import GDAnimateKit

/// What `--mode` takes: a scene, or `all` (the four scenes of one run, ``SceneKind/single``).
enum Mode: Equatable, CaseIterable, ExpressibleByArgument, CustomStringConvertible {
    case scene(SceneKind)
    case all

    static let allCases: [Mode] = SceneKind.allCases.map(Mode.scene) + [.all]

    init?(argument: String) {
        if argument == "all" { self = .all } else if let kind = SceneKind(rawValue: argument) { self = .scene(kind) } else { return nil }
    }

    var description: String {
        switch self {
        case .scene(let kind): return kind.rawValue
        case .all: return "all"
        }
    }

    var defaultValueDescription: String { description }
    static var allValueStrings: [String] { allCases.map(\.description) }

    /// The scenes drawn.
    var scenes: [SceneKind] {
        switch self {
        case .scene(let kind): return [kind]
        case .all: return SceneKind.single
        }
    }

    /// `line (data and fit), …, or all (the first four)`, from the scenes' own summaries.
    static var helpList: String {
        SceneKind.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: ", ") + ", or all (the first four)"
    }
}

extension OptimizerKind: ExpressibleByArgument {}
// The classification presets (pass-fail, two-blobs, separable) wait for `--model logistic`: their labels
// fitted by least squares would teach the wrong lesson, so the command line does not offer them yet.
extension Preset: ExpressibleByArgument {
    public init?(argument: String) {
        guard let preset = Preset(rawValue: argument), !preset.isClassification else { return nil }
        self = preset
    }
    public static var allValueStrings: [String] { allCases.filter { !$0.isClassification }.map(\.rawValue) }
}
extension Penalty.Kind: ExpressibleByArgument {}
extension SnapshotInterval: ExpressibleByArgument {}
extension LossScale: ExpressibleByArgument {}
extension PageBackground: ExpressibleByArgument {}

extension Theme: ExpressibleByArgument {
    public init?(argument: String) {
        guard let theme = Theme.named(argument) else { return nil }
        self = theme
    }
    public static var allValueStrings: [String] { Theme.all.map(\.name) }
    public var defaultValueDescription: String { name }
}
