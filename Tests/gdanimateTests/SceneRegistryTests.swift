import Foundation
import GDAnimateKit
import Rasterizer
import Testing
@testable import gdanimate

/// Walks the scene registry (``SceneKind/allCases``, which reads `SceneDefinition.registered`): every
/// scene the library knows is drawn, described, offered by `--help` and `--mode`, and reads its data as its
/// definition says, so a scene added with one file and one registry line is checked here with no test of its own.
struct SceneRegistryTests {
    /// A CSV of `rows` points near y = 3x + 4, written to a temporary file, and the points it holds.
    static func csv(_ rows: Int, _ name: String) throws -> (path: String, xs: [Double], ys: [Double]) {
        var text = "x,y\n"
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<rows {
            let x: Double = Double(i % 997) / 50 - 3
            let noise: Double = Double(i % 13) / 5 - 1.2
            xs.append(x)
            ys.append(3 * x + 4 + noise)
            text += "\(xs[i]),\(ys[i])\n"
        }
        let path = NSTemporaryDirectory() + "gdanimate-registry-\(getpid())-\(name).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, xs, ys)
    }

    /// The first and last frame of `scene`, rendered as the renderer renders it.
    static func firstAndLast(_ scene: PlannedScene) throws -> [Frame] {
        let animation = try Animation(kind: scene.kind.definition.drawing, input: scene.input, width: scene.width, height: scene.height,
                                      frameLimit: scene.frameLimit)
        #expect(animation.frameCount == scene.frameCount, "\(scene.kind): the plan's frame count is the animation's")
        return [try animation.render(0), try animation.render(animation.frameCount - 1)]
    }

    /// Renders the first and last frame of `scene` as the renderer does, and checks that they have the planned
    /// size, ink beyond the page colour (at least 2 % of the pixels), and differ (the scene animates).
    static func expectDrawn(_ scene: PlannedScene, page: RGB) throws {
        let frames = try firstAndLast(scene)
        let (first, last) = (frames[0], frames[1])
        #expect(first.width == scene.width && first.height == scene.height)
        let inked = first.pixels.filter { $0 & 0xFF_FFFF != page.value }.count
        #expect(Double(inked) >= 0.02 * Double(first.pixels.count), "\(scene.kind): \(inked) of \(first.pixels.count) pixels drawn")
        #expect(first.pixels != last.pixels, "\(scene.kind): the last frame is the first")
    }

    @Test func theRegistryNamesEachSceneOnce() {
        let names = SceneKind.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count && !names.isEmpty)
        for kind in SceneKind.allCases { #expect(SceneKind(rawValue: kind.rawValue) == kind) }
        #expect(SceneKind(rawValue: "no-such-scene") == nil)
    }

    /// Drawn: the frames have the planned size, ink beyond the page colour (at least 2 % of the pixels),
    /// and the last differs from the first (the scene animates); and the runs it shows were counted.
    @Test(arguments: SceneKind.allCases)
    func everySceneRendersAFrame(_ kind: SceneKind) throws {
        var visual = kind.example()
        visual.frames = 3
        let scene = try #require(try Plan(visual, data: visual.loadData()).scenes.first)
        #expect(scene.kind == kind)
        try Self.expectDrawn(scene, page: visual.theme.page)
        // Every run it shows side by side is counted beforehand (the note before long training counts them).
        #expect(scene.input.runs.count <= visual.runs(for: [kind]).count, "\(kind) shows \(scene.input.runs.count) runs, counts \(visual.runs(for: [kind]))")
    }

    /// Described: a sentence or more, about this data, in words of what `--help` says the scene shows; and
    /// no two scenes say the same of one visual.
    @Test func everySceneDescribesItselfInItsOwnWords() throws {
        let function: Set<String> = ["and", "the", "with", "one", "per", "too", "at", "on", "in", "of", "several", "beside"]
        var seen: [String: SceneKind] = [:]
        for kind in SceneKind.allCases {
            let visual = kind.example()
            let data = try visual.loadData()
            let text = try Plan(visual, data: data).descriptions()[0]
            #expect(text.count > 80 && text.hasSuffix("."), "\(kind): \(text)")
            #expect(text.contains(data.source), "\(kind) does not name its data: \(text)")
            let words = kind.summary.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
                .filter { $0.count >= 3 && !function.contains($0) && !$0.hasPrefix("-") }
            #expect(words.contains { text.lowercased().contains($0) }, "\(kind): none of \(words) in \(text)")
            if let other = seen[text] { Issue.record("\(kind) and \(other) say the same") }
            seen[text] = kind
        }
    }

    /// Offered: `--help` lists each scene with its summary, and `--mode` takes its name.
    @Test func everySceneIsInTheHelpAndTakenByMode() throws {
        let help = GDAnimate.helpMessage(columns: 100).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for kind in SceneKind.allCases {
            #expect(help.contains("\(kind.rawValue) (\(kind.summary))"), "\(kind) is not in --help")
            #expect(try VisualOptions.parse(kind.example().arguments).mode == .scene(kind))
        }
    }

    /// Read as declared: from a file past the density threshold, a scene that needs the statistics alone, or
    /// draws the points' density, keeps no points (its plan counts the density on a second reading), and one
    /// that needs the points keeps them; from a small file a density scene keeps its points to draw dots.
    /// What it kept is enough: its frames are those it draws when given every point (within the goldens'
    /// tolerance, for the last digits of sums taken in another order), so a scene that draws the points but
    /// declares it needs their statistics alone fails here.
    @Test(arguments: SceneKind.allCases)
    func everySceneKeepsOrStreamsItsDataAsItDeclares(_ kind: SceneKind) throws {
        let rows = [DensityCounts.threshold + 1000, 200]
        let files = try rows.map { try Self.csv($0, "\(kind.rawValue)-\($0)") }
        defer { for f in files { unlink(f.path) } }
        let need = kind.definition.data
        for (file, rows) in zip(files, rows) {
            var visual = kind.example(Visual(scene: kind, data: .file(path: file.path)))
            (visual.frames, visual.epochs) = (2, 20)
            let data = try visual.loadData(for: [kind])
            #expect(data.count == rows)
            // Polynomial features (the penalty scene's example of one x) are made from the points themselves.
            let keeps = need == .points || visual.degree != nil || (need == .pointsOrDensity && rows <= DensityCounts.threshold)
            #expect(data.hasPoints == keeps, "\(kind) (\(need)) from \(rows) rows kept points: \(data.hasPoints)")
            #expect(data.xs.count == (keeps ? rows : 0))
            let scene = try #require(try Plan(visual, data: data).scenes.first)
            #expect((scene.input.density != nil) == (need == .pointsOrDensity && !keeps), "\(kind): density counted")
            try Self.expectDrawn(scene, page: visual.theme.page)
            var whole = visual
            let every = Dataset(xs: file.xs, ys: file.ys, source: data.source)
            whole.data = .points(every)
            whole = kind.example(whole)
            let reference = try #require(try Plan(whole, data: whole.loadData(for: [kind])).scenes.first)
            for (a, b) in zip(try Self.firstAndLast(scene), try Self.firstAndLast(reference)) {
                let off = zip(a.pixels, b.pixels).filter { $0 != $1 }.count
                #expect(a.width == b.width && a.height == b.height && Double(off) <= 0.005 * Double(a.pixels.count),
                        "\(kind) from \(rows) rows: \(off) pixels differ from the frame drawn with every point")
            }
        }
    }
}
