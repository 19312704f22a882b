import Testing
@testable import Rasterizer

/// The typesetter: the TeX subset parses to the intended tree, boxes nest as the rules say, and the
/// formulas of the steps scene match a golden image (GoldenImageTests' tolerance).
struct MathLayoutTests {
    static let formulas = [
        #"\hat{y}_i = m x_i + b"#,
        #"J = \frac{1}{n} \sum_{i=1}^{n} (y_i - \hat{y}_i)^2 = 6.161"#,
        #"\frac{\partial J}{\partial m} = -\frac{2}{n} \sum_{i=1}^{n} x_i (y_i - \hat{y}_i) = -4.21"#,
        #"m \leftarrow m - \alpha \frac{\partial J}{\partial m} = 2.568 - 0.1 \times (-4.21) = 2.989"#,
        #"x^{2} + e^{-\alpha t},\; \mathrm{1.2e6} \cdot \nabla J"#,
    ]

    @Test func parsesTheSubset() throws {
        #expect(try MathFormula.parse("x_i") == .row([.scripts(.atom("x", .serifItalic, .ordinary), sub: .atom("i", .serifItalic, .ordinary), sup: nil)]))
        #expect(try MathFormula.parse(#"\hat{y}"#) == .row([.atom("ŷ", .serifItalic, .ordinary)]))
        #expect(try MathFormula.parse("12.5-3") == .row([.atom("12.5", .serif, .ordinary), .atom("−", .serif, .binary), .atom("3", .serif, .ordinary)]))
        #expect(try MathFormula.parse(#"\sum_{i}^{n}"#) == .row([.largeOperator("∑", lower: .row([.atom("i", .serifItalic, .ordinary)]),
                                                                                   upper: .row([.atom("n", .serifItalic, .ordinary)]))]))
        for bad in [#"\frac{1}"#, "x_", "{x", "x}", #"\nosuch"#] {
            #expect(throws: MathFormula.ParseError.self) { try MathFormula.parse(bad) }
        }
    }

    @Test func boxesFollowTheRules() throws {
        let font = try Font.make()
        let size = 20.0
        func box(_ s: String) throws -> MathLayout { MathLayout(try MathFormula.parse(s), font: font, size: size) }
        // A superscript sits above the baseline, a subscript reaches below it, both at 70 % of the size.
        let sup = try box("x^2"), sub = try box("x_i")
        #expect(sup.runs[1].y < -size * 0.4 && sup.runs[1].size == size * MathLayout.scriptScale)
        #expect(sub.runs[1].y > size * 0.2 && sub.descent > 0)
        // A fraction's bar is on the axis, its numerator above and denominator below, centred on it.
        let frac = try box(#"\frac{1}{n}"#)
        let bar = try #require(frac.bars.first)
        #expect(abs(bar.y + size * MathLayout.axis) < 0.01)
        #expect(frac.runs[0].y < bar.y && frac.runs[1].y > bar.y)
        // Relations get more room than binary operators; a leading minus none.
        let rel = try box("a=b"), bin = try box("a+b"), lone = try box("-b")
        let gapRel = rel.runs[2].x - rel.runs[1].x, gapBin = bin.runs[2].x - bin.runs[1].x
        #expect(gapRel > gapBin)
        #expect(abs(lone.runs[1].x - font.measure("−", size: size, face: .serif).width) < 0.01)
        // Σ's limits stack above and below it.
        let sum = try box(#"\sum_{i=1}^{n}"#)
        #expect(sum.runs[1].y > 0 && sum.runs.last!.y < -size * 0.9)
    }

    @Test func formulasMatchGolden() throws {
        let font = try Font.make()
        let canvas = try Canvas(width: 420, height: 300)
        canvas.fill(Theme.light.plot)
        var y = 36.0
        for f in Self.formulas {
            let l = MathLayout(try MathFormula.parse(f), font: font, size: 17)
            l.draw(on: canvas, font: font, x: 8, y: y + l.ascent - 14, color: Theme.light.text)
            y += l.ascent + l.descent + 14
        }
        #expect(font.failure == nil)
        try GoldenImageTests.check(canvas.frame(), golden: "math-formulas")
    }
}
