import Rasterizer
import Training

extension Plan {
    /// Counts, for each scene drawing the density of data whose statistics alone were kept (a line scene of
    /// a large file), the points per pixel of its plot: the file is read a second time and every point
    /// counted, exactly, with one frame's worth of memory. Nothing to do when the points are here.
    ///
    /// - Throws: ``VisualError`` when the points cannot be read again (data given as statistics alone, or a
    ///   stream not copied as it was read), the second reading fails, or the file changed between the two
    ///   readings.
    static func countDensities(_ scenes: inout [PlannedScene], visual: Visual, data: Dataset, threads: Int?) throws(VisualError) {
        guard !data.hasPoints else { return }
        var counts: [(scene: Int, counts: DensityCounts)] = []
        for (i, scene) in scenes.enumerated() where scene.kind.definition.data == .pointsOrDensity {
            let frame: DensityCounts.Frame?
            do { frame = try scene.kind.definition.drawing.densityFrame(input: scene.input, width: scene.width, height: scene.height) } catch {
                throw VisualError("\(error)")
            }
            guard let frame else {
                throw VisualError("\(data.source): --mode \(scene.kind.rawValue) draws the \(data.count) points, but only their statistics were read; read the data with its points (Visual.loadData(for:) with this scene)")
            }
            counts.append((i, DensityCounts(frame: frame)))
        }
        guard !counts.isEmpty else { return }
        guard case .file(let path, _, _) = visual.data, Files.canReadAgain(path) else {
            throw VisualError("\(data.source): the density of the points needs them read once more, and only a regular file or a stream copied as it was read (Visual.loadData(for:) with this scene) can be; give the points themselves")
        }
        let read: Int
        do {
            // Counted where the scene draws them: standardized like the data trained on (--standardize).
            let scaling = data.scaling
            read = try visual.streamPoints(threads: threads ?? FrameFarm.processors) { xs, ys in
                let drawn = scaling.map { s in xs.map { ($0 - s.means[0]) / s.deviations[0] } } ?? xs
                for k in counts.indices { counts[k].counts.add(drawn, ys) }
            }
        } catch let error as VisualError {
            throw error
        } catch {
            throw VisualError("\(error)")
        }
        guard read == data.count else {
            throw VisualError("\(Visual.name(path)): the file changed while it was read: \(data.count) points the first time, \(read) the second; nothing was written")
        }
        for (i, c) in counts { scenes[i].input.density = c }
    }
}
