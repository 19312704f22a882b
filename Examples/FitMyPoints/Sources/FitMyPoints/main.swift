import GDAnimateKit
import Foundation

// Usage: FitMyPoints OUTPUT_FOLDER. Fits ŷ = m·x + b to twelve measured points and writes
// OUTPUT_FOLDER/fit.gif: the descent on the loss surface, starting from a negative slope.
let folder = CommandLine.arguments.dropFirst().first ?? "out"
let xs: [Double] = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0]
let ys: [Double] = [0.9, 1.4, 2.6, 2.9, 3.8, 4.1, 5.2, 5.4, 6.3, 6.9, 7.4, 8.2]

var visual = Visual(scene: .contour, data: .points(Dataset(xs: xs, ys: ys, source: "my measurements")))
visual.name = "fit"
visual.learningRate = 0.05
visual.epochs = 60
visual.initialM = -1
do {
    let report = try visual.render(into: folder)
    for file in report.files { print("\(file.path)  \(file.frames) frames  \(file.bytes) bytes") }
    let fit = report.fit, best = report.plan.history.leastSquares
    print("fit: m = \(fit.m), b = \(fit.b), MSE = \(fit.loss) (least squares: m* = \(best.m), b* = \(best.b))")
} catch {
    print("FitMyPoints: \(error)")
    exit(1)
}
