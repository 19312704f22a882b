/// A piece of a title; counters (epoch, step) sit right-aligned in their slot, like a tabular column.
struct TitleSegment: ExpressibleByStringLiteral {
    var text: String
    var counter = false

    init(_ text: String, counter: Bool = false) {
        self.text = text
        self.counter = counter
    }

    init(stringLiteral value: String) { text = value }
}

/// Where each segment of the readout goes, fixed for the whole animation: each segment gets the width of
/// its widest version over all frames and is drawn in it (counters right-aligned, the rest
/// left-aligned), and the whole is centred over the plot once. Numbers therefore stay put from frame to
/// frame (digits of DejaVu Sans share one width), which reads calmly and leaves only the changed digits to encode.
/// A readout too long for the band even at the smallest size (a small frame, numbers of ten digits) keeps
/// the items that fit, from the left, ending before a label (`  MSE = `, two spaces first): cut, not
/// clipped at both edges.
struct StatusLayout {
    let band: ReadoutBand
    let size: Double
    let starts: [Double]
    let widths: [Double]

    init(_ titles: [[TitleSegment]], band: ReadoutBand) {
        self.band = band
        let s = band.style, font = band.font
        let count = titles.map(\.count).max() ?? 0
        func widths(at size: Double) -> [Double] {
            var widths = [Double](repeating: 0, count: count)
            for t in titles { for (i, part) in t.enumerated() where !part.text.isEmpty { widths[i] = max(widths[i], font.measure(part.text, size: size).width) } }
            return widths
        }
        let room = Double(band.area.x1 - band.area.x0) - 2 * s.pad
        // Shrunk to fit, measured at the size drawn (widths scaled from the full size would let
        // neighbouring segments run into each other).
        let natural = widths(at: s.titleSize).reduce(0, +)
        let size = Font.fittingSize(s.titleSize, guess: max(7, s.titleSize * room / natural), floor: 6) {
            widths(at: $0).reduce(0, +) <= room
        } ?? 6
        var measured = widths(at: size)
        if measured.reduce(0, +) > room {
            // Cut before a label: a segment that starts with two spaces (`  m = `, `  MSE = `, as SceneText
            // writes them) in every title that has it; never inside `Epoch 3 / 100`.
            let cuts = (1..<max(1, count)).filter { i in titles.allSatisfy { i >= $0.count || $0[i].text.isEmpty || $0[i].text.hasPrefix("  ") } }
            if let cut = cuts.last(where: { measured[..<$0].reduce(0, +) <= room }) ?? cuts.first {
                measured = Array(measured[..<cut])
            }
        }
        self.size = size
        let used = measured.reduce(0, +)
        // Centred under the plot, kept inside the band; what still does not fit starts at its left edge.
        let centre = used > room ? Double(band.area.x0) + s.pad + used / 2
            : min(max(band.centre, Double(band.area.x0) + s.pad + used / 2), Double(band.area.x1) - s.pad - used / 2)
        var x = centre - used / 2
        var starts: [Double] = []
        for w in measured { starts.append(x); x += w }
        self.starts = starts
        self.widths = measured
    }

    private var baseline: Double { Double(band.area.y1) - band.style.pad * 0.8 - size * Font.descent }

    /// The pixels every frame's readout may touch, with a margin: on a transparent page they stay opaque
    /// (a GIF frame cannot make a pixel transparent again once the frame before drew on it).
    var plate: PixelRect {
        let margin = band.style.pad * 0.6
        let left = (starts.first ?? band.centre) - margin, right = (starts.last ?? band.centre) + (widths.last ?? 0) + margin
        return PixelRect(x0: Int(left.rounded(.down)), y0: Int((baseline - size - margin).rounded(.down)),
                         x1: Int(right.rounded(.up)), y1: Int((baseline + size * 0.3 + margin).rounded(.up)))
    }

    func draw(_ parts: [TitleSegment], on c: Canvas) {
        let baseline = self.baseline
        for (i, part) in parts.enumerated() where !part.text.isEmpty && i < starts.count {
            let x = part.counter ? starts[i] + widths[i] - band.font.measure(part.text, size: size).width : starts[i]
            band.font.draw(part.text, on: c, x: x, y: baseline, size: size, color: band.style.theme.text)
        }
    }
}
