#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Points gathered while a file streams in, before their number is known, at 16 bytes a point: fixed
/// blocks of pages taken straight from the system (`mmap`) and given back one by one as ``arrays()`` moves
/// them into two arrays of exactly the points' count.
///
/// Why not arrays grown as points arrive: an array grows by doubling and copying, so ten million points
/// would pass through 16 bytes a point of spare capacity plus a transient copy (2–3× in all); and blocks
/// from `malloc` may stay with the process after they are freed, so the final copy would briefly hold every
/// point twice. Pages mapped and unmapped here are counted only while they hold points.
final class PointBlocks {
    /// Points per block (2 MiB of one column).
    static let blockPoints = 1 << 18
    private var xBlocks: [UnsafeMutablePointer<Double>] = [], yBlocks: [UnsafeMutablePointer<Double>] = []
    /// Points in all blocks.
    private(set) var count = 0

    init() {}

    deinit { for block in xBlocks + yBlocks { Self.unmap(block) } }

    /// Adds the points (xs[i], ys[i]), in order.
    func append(_ xs: [Double], _ ys: [Double]) {
        precondition(xs.count == ys.count)
        var i = 0
        while i < xs.count {
            let offset = count % Self.blockPoints
            if offset == 0 {
                xBlocks.append(Self.map())
                yBlocks.append(Self.map())
            }
            let n = min(Self.blockPoints - offset, xs.count - i)
            xs.withUnsafeBufferPointer { (xBlocks[xBlocks.count - 1] + offset).update(from: $0.baseAddress! + i, count: n) }
            ys.withUnsafeBufferPointer { (yBlocks[yBlocks.count - 1] + offset).update(from: $0.baseAddress! + i, count: n) }
            i += n
            count += n
        }
    }

    /// The points as two arrays of exactly `count` elements; each block is given back once copied, so at
    /// most one block's points are held twice. The store is empty afterwards.
    func arrays() -> (xs: [Double], ys: [Double]) {
        let n = count
        let xs = Self.column(&xBlocks, count: n), ys = Self.column(&yBlocks, count: n)
        count = 0
        return (xs, ys)
    }

    /// One column's blocks copied into an array of `count` values, each block unmapped once copied.
    private static func column(_ blocks: inout [UnsafeMutablePointer<Double>], count: Int) -> [Double] {
        guard count > 0 else { return [] }
        let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            for block in blocks {
                let n = min(blockPoints, count - done)
                (buffer.baseAddress! + done).initialize(from: block, count: n)
                done += n
                unmap(block)
            }
            initialized = count
        }
        blocks = []
        return values
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
