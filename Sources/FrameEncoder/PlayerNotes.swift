import Rasterizer

/// What a player page shows beside each frame: a table of numbers per run (one row per frame, the
/// columns the same for every run) and chapters on its scrubber. The encoder keeps them as numbers and
/// text; what they mean (an epoch, a slope, a loss) is the caller's.
public struct PlayerNotes: Sendable, Equatable {
    /// A column of the table.
    public struct Column: Sendable, Equatable {
        /// The column's name in the CSV download: `epoch`, `m`, `dJ_dm`.
        public var name: String
        /// How the page labels it: `epoch`, `m`, `∂J/∂m`.
        public var label: String
        /// Whole numbers (an epoch, an update), written without decimals.
        public var isCount: Bool

        /// A column called `name` in the CSV and `label` on the page; `isCount` for whole numbers.
        public init(name: String, label: String, isCount: Bool = false) {
            self.name = name
            self.label = label
            self.isCount = isCount
        }
    }

    /// One run's rows.
    public struct Run: Sendable, Equatable {
        /// The run's name (a legend's label); empty for the one run of a single-run scene.
        public var label: String
        /// Row-major: frame f's value of column c is `values[f * columns.count + c]`.
        public var values: [Double]

        /// A run called `label` with its rows, row-major.
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    /// A place on the scrubber worth a click.
    public struct Chapter: Sendable, Equatable {
        /// The frame it starts at.
        public var frame: Int
        /// What happens there, in a few words.
        public var title: String

        /// A chapter called `title` at `frame`.
        public init(frame: Int, title: String) {
            self.frame = frame
            self.title = title
        }
    }

    /// The page's title: what the visual is.
    public var title: String
    /// The table's columns.
    public var columns: [Column]
    /// Per run, its rows: one per frame of the animation.
    public var runs: [Run]
    /// Chapters in frame order.
    public var chapters: [Chapter]
    /// A sentence under the table saying where its numbers come from.
    public var source: String

    /// Notes of `runs` with `columns`, `chapters` and a sentence on their `source`, under `title`.
    public init(title: String = "gdanimate player", columns: [Column], runs: [Run], chapters: [Chapter] = [], source: String = "") {
        self.title = title
        self.columns = columns
        self.runs = runs
        self.chapters = chapters
        self.source = source
    }
}
