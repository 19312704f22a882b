import Rasterizer
import Training

extension Plan {
    /// Counts, for each scene drawing the density of data whose statistics alone were kept (a line scene of
    /// a large file), the points per pixel of its plot: the file is read a second time and every point
    /// counted, exactly, with one frame's worth of memory. Nothing to do when the points are here.
    ///
    /// - Throws: ``VisualError`` when the points cannot be read again (data given as statistics alone, or a
    ///   stream not copied as it was read) or the file changed between the two readings; the reader's own
    ///   error when the second reading fails, the rasterizer's when the plot cannot be laid out.
    static func countDensities(_ scenes: inout [PlannedScene], visual: Visual, data: Dataset, threads: Int?) throws {
        guard !data.hasPoints else { return }
        var counts: [(scene: Int, counts: DensityCounts)] = []
        for (i, scene) in scenes.enumerated() where scene.kind.definition.data == .pointsOrDensity {
            guard let frame = try scene.kind.definition.drawing.densityFrame(input: scene.input, width: scene.width, height: scene.height) else {
                throw VisualError.pointsNotKept(source: data.source, scene: scene.kind, points: data.count)
            }
            counts.append((i, DensityCounts(frame: frame)))
        }
        guard !counts.isEmpty else { return }
        guard case .file(let path, _, _) = visual.data, Files.canReadAgain(path) else {
            throw VisualError.cannotReadAgain(source: data.source)
        }
        // A parse error or a vanished file on this reading is thrown as the first reading would throw it.
        // Counted where the scene draws them: standardized like the data trained on (--standardize).
        let scaling = data.scaling
        let read = try visual.streamPoints(threads: threads ?? FrameFarm.processors) { xs, ys in
            let drawn = scaling.map { s in xs.map { ($0 - s.means[0]) / s.deviations[0] } } ?? xs
            for k in counts.indices { counts[k].counts.add(drawn, ys) }
        }
        guard read == data.count else {
            throw VisualError.fileChanged(file: Visual.name(path), first: data.count, second: read)
        }
        for (i, c) in counts { scenes[i].input.density = c }
    }
}
