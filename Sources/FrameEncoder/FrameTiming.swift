/// GIF frame delays from a frame rate. GIF delays are whole centiseconds, so 30 fps cannot be 3.33 cs
/// each: frame k is shown from round(k·100/fps) to round((k+1)·100/fps), which gives 3, 3, 4, … and keeps
/// the running total within half a centisecond of the true time.
public enum FrameTiming {
    /// The delay, in centiseconds, of each of `count` frames at `fps` frames per second.
    public static func delays(count: Int, fps: Int) -> [Int] {
        precondition(fps > 0)
        func edge(_ k: Int) -> Int { (k * 200 + fps) / (2 * fps) }  // round(k·100/fps), halves up
        return (0..<count).map { edge($0 + 1) - edge($0) }
    }

    /// `seconds` as whole centiseconds.
    public static func centiseconds(_ seconds: Double) -> Int { Int((seconds * 100).rounded()) }
}

/// How an animation is timed: its frame rate, how long the first and last frames are held, and how often
/// it repeats. Every sink shows the same times.
public struct AnimationTiming: Sendable, Equatable {
    /// Frames per second, 1 to 50.
    public var fps: Int
    /// Seconds the last frame stays before the animation loops.
    public var holdEnd: Double
    /// Seconds the first frame stays on top of its own time.
    public var holdStart: Double
    /// Repeats a viewer is asked for: 0 forever.
    public var loop: Int

    /// `fps` frames per second (default 20), the last frame held `holdEnd` seconds (2) and the first
    /// `holdStart` seconds (0), `loop` repeats (0: forever).
    public init(fps: Int = 20, holdEnd: Double = 2, holdStart: Double = 0, loop: Int = 0) {
        self.fps = fps
        self.holdEnd = holdEnd
        self.holdStart = holdStart
        self.loop = loop
    }

    /// Each frame's delay in centiseconds, the start hold added to the first (the end hold is added by
    /// each sink when it finishes, so that repeated last frames merge into it).
    public func delays(count: Int) -> [Int] {
        var d = FrameTiming.delays(count: count, fps: fps)
        if !d.isEmpty { d[0] += FrameTiming.centiseconds(holdStart) }
        return d
    }

    /// The delays of frames that each stay their own number of `seconds` (a scene that times its frames),
    /// rounded on the running total so the whole stays within half a centisecond of the true time, the start
    /// hold added to the first.
    public func delays(seconds: [Double]) -> [Int] {
        var total = 0.0, shown = 0
        var d = seconds.map { s -> Int in
            total += s
            let edge = FrameTiming.centiseconds(total)
            defer { shown = edge }
            return edge - shown
        }
        if !d.isEmpty { d[0] += FrameTiming.centiseconds(holdStart) }
        return d
    }

    /// The end hold in centiseconds.
    public var holdEndCentiseconds: Int { FrameTiming.centiseconds(holdEnd) }
}
