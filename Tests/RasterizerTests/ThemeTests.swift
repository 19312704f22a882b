import Testing
@testable import Rasterizer
import Training

/// The themes: goldens for dark and slide, WCAG contrast of every piece of text actually drawn, the
/// slide theme's projector minimums, and the transparent page.
struct ThemeTests {
    static func input(_ kind: SceneDrawing, theme: Theme, transparent: Bool = false) throws -> SceneInput {
        var input = try GoldenImageTests.input(for: kind)
        input.theme = theme
        input.transparentPage = transparent
        return input
    }

    /// Dark goldens at the light goldens' sizes; slide goldens at 960×540, where the slide theme's floors
    /// (not the scale) set the text and line sizes.
    @Test(arguments: [(Theme.dark, SceneDrawing.line), (.dark, .loss), (.dark, .bsweep), (.dark, .contour), (.dark, .compare),
                      (.dark, .dashboard), (.slide, .contour), (.slide, .loss), (.slide, .compare)])
    func themedFramesMatchGoldens(_ theme: Theme, _ kind: SceneDrawing) throws {
        let (w, h) = theme == .slide ? (960, 540) : GoldenImageTests.size(kind)
        let animation = try Animation(kind: kind, input: Self.input(kind, theme: theme), width: w, height: h)
        for k in [0, 100] {
            try GoldenImageTests.check(try animation.render(k), golden: "\(theme.name)-\(kind.name)-\(k)")
        }
    }

    /// Every string drawn (headings, ticks, axis titles, legends, colour bars, readouts) against the colour
    /// most of its glyphs' pixels showed before it was drawn, in every scene and theme, first and last
    /// frame: at least 4.5:1, WCAG 2 level AA for text.
    @Test(arguments: Theme.all)
    func everyTextMeetsWCAGAA(_ theme: Theme) throws {
        var worst: (ratio: Double, what: String) = (21, "")
        for kind in SceneDrawing.all {
            let probe = TextProbe()
            let size = theme.defaultSize ?? (kind.isPanels ? (960, 540) : (640, 480))
            let animation = try Animation(kind: kind, input: Self.input(kind, theme: theme), width: size.0, height: size.1,
                                          frameLimit: nil, textProbe: probe)
            _ = try animation.render(0)
            _ = try animation.render(animation.frameCount - 1)
            #expect(probe.samples.count > 10, "\(kind): only \(probe.samples.count) strings seen")
            for s in probe.samples {
                let ratio = s.color.contrast(with: s.background)
                if ratio < worst.ratio { worst = (ratio, "\(kind) '\(s.text)' #\(String(s.color.value, radix: 16)) on #\(String(s.background.value, radix: 16))") }
                #expect(ratio >= 4.5, "\(theme) \(kind): '\(s.text)' has contrast \(ratio)")
            }
        }
        print("worst text contrast, \(theme): \(String(format: "%.2f", worst.ratio)):1, \(worst.what)")
    }

    @Test func contrastMatchesWCAGsOwnExamples() {
        #expect(abs(RGB(0x000000).contrast(with: RGB(0xFFFFFF)) - 21) < 1e-9)
        #expect(abs(RGB(0x777777).contrast(with: RGB(0xFFFFFF)) - 4.48) < 0.01)   // the famous just-fails grey
        #expect(RGB(0x767676).contrast(with: RGB(0xFFFFFF)) >= 4.5)
        #expect(RGB(0x0072B2).contrast(with: RGB(0x0072B2)) == 1)
    }

    /// Tick labels at least 22 px and series lines at least 3 px at any frame size, single or paneled.
    @Test(arguments: [(640, 480), (960, 540), (1280, 720), (1920, 1080), (320, 240)])
    func slideSizesReadOnAProjector(_ size: (Int, Int)) {
        var styles = [Style(width: size.0, height: size.1, theme: .slide)]
        for (columns, rows) in [(2, 1), (2, 2), (3, 1)] {
            styles.append(CompositeScene.pageStyle(width: size.0, height: size.1, columns: columns, rows: rows, theme: .slide))
        }
        for s in styles {
            #expect(s.tickSize >= 22 && s.labelSize >= 22 && s.titleSize >= 22)
            #expect(s.lineWidth >= 3)
        }
        #expect(Theme.slide.defaultSize! == (1920, 1080))
        // Light is today's look: its sizes are the reference's.
        #expect(Style(width: 640, height: 480, theme: .light).tickSize == 12.5)
    }

    /// On a transparent page the corners are transparent in every frame, no plot pixel and no readout
    /// pixel ever is, and the frames still show the same picture once the marks are removed.
    @Test(arguments: [SceneDrawing.contour, .line, .lrSweep])
    func aTransparentPageLeavesThePlotsOpaque(_ kind: SceneDrawing) throws {
        let (w, h) = GoldenImageTests.size(kind)
        let clear = try Animation(kind: kind, input: Self.input(kind, theme: .light, transparent: true), width: w, height: h)
        let solid = try Animation(kind: kind, input: Self.input(kind, theme: .light), width: w, height: h)
        let scene = kind.make(try Self.input(kind, theme: .light), width: w, height: h, font: try Font.make())
        let bit = Frame.transparentBit
        for k in [0, 50, clear.frameCount - 1] {
            let a = try clear.render(k), b = try solid.render(k)
            #expect(a.hasTransparency && !b.hasTransparency)
            #expect(!b.pixels.contains { $0 & bit != 0 })
            for (x, y) in [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)] {
                #expect(a.pixels[y * w + x] & bit != 0, "\(kind) frame \(k): corner (\(x), \(y)) is opaque")
            }
            #expect(a.pixels.map { $0 & 0xFF_FFFF } == b.pixels)
            for p in scene.plots {
                for y in p.y0..<p.y1 { for x in p.x0..<p.x1 { #expect(a.pixels[y * w + x] & bit == 0); if a.pixels[y * w + x] & bit != 0 { return } } }
            }
        }
        // Whatever changes from frame to frame stays opaque in both frames (a GIF could not clear it).
        let first = try clear.render(1), next = try clear.render(2)
        for (p, q) in zip(first.pixels, next.pixels) where p & 0xFF_FFFF != q & 0xFF_FFFF {
            #expect(p & bit == 0 && q & bit == 0)
        }
    }
}
