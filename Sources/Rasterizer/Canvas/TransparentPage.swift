/// Which pixels of a scene's frames are transparent on a transparent page: those of the page itself
/// (outside every plot and readout plate) that still show the page colour. Found once, on the static
/// background; each frame then marks those of them that nothing was drawn on.
///
/// Plots keep their fill, so the data stays readable on any slide. Readouts change every frame, and a GIF
/// frame cannot make a pixel transparent again once the frame before drew on it (its pixels only
/// replace or leave what is there), so a readout sits on an opaque plate of the page colour.
struct TransparentPage {
    /// Runs of candidate pixels, as (first index, count) in the frame's pixel array.
    private let runs: [(start: Int, count: Int)]
    private let page: UInt32

    init(background: Canvas, page: RGB, opaque: [PixelRect]) {
        let w = background.width, h = background.height
        var keep = [Bool](repeating: false, count: w * h)
        for r in opaque {
            let c = r.clamped(width: w, height: h)
            guard !c.isEmpty else { continue }
            for y in c.y0..<c.y1 { for x in c.x0..<c.x1 { keep[y * w + x] = true } }
        }
        var runs: [(Int, Int)] = []
        for y in 0..<h {
            var x = 0
            while x < w {
                guard !keep[y * w + x] && background.pixel(x, y) == page else { x += 1; continue }
                let start = x
                while x < w && !keep[y * w + x] && background.pixel(x, y) == page { x += 1 }
                runs.append((y * w + start, x - start))
            }
        }
        self.runs = runs
        self.page = page.value
    }

    /// Marks the candidate pixels of `frame` that show the page colour with ``Frame/transparentBit``.
    func mark(_ frame: inout Frame) {
        let page = self.page, marked = page | Frame.transparentBit
        frame.pixels.withUnsafeMutableBufferPointer { px in
            for (start, count) in runs {
                for i in start..<(start + count) where px[i] == page { px[i] = marked }
            }
        }
        frame.hasTransparency = true
    }
}
