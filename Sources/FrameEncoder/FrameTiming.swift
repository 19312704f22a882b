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
