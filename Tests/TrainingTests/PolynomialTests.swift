import Foundation
import Testing
@testable import Training

/// Polynomial features and the validation split (issue 25): least squares on degree 1–15 against
/// `numpy.linalg.lstsq` (Scripts/make-penalty-fixtures.py), the features and splits against hand-worked values.
struct PolynomialTests {
    /// The unpenalised optimum of the standardized powers of the wave, degree 1 to 15, within 1e-8 of lstsq's
    /// (relative to the largest |θ|): θ and the fitted values.
    @Test func leastSquaresMatchesLstsq() throws {
        let wave = Preset.wave.generate(seed: 0)
        var worst = 0.0, worstFit = 0.0, worstCholesky = 0.0
        for row in try FeatureModelTests.rows("penalty-poly-lstsq.csv") {
            let degree = Int(row[0])
            let data = try #require(try wave.polynomial(degree: degree).standardizingFeatures())
            let model = try PenalizedRegression(data, penalty: Penalty(.l2, lambda: 0))
            let ours = model.unpenalizedOptimum.theta, theirs = Array(row.dropFirst())
            #expect(ours.count == degree + 1)
            let scale = theirs.reduce(0) { max($0, abs($1)) }
            let error = zip(ours, theirs).reduce(0) { max($0, abs($1.0 - $1.1)) } / scale
            #expect(error <= 1e-8, "degree \(degree): relative difference \(error)")
            worst = max(worst, error)
            // The fitted values at the points.
            let columns = data.featureColumns
            for i in data.ys.indices {
                var a = ours[degree], b = theirs[degree]
                for j in 0..<degree { a += ours[j] * columns[j][i]; b += theirs[j] * columns[j][i] }
                worstFit = max(worstFit, abs(a - b))
            }
            #expect(model.optimum == model.unpenalizedOptimum)
            let cholesky = try #require(try LinearRegression(data).optimum).theta
            worstCholesky = max(worstCholesky, zip(cholesky, theirs).reduce(0) { max($0, abs($1.0 - $1.1)) } / scale)
        }
        print("polynomial least squares, degree 1–15, against lstsq: worst relative |Δθ| \(worst), worst |Δŷ| \(worstFit) (the normal equations alone: \(worstCholesky))")
    }

    /// x = 1, 3: x̄ = 2, σ = 1, so z = −1, 1 and the powers alternate in sign; names in superscripts.
    @Test func featuresByHand() throws {
        let data = Dataset(xs: [1, 3], ys: [5, 6], source: "t")
        let features = try PolynomialFeatures(degree: 3, of: data)
        #expect(features.center == 2 && features.scale == 1)
        let out = try features.transform(data)
        #expect(out.featureColumns == [[-1, 1], [1, 1], [-1, 1]] && out.ys == [5, 6])
        #expect(out.featureNames == ["x", "x²", "x³"])
        #expect(features.powers(4) == [2, 4, 8])
        let raw = try PolynomialFeatures(degree: 2, of: data, standardizingInput: false)
        #expect(raw.powers(3) == [3, 9])
        #expect(try PolynomialFeatures(degree: 15, of: data).names("t").last == "t¹⁵")
        #expect(PolynomialFeatures.superscript(20) == "²⁰")
    }

    @Test func badPolynomialsAreRefused() {
        let data = Preset.wave.generate(seed: 0)
        #expect(throws: PolynomialFeatures.Invalid.degree(0)) { try data.polynomial(degree: 0) }
        #expect(throws: PolynomialFeatures.Invalid.degree(21)) { try data.polynomial(degree: 21) }
        #expect(throws: PolynomialFeatures.Invalid.severalFeatures(2)) { try Preset.correlated.generate(seed: 0).polynomial(degree: 2) }
        var summary = DataSummary()
        summary.add(1, 2); summary.add(2, 3)
        #expect(throws: PolynomialFeatures.Invalid.needsPoints) { try Dataset(summary: summary, source: "s").polynomial(degree: 2) }
        #expect(throws: PolynomialFeatures.Invalid.noSpread) { try Dataset(xs: [2, 2, 2], ys: [1, 2, 3], source: "c").polynomial(degree: 2) }
    }

    /// Points whose x is their index, so that each side says which points it holds.
    static func indexed(_ n: Int) -> Dataset {
        let xs = (0..<n).map(Double.init)
        return Dataset(columns: [xs, xs.map { 10 * $0 }], ys: xs.map { -$0 }, names: ["i", "ten"], source: "t")
    }

