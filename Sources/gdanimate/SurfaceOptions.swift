import ArgumentParser
import GDAnimateKit

/// The 3-D surface's options: where its camera stands and how far it turns, and whether the dashboard
/// shows the surface in place of the contour.
struct SurfaceOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("--mode surface: degrees the camera looks down from above the (m, b) plane, above −90 and below 90 (default 35).", valueName: "deg"))
    var elevation: Double = SurfaceCamera().elevation

    @Option(parsing: .unconditional, help: ArgumentHelp("--mode surface: degrees the camera stands around the vertical axis, as matplotlib's azim (default: chosen from the data so the path is in sight, nearest to −60).", valueName: "deg"))
    var azimuth: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("--mode surface: degrees the camera turns from the first frame to the last (default 0: a still camera, so each frame stores only the moving path).", valueName: "deg"))
    var orbit: Double = 0

    @Flag(help: "--mode dashboard: the 3-D surface in place of the contour.")
    var surfacePanel = false

    /// The camera these options describe.
    var camera: SurfaceCamera { SurfaceCamera(elevation: elevation, azimuth: azimuth, orbit: orbit) }
}
