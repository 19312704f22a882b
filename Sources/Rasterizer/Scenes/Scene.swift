import Training

/// What a scene contributes to the animation; `Animation` does the compositing. `k` is a snapshot
/// index (an epoch, or an update for per-update histories); scenes of several runs clamp it per run.
protocol Scene: AnyObject {
    /// Everything that never changes: frame, heading, axes, data, bands, legends.
    func drawBackground(on c: Canvas)
    /// Marks that stay once made (a path, a curve so far): those of snapshot `k`, drawn after those of k − 1.
    func drawTrail(_ k: Int, on c: Canvas)
    /// Marks of snapshot `k` alone.
    func drawOverlay(_ k: Int, on c: Canvas)
    /// Rectangles restored from the background after each overlay (legends), so they stay on top.
    var onTop: [PixelRect] { get }
    /// The plot areas: they keep their fill on a transparent page.
    var plots: [PixelRect] { get }
    /// The readouts: where each goes and its text for snapshot k.
    var readouts: [Readout] { get }
    /// Snapshots of the runs this scene shows (for the frame schedule).
    var runs: [[Snapshot]] { get }
    /// The frames and the seconds each stays, when the scene schedules its own (its `k` then numbers
    /// them: the steps scene's beats); nil: `FrameSchedule` picks snapshots of `runs`, at the frame rate.
    var ownSchedule: (frames: [Int], seconds: [Double])? { get }
}

extension Scene {
    var ownSchedule: (frames: [Int], seconds: [Double])? { nil }

    /// Snapshots of the longest run: the range of `k`.
    var snapshotCount: Int { runs.map(\.count).max() ?? 1 }
}

/// A readout band (epoch and numbers) and its text for snapshot k.
struct Readout {
    var band: ReadoutBand
    var text: (Int) -> [TitleSegment]
}

/// Where a readout goes: a band at the bottom of `area`, centred on `centre`.
struct ReadoutBand {
    var area: PixelRect
    var centre: Double
    var style: Style
    var font: Font
}