    @Test func splitIsDisjointOrderedAndSeeded() throws {
        let data = Self.indexed(30)
        let (training, validation) = try data.split(validationFraction: 0.2, seed: 7)
        #expect(training.count == 24 && validation.count == 6)
        #expect(Set(training.xs).isDisjoint(with: validation.xs) && Set(training.xs + validation.xs) == Set(data.xs))
        #expect(training.xs == training.xs.sorted() && validation.xs == validation.xs.sorted())
        // Rows stay whole: every feature and y of a point go to the same side.
        for side in [training, validation] {
            #expect(side.extraFeatures[0] == side.xs.map { 10 * $0 } && side.ys == side.xs.map { -$0 })
            #expect(side.featureNames == ["i", "ten"])
        }
        let again = try data.split(validationFraction: 0.2, seed: 7)
        #expect(again.validation.xs == validation.xs)
        let other = try data.split(validationFraction: 0.2, seed: 8)
        #expect(other.validation.xs != validation.xs)
        // The split draws from the seed's own stream, salted: SplitMix64(7 ^ salt) picks the first point.
        var rng = SplitMix64(seed: 7 ^ 0x5641_4C49_4441_5445)
        #expect(validation.xs.contains(Double(rng.below(30))))
        #expect(try data.split(validationFraction: 0.5, seed: 1).validation.count == 15)
        #expect(try data.split(validationFraction: 0.33, seed: 1).validation.count == 10)   // round(9.9)
    }

    @Test func badSplitsAreRefused() {
        let data = Self.indexed(5)
        #expect(throws: Dataset.SplitError.fraction(0)) { try data.split(validationFraction: 0, seed: 0) }
        #expect(throws: Dataset.SplitError.fraction(1)) { try data.split(validationFraction: 1, seed: 0) }
        #expect(throws: Dataset.SplitError.self) { try data.split(validationFraction: .nan, seed: 0) }
        #expect(throws: Dataset.SplitError.tooFewPoints(training: 4, validation: 1)) { try data.split(validationFraction: 0.2, seed: 0) }
        #expect(throws: Dataset.SplitError.tooFewPoints(training: 1, validation: 4)) { try data.split(validationFraction: 0.8, seed: 0) }
        var summary = DataSummary()
        summary.add(1, 2); summary.add(2, 3)
        #expect(throws: Dataset.SplitError.needsPoints) { try Dataset(summary: summary, source: "s").split(validationFraction: 0.5, seed: 0) }
    }

    /// The validation set standardized with the training set's x̄ and σ, not its own; the training set scaled
    /// by its own scaling is its standardization to the bit.
    @Test func validationTakesTheTrainingScaling() throws {
        let (training, validation) = try Self.indexed(40).split(validationFraction: 0.25, seed: 3)
        let standardized = try #require(training.standardizingFeatures())
        let scaling = try #require(standardized.scaling)
        #expect(training.scaled(by: scaling) == standardized)
        let n = Double(training.count), mean = training.xs.reduce(0, +) / n
        let sd = (training.xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        let scaled = validation.scaled(by: scaling)
        #expect(scaled.xs == validation.xs.map { ($0 - mean) / sd })
        #expect(scaled.ys == validation.ys && scaled.scaling == scaling)
        // Its loss at θ, by hand: ŷ = 2x' + 1 against y = −x for the points x' = (x − x̄)/σ.
        let theta = [2.0, 0.5, 1.0]
        let byHand = zip(scaled.xs, zip(scaled.extraFeatures[0], scaled.ys)).map { x, rest in
            let r = rest.1 - (2 * x + 0.5 * rest.0 + 1)
            return r * r
        }.reduce(0, +) / Double(scaled.count)
        #expect(abs(scaled.meanSquaredError(theta) - byHand) <= 1e-15 * byHand)
        let own = try #require(validation.standardizingFeatures())
        #expect(own.xs != scaled.xs)
        // Polynomial features of the validation set use the training set's centre and scale too.
        let wave = try Preset.wave.generate(seed: 0).split(validationFraction: 0.2, seed: 1)
        let features = try PolynomialFeatures(degree: 3, of: wave.training)
        let held = try features.transform(wave.validation)
        #expect(held.featureColumns[2] == wave.validation.xs.map { let z = ($0 - features.center) / features.scale; return z * z * z })
    }
}
