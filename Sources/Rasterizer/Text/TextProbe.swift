/// A record of the text drawn on canvases: each string, its colour, and the colour most of its glyphs'
/// pixels showed before it was drawn (what it is read against). Tests use it to hold every theme to
/// WCAG's contrast minimum on real frames rather than on a list of colour pairs that could miss a case.
final class TextProbe {
    struct Sample {
        var text: String
        var color: RGB
        var background: RGB
    }
    private(set) var samples: [Sample] = []

    /// Notes `text` in `color` over the pixels of `canvas` listed in `covered` (before drawing).
    func note(_ text: String, color: RGB, on canvas: Canvas, covered: [(x: Int, y: Int)]) {
        var counts: [UInt32: Int] = [:]
        for (x, y) in covered where x >= 0 && y >= 0 && x < canvas.width && y < canvas.height {
            counts[canvas.pixel(x, y).value, default: 0] += 1
        }
        guard let most = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return }
        samples.append(Sample(text: text, color: color, background: RGB(most.key)))
    }
}
