import FrameEncoder
import Training

/// A file a render wrote: its path, the frames it holds (1 for a poster, each frame for a folder) and
/// its bytes.
public struct WrittenFile: Sendable, Equatable {
    /// The path written (a folder ends in `/`).
    public var path: String
    /// Frames it holds: the GIF's frames after repeats merged, one per PNG file, 1 for a poster.
    public var frames: Int
    /// Bytes on disk (for a folder, of all its files).
    public var bytes: Int
}

/// What ``Visual/render(into:threads:)`` did: the plan it followed (its runs, the fit) and the files.
public struct RenderReport: Sendable {
    /// The plan followed: the runs trained and the scenes drawn.
    public var plan: Plan
    /// Every file written, in the order of the scenes and of ``Visual/formats`` (the poster last).
    public var files: [WrittenFile]
    /// The last snapshot of the run: the fitted m, b and their MSE.
    public var fit: Snapshot { plan.history.final }
}

extension Visual {
    /// Reads the data, trains, draws every frame and writes the visual's files into `folder` (created if
    /// missing): NAME.gif and the other ``formats``, NAME.png with ``poster``. Each file appears whole or
    /// not at all: nothing that was there is replaced unless every file is complete.
    ///
    /// - Parameters:
    ///   - folder: Where the files go; created with its parents if missing.
    ///   - threads: Rendering threads (nil: one per processor); the files are the same for any number.
    /// - Returns: The plan followed and the files written.
    /// - Throws: ``VisualError`` for a setting that cannot be drawn, ``FileError`` for a file that cannot
    ///   be read or written, a CSV parse error naming the file, line and column.
    @discardableResult
    public func render(into folder: String, threads: Int? = nil) throws -> RenderReport {
        let plan = try Plan(self, data: try loadData(for: [scene]))
        return RenderReport(plan: plan, files: try plan.write(into: folder, renderer: Renderer(threads: threads)))
    }
}

extension Plan {
    /// Renders every scene into its files in `folder` (created if missing) under temporary names, then
    /// publishes them together with `others` (files already staged, such as a history): all appear, or
    /// on any failure none does and the temporary files are removed.
    package func write(into folder: String, renderer: Renderer, with others: [Files.Staged] = []) throws -> [WrittenFile] {
        var staged = others
        var files: [WrittenFile] = []
        var outputs: StagedOutputs?
        do {
            if !scenes.isEmpty {
                try Files.makeFolder(folder)
                outputs = try StagedOutputs(self, folder: folder)
                files = try outputs!.render(with: renderer)
                staged += outputs!.staged
            }
            try Files.publish(staged)
        } catch {
            outputs?.discard()
            for item in others { Files.discard(item.temp) }
            throw error
        }
        return files
    }
}

/// The sinks of every scene of a plan, each writing under a temporary name beside its file in `folder`.
package final class StagedOutputs {
    private let plan: Plan
    private var sinks: [[any FrameSink]] = []
    private var paths: [[String]] = []
    private var closers: [[() throws -> Files.Staged]] = []
    /// Every temporary file and folder made, for ``discard()``.
    private var temporaries: [() -> Void] = []
    /// The finished outputs, ready for ``Files/publish(_:)``, after ``render(with:)``.
    package private(set) var staged: [Files.Staged] = []

    package init(_ plan: Plan, folder: String) throws {
        self.plan = plan
        for scene in plan.scenes {
            let base = "\(folder)/\(scene.name)"
            var s: [any FrameSink] = [], p: [String] = [], c: [() throws -> Files.Staged] = []
            for format in plan.visual.formats {
                switch format.place {
                case .file(let ext):
                    let file = try StagedFile("\(base).\(ext)")
                    s.append(try format.makeSink(.file(file))); p.append(file.path); c.append { try file.close() }
                    temporaries.append(file.abandon)
                case .folder:
                    let dir = try StagedFolder(base)
                    s.append(try format.makeSink(.folder(dir))); p.append(base + "/"); c.append { dir.close() }
                    temporaries.append(dir.abandon)
                }
            }
            if plan.visual.poster {
                let file = try StagedFile("\(base).png")
                s.append(PosterSink(output: file)); p.append(file.path); c.append { try file.close() }
                temporaries.append(file.abandon)
            }
            sinks.append(s); paths.append(p); closers.append(c)
        }
    }

    /// Removes every temporary file and folder this made (after a failure; nothing is published).
    package func discard() {
        for remove in temporaries { remove() }
        for item in staged { Files.discard(item.temp) }
    }

    /// Renders every scene into its sinks and closes the files (unpublished).
    package func render(with renderer: Renderer) throws -> [WrittenFile] {
        let summaries = try renderer.render(plan, into: sinks)
        var files: [WrittenFile] = []
        for i in summaries.indices {
            for (j, summary) in summaries[i].enumerated() {
                staged.append(try closers[i][j]())
                files.append(WrittenFile(path: paths[i][j], frames: summary.frames, bytes: summary.bytes))
            }
        }
        return files
    }
}
