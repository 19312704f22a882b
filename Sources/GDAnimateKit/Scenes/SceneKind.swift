import Rasterizer

/// A scene by the name the command line and manifests use: `line`, `loss`, `bsweep`, `contour`,
/// `compare`, `dashboard`, `lr-sweep`, `scaling`, `steps`, `surface`. There is one for each scene in
/// the registry, ``SceneDefinition``'s `registered` list, in its order, and no other: ``allCases`` and
/// ``init(rawValue:)`` read that list, and the static members (`.line`, `.lrSweep`, …) come from each
/// scene's own file. What is known of the scene is its ``definition``.
public struct SceneKind: RawRepresentable, Hashable, CaseIterable, Sendable, CustomStringConvertible {
    /// The name: `line`, `lr-sweep`, …
    public let rawValue: String

    /// The scene registered as `rawValue`, or nil for a name not registered.
    public init?(rawValue: String) {
        guard SceneDefinition.named(rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    /// The name of `definition`.
    init(_ definition: SceneDefinition) { rawValue = definition.name }

    /// Every registered scene, in the registry's order.
    public static var allCases: [SceneKind] { SceneDefinition.registered.map(\.kind) }

    /// The scenes of one run, rendered by `--mode all`.
    public static var single: [SceneKind] { SceneDefinition.registered.filter(\.isSingleRun).map(\.kind) }

    /// Everything known of the scene.
    public var definition: SceneDefinition { SceneDefinition.named(rawValue)! }

    /// The name.
    public var description: String { rawValue }

    /// A visual this scene can draw: `visual` (default: every setting at its default) with what the scene
    /// needs and no default gives added where it is missing; most scenes need nothing. The penalty scene needs
    /// a penalty (lasso, λ at its default) and two weights (the square of a lone x, `degree` 2). The
    /// registry's tests draw every scene this way, so a scene with needs of its own is checked with the rest.
    public func example(_ visual: Visual? = nil) -> Visual {
        var v = visual ?? Visual(scene: self)
        v.scene = self
        definition.completeExample(&v)
        return v
    }

    /// What the scene shows, in a few words (help texts and docs read it).
    public var summary: String { definition.summary }

    /// Whether the scene puts several charts side by side (and so wants a wider frame and a row of
    /// its own in a gallery).
    public var isPanels: Bool { definition.drawing.isPanels }

    /// Frame size when none is given: 640×480 for one chart, wider for panels.
    public func defaultSize(panels: Int) -> (width: Int, height: Int) { definition.drawing.defaultSize(panels: panels) }

    /// The least frame the scene can be read at with `panels` panels.
    public func minimumSize(panels: Int) -> (width: Int, height: Int) { definition.drawing.minimumSize(panels: panels) }
}
