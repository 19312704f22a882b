import FrameEncoder
import Rasterizer
import Training

extension PlannedScene {
    /// The runs the scene shows, each with the name a player gives its row: the one run of a single-run
    /// scene (unnamed), a comparison's or sweep's runs by their legend labels, the dashboard's run and its
    /// b-only run.
    var shownRuns: [(label: String, result: TrainingResult)] {
        if !input.runs.isEmpty { return input.runs.map { ($0.label, $0.result) } }
        guard let bOnly = input.bOnly else { return [("", input.result)] }
        return [("m and b", input.result), ("b only (m held)", bOnly)]
    }

    /// The snapshot index each frame shows, given the animation's frames (`Animation.frames`): the frame's
    /// own index, except in a scene that times its own frames (the steps scene's four beats of each shown epoch).
    func shownSnapshots(frames: [Int]) -> [Int] {
        guard let own = kind.definition.ownFrames else { return frames }
        return own.snapshots(frames, input.result.snapshots.count, frameLimit)
    }

    /// The columns of a player's table: the epoch and update of the snapshot, its parameters and loss, the
    /// gradient there and the rate of the updates that led to it.
    static func playerColumns(_ names: [String]) -> [PlayerNotes.Column] {
        var columns: [PlayerNotes.Column] = [.init(name: "epoch", label: "epoch", isCount: true), .init(name: "update", label: "update", isCount: true)]
        columns += names.map { .init(name: $0, label: $0) }
        columns.append(.init(name: "loss", label: "J"))
        columns += names.map { .init(name: "dJ_d\($0)", label: "∂J/∂\($0)") }
        columns.append(.init(name: "lr", label: "α"))
        return columns
    }

    /// Each frame's numbers, per run, and the chapters of the run, for a player page; `frames` are the
    /// animation's (`Animation.frames`).
    public func playerNotes(frames: [Int]) -> PlayerNotes {
        let shown = shownSnapshots(frames: frames)
        let names = input.result.model.parameterNames
        let columns = Self.playerColumns(names)
        let runs = shownRuns.map { run -> PlayerNotes.Run in
            var values: [Double] = []
            values.reserveCapacity(shown.count * columns.count)
            let snapshots = run.result.snapshots, model = run.result.model
            var g = [Double](repeating: 0, count: names.count)
            for k in shown {
                let s = snapshots[min(k, snapshots.count - 1)]
                model.gradient(s.theta, into: &g)
                values += [Double(s.epoch), Double(s.step)] + s.theta + [s.loss] + g + [run.result.config.rate(at: s)]
            }
            return PlayerNotes.Run(label: run.label, values: values)
        }
        let theta = names.joined(separator: ", ")
        // The summaries speak of the line's J(m,b); a model of other parameters gets its own.
        let summary = names == ["m", "b"] ? kind.summary : kind.summary.replacing("J(m,b)", with: "J(\(names.joined(separator: ",")))")
        return PlayerNotes(title: "\(name): \(summary)", columns: columns, runs: runs, chapters: chapters(shown: shown),
                           source: "Each row is the snapshot the frame shows: \(theta) and the loss J from the run itself, "
                               + "∇J = (\(names.map { "∂J/∂\($0)" }.joined(separator: ", "))) the full-data gradient of the mean squared error there, "
                               + "α the learning rate of the updates that led to it.")
    }

    /// Places worth a click: the start; per run, the first frame within 1 % of J* (or, when J* is 0,
    /// the first 99 % of the way down), a loss that climbs above its start, a divergence; each drop of
    /// a step schedule; in a scene that times its own frames, each frame (the steps scene's four beats of every shown epoch).
    func chapters(shown: [Int]) -> [PlayerNotes.Chapter] {
        var list = [PlayerNotes.Chapter(frame: 0, title: "Start")]
        if let own = kind.definition.ownFrames {
            return shown.indices.map { f in PlayerNotes.Chapter(frame: f, title: own.chapter(f, shown[f])) }
        }
        let runs = shownRuns
        for run in runs {
            let name = run.label.isEmpty || runs.count == 1 ? "" : "\(run.label): "
            let snapshots = run.result.snapshots
            let story = RunStory(run.result)
            func at(_ f: Int) -> Snapshot { snapshots[min(shown[f], snapshots.count - 1)] }
            func unit(_ s: Snapshot) -> String { "\(story.unit) \(story.time(s))" }
            let best = story.best.loss
            let close: (Snapshot) -> Bool = best > 0 ? { $0.loss <= best * 1.01 } : { (story.share($0) ?? 1) >= RunStory.downShare }
            if !story.diverges, let f = shown.indices.first(where: { close(at($0)) }), f > 0 {
                list.append(.init(frame: f, title: "\(name)within \(best > 0 ? "1 % of J*" : "99 % of the way down to J*") at \(unit(at(f)))"))
            }
            if let f = shown.indices.first(where: { at($0).loss > snapshots[0].loss }) {
                list.append(.init(frame: f, title: "\(name)the loss climbs above its start at \(unit(at(f)))"))
            }
            // A diverged run ends on its last finite snapshot: the first frame that shows it.
            if let epoch = run.result.divergedAtEpoch, let f = shown.indices.first(where: { shown[$0] >= snapshots.count - 1 }) {
                list.append(.init(frame: f, title: "\(name)diverged at epoch \(epoch): the run stops"))
            }
            if case .step(let every, _) = run.result.config.schedule, runs.count == 1 || run.label == runs[0].label {
                var previous = run.result.config.rate(at: snapshots[0])
                for f in shown.indices {
                    let rate = run.result.config.rate(at: at(f))
                    if rate < previous {
                        list.append(.init(frame: f, title: "\(name)α drops to \(RunStory.n(rate)) (every \(every) epochs)"))
                    }
                    previous = rate
                }
            }
        }
        // One chapter per frame, in frame order; what several runs do at one frame is said together.
        var merged: [PlayerNotes.Chapter] = []
        for c in list.sorted(by: { $0.frame < $1.frame }) {
            if let last = merged.last, last.frame == c.frame {
                if !last.title.contains(c.title) { merged[merged.count - 1].title += "; " + c.title }
            } else {
                merged.append(c)
            }
        }
        return merged
    }
}
