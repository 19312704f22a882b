/// A formula set on a baseline: every glyph run placed, every fraction bar measured, ready to draw.
///
/// The rules are TeX's for inline ("text style") mathematics, simplified: scripts at 70 % of their base's
/// size, raised or lowered from its baseline; fractions at 75 % centred on the maths axis (the height of a
/// minus sign) with a bar between; Σ 1.4 times the size, centred on the axis, its limits set below and above
/// it at script size; spaces between neighbours from their classes (a thick space around relations such as
/// = and ←, a medium one around binary operators, none around a sign that starts an expression).
/// Positions are in pixels relative to the left end of the baseline, y growing downwards.
struct MathLayout {
    /// One run of text to draw: its face, size and the left end of its baseline.
    struct Run { var text: String; var face: FontFace; var size: Double; var x: Double; var y: Double }
    /// A horizontal bar: left, right, its centre line's y and thickness.
    struct Bar { var x0: Double; var x1: Double; var y: Double; var thickness: Double }

    private(set) var runs: [Run] = []
    private(set) var bars: [Bar] = []
    /// Advance width, and the extent above and below the baseline.
    private(set) var width = 0.0
    private(set) var ascent = 0.0
    private(set) var descent = 0.0

    static let scriptScale = 0.7
    static let fractionScale = 0.75
    static let operatorScale = 1.4
    /// The maths axis, where fraction bars and Σ are centred, as a fraction of the size (DejaVu's minus).
    static let axis = 0.27

    /// `formula` set at `size` pixels with `font`'s faces.
    init(_ formula: MathFormula, font: Font, size: Double) {
        self = Self.layout(formula, font: font, size: size, script: false)
    }

    private init() {}

    /// Draws the formula with the left end of its baseline at (x, y).
    func draw(on c: Canvas, font: Font, x: Double, y: Double, color: RGB) {
        for r in runs {
            font.draw(r.text, on: c, x: (x + r.x).rounded(), y: (y + r.y).rounded(), size: r.size, color: color, face: r.face)
        }
        for b in bars {
            let yy = (y + b.y).rounded() + (b.thickness.truncatingRemainder(dividingBy: 2) == 1 ? 0.5 : 0)
            c.strokeSegment(Point(x + b.x0, yy), Point(x + b.x1, yy), width: b.thickness, color,
                            clip: PixelRect(x0: 0, y0: 0, x1: c.width, y1: c.height))
        }
    }

    /// Appends `other` with its baseline's left end at (dx, dy) from this one's.
    private mutating func place(_ other: MathLayout, dx: Double, dy: Double) {
        runs += other.runs.map { Run(text: $0.text, face: $0.face, size: $0.size, x: $0.x + dx, y: $0.y + dy) }
        bars += other.bars.map { Bar(x0: $0.x0 + dx, x1: $0.x1 + dx, y: $0.y + dy, thickness: $0.thickness) }
        ascent = max(ascent, other.ascent - dy)
        descent = max(descent, other.descent + dy)
    }

