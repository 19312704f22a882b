import Training

/// Exact counts of points per pixel of a chart's plot, added a batch at a time wherever the points come
/// from: the density scatter of data too large to keep (ten million rows counted as they stream past a
/// second time, in the memory of one frame). ``SceneDrawing/densityFrame(input:width:height:)`` says where a
/// scene counts; the counts then go to the scene in ``SceneInput/density``.
public struct DensityCounts: Sendable {
    /// More points than this are drawn by density, not as dots.
    public static let threshold = 5000

    /// Where a scene counts: its plot's pixels and the axes that map data onto them.
    public struct Frame: Sendable, Equatable {
        let plot: PixelRect
        let x: Axis, y: Axis

        init(_ chart: Chart) {
            plot = chart.plot
            x = chart.x
            y = chart.y
        }

        /// The pixel `(x, y)` falls in, as an index into the counts, or nil off the plot.
        @inline(__always)
        func cell(_ vx: Double, _ vy: Double) -> Int? {
            let px = x.map(vx), py = y.map(vy)
            guard px >= Double(plot.x0), py >= Double(plot.y0), px < Double(plot.x1), py < Double(plot.y1) else { return nil }
            return (Int(py) - plot.y0) * (plot.x1 - plot.x0) + Int(px) - plot.x0
        }
    }

    /// Where the counts were taken.
    public let frame: Frame
    /// Points per pixel, row by row from the plot's top left.
    public private(set) var counts: [UInt32]
    /// Points added, on the plot or not.
    public private(set) var added = 0

    /// No points yet, over `frame`.
    public init(frame: Frame) {
        self.frame = frame
        counts = [UInt32](repeating: 0, count: max(0, (frame.plot.x1 - frame.plot.x0) * (frame.plot.y1 - frame.plot.y0)))
    }

    /// Counts the points (xs[i], ys[i]).
    public mutating func add(_ xs: [Double], _ ys: [Double]) {
        precondition(xs.count == ys.count)
        added += xs.count
        counts.withUnsafeMutableBufferPointer { c in
            for (x, y) in zip(xs, ys) {
                if let i = frame.cell(x, y) { c[i] &+= 1 }
            }
        }
    }
}
