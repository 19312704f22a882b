import Dispatch

/// A sum over every point computed on several threads with the same bits for any thread count: the points
/// are cut into fixed chunks of ``size`` points (the cut depends on n alone, never on the threads), each
/// chunk is summed in point order into its own slot, and the slots are added in chunk order on the calling
/// thread. Which thread sums a chunk, and when, changes nothing. The threading is `CSVReader`'s:
/// `DispatchQueue.concurrentPerform` over workers, worker w taking chunks w, w + workers, ….
enum FixedChunks {
    /// Points per chunk: 2¹⁶ (a chunk of two features is 1.5 MB, and a thread's share of 10⁶ points is
    /// eight chunks).
    static let size = 1 << 16

    /// The number of chunks of `count` points.
    static func count(_ count: Int) -> Int { (count + size - 1) / size }

    /// Runs `body(c, range)` for every chunk c of `count` points on up to `threads` threads, each chunk
    /// writing `width` sums into its own slot of a zeroed buffer, then adds the slots in chunk order and
    /// returns the `width` totals.
    static func sum(count: Int, width: Int, threads: Int,
                    _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
        let chunks = Self.count(count)
        var slots = [Double](repeating: 0, count: chunks * width)
        slots.withUnsafeMutableBufferPointer { all in
            let base = Slots(all.baseAddress!)
            // The threads are joined before this returns: `body` does not outlive the call.
            withoutActuallyEscaping(body) { body in
                let work: @Sendable (Int) -> Void = { c in
                    let range = c * size ..< min(count, (c + 1) * size)
                    body(range, UnsafeMutableBufferPointer(start: base.pointer + c * width, count: width))
                }
                let workers = min(max(threads, 1), chunks)
                if workers <= 1 {
                    for c in 0..<chunks { work(c) }
                } else {
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        for c in stride(from: w, to: chunks, by: workers) { work(c) }
                    }
                }
            }
        }
        var total = [Double](repeating: 0, count: width)
        for c in 0..<chunks { for j in 0..<width { total[j] += slots[c * width + j] } }
        return total
    }
}

/// A pointer into the chunks' slots, handed to the threads (each writes only its own chunks' slots).
private struct Slots: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(_ pointer: UnsafeMutablePointer<Double>) { self.pointer = pointer }
}

/// The columns of a data set's points as pointers the threads of one pass read (never write): the
/// features' columns and y, valid only inside ``with(_:_:)``, for points that are there (n ≥ 1).
struct PointColumns: @unchecked Sendable {
    /// x₁…x_p, each of n values.
    let features: [UnsafePointer<Double>]
    /// y, n values.
    let y: UnsafePointer<Double>

    /// Runs `body` with the columns of `data` (its points must be kept and paired).
    static func with<R>(_ data: Dataset, _ body: (PointColumns) -> R) -> R {
        let columns = data.featureColumns
        func nest(_ j: Int, _ gathered: [UnsafePointer<Double>]) -> R {
            if j == columns.count {
                return data.ys.withUnsafeBufferPointer { y in body(PointColumns(features: gathered, y: y.baseAddress!)) }
            }
            return columns[j].withUnsafeBufferPointer { c in nest(j + 1, gathered + [c.baseAddress!]) }
        }
        return nest(0, [])
    }
}
