@testable import Training

/// The points of Scripts/make-logistic-fixtures.py's gen(n, p, seed), drawn here from the same SplitMix64
/// stream with the same IEEE operations: point i takes uniforms i·(p+1)…i·(p+1)+p, x_j = 4u − 2, and the
/// label is 1 when the last u < 0.5 + 0.5·z/(1 + |z|), z = 1.5·x₁ (− 2·x₂) + 0.5. Features past the second
/// do not enter z.
enum LogisticData {
    static func generated(n: Int, p: Int, seed: UInt64) -> Dataset {
        var rng = SplitMix64(seed: seed)
        var columns = [[Double]](repeating: [], count: p), ys: [Double] = []
        for j in 0..<p { columns[j].reserveCapacity(n) }
        ys.reserveCapacity(n)
        for _ in 0..<n {
            for j in 0..<p { columns[j].append(4 * rng.uniform() - 2) }
            let z = p == 1 ? 1.5 * columns[0].last! + 0.5 : 1.5 * columns[0].last! - 2 * columns[1].last! + 0.5
            let prob = 0.5 + 0.5 * z / (1 + abs(z))
            ys.append(rng.uniform() < prob ? 1 : 0)
        }
        let names = p == 1 ? ["x"] : (1...p).map { "x\($0)" }
        var data = Dataset(columns: columns, ys: ys, names: names, source: "gen(\(n), \(p), \(seed))")
        if p == 1 { data.featureNames = ["x"] }
        return data
    }
}
