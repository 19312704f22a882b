#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rows of k numbers gathered while a file streams in, before their number is known, at 8·k bytes a row:
/// ``PointBlocks``' mapped blocks for any number of columns (the features and the label of a labelled
/// file). Blocks are filled a row at a time, adopted whole from the pieces read on threads, and given back
/// a slice at a time as ``arrays()`` copies them into one array per column of exactly the rows' count, so
/// ten million rows of three columns peak at about 24 bytes a row, not the 2–3× of arrays grown by
/// doubling. One thread at a time uses a store (hence `@unchecked Sendable`).
final class ColumnBlocks: @unchecked Sendable {
    /// Rows per block (512 KiB a column).
    static let blockRows = PointBlocks.blockPoints
    /// Rows unmapped at once while the blocks move into the arrays (64 KiB a column).
    static let sliceRows = PointBlocks.slicePoints
    /// k.
    let width: Int
    /// The sealed blocks: one pointer per column, and their row count.
    private var blocks: [(columns: [UnsafeMutablePointer<Double>], count: Int)] = []
    /// The block being filled.
    private var current: [UnsafeMutablePointer<Double>] = []
    private var filled = 0
    /// Rows in all blocks.
    private(set) var count = 0

    /// An empty store of rows of `width` numbers.
    init(width: Int) { self.width = width }

    deinit {
        seal()
        for block in blocks { for c in block.columns { Self.unmap(c, Self.blockRows) } }
    }

    /// Adds one row: `row[0..<width]`.
    @inline(__always)
    func append(_ row: UnsafeBufferPointer<Double>) {
        if current.isEmpty || filled == Self.blockRows { start() }
        for j in 0..<width { current[j][filled] = row[j] }
        filled += 1
        count += 1
    }

    private func start() {
        seal()
        current = (0..<width).map { _ in Self.map() }
        filled = 0
    }

    private func seal() {
        guard !current.isEmpty else { return }
        blocks.append((current, filled))
        current = []
    }

    /// Moves `other`'s rows after these, block by block; `other` is left empty.
    func adopt(_ other: ColumnBlocks) {
        other.seal()
        seal()
        blocks += other.blocks
        count += other.count
        other.blocks = []
        other.count = 0
    }

    /// The rows as one array per column, each of exactly `count` values; every block is unmapped a slice
    /// at a time as it is copied. The store is empty afterwards.
    func arrays() -> [[Double]] {
        seal()
        let n = count
        let out = (0..<width).map { j in column(n, j) }
        blocks = []
        count = 0
        return out
    }

    private func column(_ n: Int, _ j: Int) -> [Double] {
        guard n > 0 else { return [] }
        return [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
            var done = 0
            for block in blocks {
                let from = block.columns[j]
                for start in stride(from: 0, to: Self.blockRows, by: Self.sliceRows) {
                    let k = min(Self.sliceRows, block.count - start)
                    if k > 0 { (buffer.baseAddress! + done).initialize(from: from + start, count: k) }
                    done += max(0, k)
                    munmap(UnsafeMutableRawPointer(from + start), Self.sliceRows * MemoryLayout<Double>.stride)
                }
            }
            initialized = n
        }
    }

    private static func map() -> UnsafeMutablePointer<Double> {
        let bytes = blockRows * MemoryLayout<Double>.stride
        guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
            fatalError("out of memory: could not map \(bytes) bytes for the rows")
        }
        return raw.bindMemory(to: Double.self, capacity: blockRows)
    }

    private static func unmap(_ block: UnsafeMutablePointer<Double>, _ rows: Int) {
        munmap(UnsafeMutableRawPointer(block), rows * MemoryLayout<Double>.stride)
    }
}