    /// `script`: set as a script or a limit, where TeX puts no space around relations and operators.
    private static func layout(_ f: MathFormula, font: Font, size: Double, script: Bool) -> MathLayout {
        var box = MathLayout()
        switch f {
        case .atom(let text, let face, _):
            let m = font.measure(text, size: size, face: face)
            box.runs = [Run(text: text, face: face, size: size, x: 0, y: 0)]
            box.width = m.width
            // At least a lower-case letter's extent, so a row of small symbols keeps its scripts' places.
            box.ascent = max(m.ascent, size * 0.55)
            box.descent = m.descent
        case .space(let em):
            box.width = em * size
        case .row(let items):
            var x = 0.0
            var previous: MathFormula.MathClass?
            for item in items {
                var cls = item.mathClass
                // A sign that starts an expression, or follows an operator, relation or bracket, is unary.
                if cls == .binary, previous == nil || [.binary, .relation, .open, .punctuation].contains(previous!) { cls = .ordinary }
                if let p = previous, !script { x += Self.spacing(p, cls) * size }
                let b = layout(item, font: font, size: size, script: script)
                box.place(b, dx: x, dy: 0)
                x += b.width
                if case .space = item { continue }
                previous = cls
            }
            box.width = x
        case .scripts(let base, let sub, let sup):
            let b = layout(base, font: font, size: size, script: script)
            box.place(b, dx: 0, dy: 0)
            let s = size * scriptScale
            var right = b.width
            if let sup {
                let u = layout(sup, font: font, size: s, script: true)
                let raise = max(size * 0.42, b.ascent - u.ascent * 0.5)
                box.place(u, dx: b.width + size * 0.04, dy: -raise)
                right = max(right, b.width + size * 0.04 + u.width)
            }
            if let sub {
                let d = layout(sub, font: font, size: s, script: true)
                let drop = max(size * 0.22, b.descent + d.ascent * 0.35)
                box.place(d, dx: b.width, dy: drop)
                right = max(right, b.width + d.width)
            }
            box.width = right + size * 0.05
        case .fraction(let num, let den):
            let s = size * fractionScale
            let n = layout(num, font: font, size: s, script: script), d = layout(den, font: font, size: s, script: script)
            let t = max(1, (size * 0.06).rounded())
            let gap = max(1.5, size * 0.12), pad = size * 0.08
            let w = max(n.width, d.width) + 2 * pad
            let a = size * axis
            box.place(n, dx: (w - n.width) / 2, dy: -(a + t / 2 + gap + n.descent))
            box.place(d, dx: (w - d.width) / 2, dy: -(a - t / 2 - gap - d.ascent))
            box.bars = [Bar(x0: pad * 0.5, x1: w - pad * 0.5, y: -a, thickness: t)]
            box.width = w
        case .largeOperator(let op, let lower, let upper):
            let s = size * operatorScale
            let m = font.measure(op, size: s, face: .serif)
            // Centred on the axis: its ink's middle at the axis height.
            let dy = (m.ascent - m.descent) / 2 - size * axis
            let limits = [lower, upper].map { $0.map { layout($0, font: font, size: size * scriptScale, script: true) } }
            let w = max(m.width, limits.compactMap { $0?.width }.max() ?? 0)
            var core = MathLayout()
            core.runs = [Run(text: op, face: .serif, size: s, x: (w - m.width) / 2, y: dy)]
            core.ascent = m.ascent - dy
            core.descent = m.descent + dy
            box.place(core, dx: 0, dy: 0)
            let gap = size * 0.1
            if let lo = limits[0] { box.place(lo, dx: (w - lo.width) / 2, dy: core.descent + gap + lo.ascent) }
            if let hi = limits[1] { box.place(hi, dx: (w - hi.width) / 2, dy: -(core.ascent + gap + hi.descent)) }
            box.width = w + size * 0.08
        }
        return box
    }

    /// Space between neighbours of classes `a` and `b`, in ems (TeX's text-style table: 3/18 thin,
    /// 4/18 medium, 5/18 thick).
    private static func spacing(_ a: MathFormula.MathClass, _ b: MathFormula.MathClass) -> Double {
        if a == .relation || b == .relation { return a == b ? 0 : 5 / 18 }
        if a == .binary || b == .binary { return 4 / 18 }
        if a == .punctuation { return 3 / 18 }
        return 0
    }
}

extension MathFormula {
    /// The class that decides this item's spacing: an atom's own, ordinary for the rest (a Σ spaces as an operator's
    /// argument would, so ordinary is close enough here).
    var mathClass: MathClass {
        switch self {
        case .atom(_, _, let c): return c
        case .scripts(let base, _, _): return base.mathClass == .close ? .close : base.mathClass == .open ? .open : .ordinary
        default: return .ordinary
        }
    }
}
