#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Points gathered while a file streams in, before their number is known, at 16 bytes a point: fixed
/// blocks of pages taken straight from the system (`mmap`), filled a point at a time, handed on whole from
/// the pieces read on threads to the reader (``adopt(_:)``), and given back one by one as ``arrays()`` moves
/// them into two arrays of exactly the points' count.
///
/// Why not arrays grown as points arrive: an array grows by doubling and copying, so ten million points
/// would pass through 16 bytes a point of spare capacity plus a transient copy (2–3× in all); and blocks
/// from `malloc` may stay with the process after they are freed, so the final copy would briefly hold every
/// point twice. A mapped page counts only once a point is written to it and stops counting when unmapped, so
/// a piece's half-filled last block costs only the pages it filled. One thread at a time uses a store: the
/// task reading a piece fills it, then the reading thread adopts its blocks (hence `@unchecked Sendable`).
final class PointBlocks: @unchecked Sendable {
    /// Points per block (512 KiB of one column: at most that much is held twice while the blocks move
    /// into the arrays, and 10⁹ points map 30,000 blocks, well within the system's limit of 65,530 maps).
    static let blockPoints = 1 << 16
    /// Points unmapped at once while the blocks move into the arrays (64 KiB, whole pages).
    static let slicePoints = 1 << 13
    private var blocks: [(x: UnsafeMutablePointer<Double>, y: UnsafeMutablePointer<Double>, count: Int)] = []
    /// The block being filled (the last of `blocks`, whose count is `filled` until it is sealed).
    private var x: UnsafeMutablePointer<Double>?, y: UnsafeMutablePointer<Double>?
    private var filled = 0
    /// Points in all blocks.
    private(set) var count = 0

    init() {}

    deinit {
        seal()
        for block in blocks { Self.unmap(block.x); Self.unmap(block.y) }
    }

    /// Adds the point (x, y).
    @inline(__always)
    func append(_ px: Double, _ py: Double) {
        if x == nil || filled == Self.blockPoints { start() }
        x![filled] = px
        y![filled] = py
        filled += 1
        count += 1
    }

    private func start() {
        seal()
        x = Self.map()
        y = Self.map()
        filled = 0
    }

    /// Records the filling block's count and stops filling it.
    private func seal() {
        guard let x, let y else { return }
        blocks.append((x, y, filled))
        self.x = nil
        self.y = nil
    }

    /// Moves `other`'s points after these, block by block (no point is copied); `other` is left empty.
    func adopt(_ other: PointBlocks) {
        other.seal()
        seal()
        blocks += other.blocks
        count += other.count
        other.blocks = []
        other.count = 0
    }

    /// The points as two arrays of exactly `count` elements; each block is given back a slice at a time as
    /// it is copied, so at most one slice (64 KiB) is held twice. The store is empty afterwards.
    func arrays() -> (xs: [Double], ys: [Double]) {
        seal()
        let n = count
        let xs = column(n, \.x), ys = column(n, \.y)
        blocks = []
        count = 0
        return (xs, ys)
    }

    /// One column of every block copied into an array of `n` values, each block's column unmapped once copied.
    private func column(_ n: Int, _ side: KeyPath<(x: UnsafeMutablePointer<Double>, y: UnsafeMutablePointer<Double>, count: Int), UnsafeMutablePointer<Double>>) -> [Double] {
        guard n > 0 else { return [] }
        return [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
            var done = 0
            for block in blocks {
                let from = block[keyPath: side]
                for start in stride(from: 0, to: Self.blockPoints, by: Self.slicePoints) {
                    let k = min(Self.slicePoints, block.count - start)
                    if k > 0 { (buffer.baseAddress! + done).initialize(from: from + start, count: k) }
                    done += max(0, k)
                    munmap(UnsafeMutableRawPointer(from + start), Self.slicePoints * MemoryLayout<Double>.stride)
                }
            }
            initialized = n
        }
    }

    private static func map() -> UnsafeMutablePointer<Double> {
        let bytes = blockPoints * MemoryLayout<Double>.stride
        guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
            fatalError("out of memory: could not map \(bytes) bytes for the points")
        }
        return raw.bindMemory(to: Double.self, capacity: blockPoints)
    }

    private static func unmap(_ block: UnsafeMutablePointer<Double>) {
        munmap(UnsafeMutableRawPointer(block), blockPoints * MemoryLayout<Double>.stride)
    }
}
