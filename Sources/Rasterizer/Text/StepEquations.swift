#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

/// The mathematics of one update of batch gradient descent with the numbers of one epoch substituted, set
/// in a box: the prediction, the loss J, its two partial derivatives and the two updates, each a row; the
/// rows of the current beat sit on a tinted plate.
///
/// One size serves every shown epoch (the widest numbers decide it), and every row keeps its place, so
/// from beat to beat only the numbers and the plate change.
struct StepEquations {
    /// Per shown epoch, the rows; each row is one or two lines of formula text (the TeX subset of
    /// `MathFormula`).
    let rows: [[[MathLayout]]]
    /// The baseline of each line of each row, from the box's top, and each row's top and bottom.
    let baselines: [[Double]]
    let rowSpans: [(top: Double, bottom: Double)]
    let size: Double
    let box: PixelRect
    let caption: String
    let captionSize: Double

    /// Rows highlighted in each beat.
    static func rows(of beat: StepsSchedule.Beat) -> [Int] {
        switch beat {
        case .predict: return [0]
        case .residuals: return [1]
        case .gradient: return [2, 3]
        case .update: return [4, 5]
        }
    }

    /// The formulas of the update that leaves snapshot `k`: as text, the update rows split after the
    /// rule when `split`.
    static func formulas(_ r: TrainingResult, k: Int, digits: (m: ReadoutPrecision, b: ReadoutPrecision), split: Bool) -> [[String]] {
        let s = r.snapshots[k], next = r.snapshots[k + 1]
        let g = noiseless(r.surface.gradient(m: s.m, b: s.b), start: r.surface.gradient(m: r.snapshots[0].m, b: r.snapshots[0].b),
                          scale: gradientScale(r.surface), rounding: roundingNoise(r.surface, m: s.m, b: s.b))
        let alpha = r.rate(at: next)
        func num(_ v: Double, digits: Int = 4) -> String { #"\mathrm{"# + SceneText.number(v, digits: digits) + "}" }
        func num(_ v: Double, _ p: ReadoutPrecision) -> String { #"\mathrm{"# + p.text(v) + "}" }
        /// A gradient's digits: four, or more where its update row needs them to add up, α·g to the last
        /// decimal the parameter shows (`9014.166 − 0.02 × 4193.45 = 8930.297`, not `× 4193`).
        func gradientDigits(_ g: Double, _ p: ReadoutPrecision, _ now: Double, _ new: Double) -> Int {
            guard g != 0, g.isFinite, alpha > 0 else { return 4 }
            let step = min(p.resolution(now), p.resolution(new)) / alpha
            return min(12, max(4, Int(log10(abs(g)).rounded(.down)) - Int((log10(step) + 1e-9).rounded(.down)) + 1))
        }
        let gDigits = (m: gradientDigits(g.dm, digits.m, s.m, next.m), b: gradientDigits(g.db, digits.b, s.b, next.b))
        func factor(_ v: Double, _ d: Int) -> String { v < 0 ? "(\(num(v, digits: d)))" : num(v, digits: d) }
        let line = "\(num(s.m, digits.m))\\, x_i " + (s.b < 0 ? "- \(num(-s.b, digits.b))" : "+ \(num(s.b, digits.b))")
        let sum = #"\sum_{i=1}^{n}"#
        let dm = #"\frac{\partial J}{\partial m}"#, db = #"\frac{\partial J}{\partial b}"#
        func update(_ p: String, _ d: String, _ now: Double, _ grad: Double, _ gd: Int, _ new: Double, _ dd: ReadoutPrecision) -> [String] {
            let rule = "\(p) \\leftarrow \(p) - \\alpha \(d)"
            let numbers = "= \(num(now, dd)) - \\mathrm{\(NumberFormat.significant(alpha))} \\times \(factor(grad, gd)) = \(num(new, dd))"
            return split ? [rule, numbers] : [rule + " " + numbers]
        }
        return [
            [#"\hat{y}_i = m x_i + b = "# + line],
            ["J = \\frac{1}{n} \(sum) (y_i - \\hat{y}_i)^2 = \(num(s.loss))"],
            ["\(dm) = -\\frac{2}{n} \(sum) x_i (y_i - \\hat{y}_i) = \(num(g.dm, digits: gDigits.m))"],
            ["\(db) = -\\frac{2}{n} \(sum) (y_i - \\hat{y}_i) = \(num(g.db, digits: gDigits.b))"],
            update("m", dm, s.m, g.dm, gDigits.m, next.m, digits.m),
            update("b", db, s.b, g.db, gDigits.b, next.b, digits.b),
        ]
    }

    /// The gradient with parts below rounding noise (a billionth of the gradient at the start, where
    /// a converged run's sums cancel to their last bits) shown as the zero they are. A start far from the
    /// data (b = 0 for y ≈ 10⁶) counts as at most a thousand times `scale`, the gradient of a fit one data
    /// spread off: its billionth would hide true late gradients (10⁻³) far above the noise (10⁻⁹). Never
    /// below `rounding`, what the gradient's own sums can be off by (y ≈ 10¹² ± 1: 10⁻⁴).
    static func noiseless(_ g: (dm: Double, db: Double), start: (dm: Double, db: Double), scale: Double = .infinity,
                          rounding: Double = 0) -> (dm: Double, db: Double) {
        let floor = max(1e-9 * min(max(abs(start.dm), abs(start.db)), 1e3 * scale), rounding)
        return (abs(g.dm) <= floor ? 0 : g.dm, abs(g.db) <= floor ? 0 : g.db)
    }

    /// What rounding can leave in the gradient at (m, b): 32 ulps of the terms its sums cancel
    /// (ȳ − m·x̄ − b for ∂J/∂b, and that times x̄ beside Cov(x, y) − m·Var x for ∂J/∂m).
    static func roundingNoise(_ s: LossSurface, m: Double, b: Double) -> Double {
        let c = abs(s.meanY) + abs(m * s.meanX) + abs(b)
        return 32 * Double.ulpOfOne * (c * max(1, abs(s.meanX)) + abs(s.covarianceXY) + abs(m) * s.varianceX)
    }

    /// The gradient of a fit one spread of y off the data: 2·σ_y, times |x̄| + σ_x for ∂J/∂m when larger.
    static func gradientScale(_ s: LossSurface) -> Double {
        2 * s.varianceY.squareRoot() * max(1, abs(s.meanX) + s.varianceX.squareRoot())
    }

    /// The rows of the updates leaving `shown` snapshots, in `box`, at the largest size that fits every
    /// epoch's numbers (the update rows split in two lines when that is larger).
    init(_ r: TrainingResult, shown: [Int], digits: (m: ReadoutPrecision, b: ReadoutPrecision), box: PixelRect, style: Style, font: Font, caption: String) {
        self.box = box
        self.caption = caption
        let pad = style.pad
        let roomForCaption = Double(box.x1 - box.x0) - 4 * pad
        captionSize = Font.fittingSize(style.labelSize, guess: style.labelSize * roomForCaption / font.measure(caption, size: style.labelSize).width, floor: 7) {
            font.measure(caption, size: $0).width <= roomForCaption
        } ?? 7
        let top = pad * 1.2 + captionSize * 1.3
        let room = (w: Double(box.x1 - box.x0) - 4 * pad, h: Double(box.y1 - box.y0) - top - pad)
        /// Per row, per line: the largest ascent and descent over the shown epochs.
        typealias Lines = [[(ascent: Double, descent: Double)]]
        func height(_ lines: [(ascent: Double, descent: Double)], _ size: Double) -> Double {
            lines.map { $0.ascent + $0.descent }.reduce(0, +) + Double(lines.count - 1) * size * 0.25
        }
        func layout(split: Bool, size: Double) -> (rows: [[[MathLayout]]], lines: Lines, fits: Bool) {
            var widest = 0.0
            let rows = shown.map { k in
                Self.formulas(r, k: k, digits: digits, split: split).map { texts in
                    texts.enumerated().map { j, text in
                        // The texts are made above from numbers and fixed formulas: a failure is a bug here.
                        let l = MathLayout((try? MathFormula.parse(text)) ?? .row([]), font: font, size: size)
                        widest = max(widest, l.width + (j > 0 ? size : 0))
                        return l
                    }
                }
            }
            var lines: Lines = rows.first?.map { $0.map { _ in (0, 0) } } ?? []
            for epoch in rows { for (i, row) in epoch.enumerated() { for (j, l) in row.enumerated() {
                lines[i][j] = (max(lines[i][j].ascent, l.ascent), max(lines[i][j].descent, l.descent))
            } } }
            let total = lines.map { height($0, size) }.reduce(0, +) + Double(lines.count - 1) * size * 0.55
            return (rows, lines, widest <= room.w && total <= room.h)
        }
        func largest(split: Bool) -> (size: Double, result: (rows: [[[MathLayout]]], lines: Lines, fits: Bool)) {
            var size = max(8, style.titleSize * 1.15)
            var result = layout(split: split, size: size)
            while !result.fits && size > 8 { size = max(8, size * 0.93); result = layout(split: split, size: size) }
            return (size, result)
        }
        let one = largest(split: false), two = largest(split: true)
        // One line reads better: keep it unless splitting gains a fifth in size.
        let chosen = two.size > one.size * 1.2 ? two : one
        let size = chosen.size
        self.size = size
        rows = chosen.result.rows
        let lines = chosen.result.lines
        // Spare height spreads between the rows.
        let used = lines.map { height($0, size) }.reduce(0, +)
        let gap = max(size * 0.55, min(size * 1.4, (room.h - used) / Double(lines.count)))
        var y = top + gap * 0.5
        var baselines: [[Double]] = [], spans: [(top: Double, bottom: Double)] = []
        for row in lines {
            var these: [Double] = [], pen = y
            for l in row { these.append(pen + l.ascent); pen += l.ascent + l.descent + size * 0.25 }
            baselines.append(these)
            let h = height(row, size)
            spans.append((y - gap * 0.4, y + h + gap * 0.4))
            y += h + gap
        }
        self.baselines = baselines
        rowSpans = spans
    }

    /// The box's fill and caption, drawn once.
    func drawStatic(on c: Canvas, style: Style, font: Font) {
        c.fillRect(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1, style.theme.plot)
        let w = max(1, style.scale)
        let edge = [Point(Double(box.x0), Double(box.y0)), Point(Double(box.x1), Double(box.y0)), Point(Double(box.x1), Double(box.y1)),
                    Point(Double(box.x0), Double(box.y1)), Point(Double(box.x0), Double(box.y0))]
        c.strokePolyline(edge, width: w, style.theme.axis, clip: PixelRect(x0: 0, y0: 0, x1: c.width, y1: c.height))
        c.label(caption, font: font, size: captionSize, at: Double(box.x0) + style.pad * 2, Double(box.y0) + style.pad * 1.2,
                color: style.theme.text, v: .top)
    }

    /// The rows of shown epoch `i`, the rows of `beat` on a plate.
    func draw(_ i: Int, beat: StepsSchedule.Beat, on c: Canvas, style: Style, font: Font) {
        let x = Double(box.x0) + style.pad * 2
        let theme = style.theme
        for row in Self.rows(of: beat) {
            let span = rowSpans[row]
            c.fillRect(x0: box.x0 + Int(style.pad), y0: box.y0 + Int(span.top.rounded()), x1: box.x1 - Int(style.pad),
                       y1: box.y0 + Int(span.bottom.rounded()), theme.highlight.over(theme.plot, alpha: 0.22))
            c.fillRect(x0: box.x0 + Int(style.pad), y0: box.y0 + Int(span.top.rounded()), x1: box.x0 + Int(style.pad) + max(2, Int(3 * style.scale)),
                       y1: box.y0 + Int(span.bottom.rounded()), theme.highlight)
        }
        for (row, lines) in rows[i].enumerated() {
            for (j, l) in lines.enumerated() {
                l.draw(on: c, font: font, x: x + (j > 0 ? size : 0), y: Double(box.y0) + baselines[row][j], color: theme.text)
            }
        }
    }
}
