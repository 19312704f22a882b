import ArgumentParser
import Training
import Rasterizer

/// What to draw.
enum Mode: String, CaseIterable, ExpressibleByArgument {
    case line, loss, bsweep, contour, all

    var scenes: [SceneKind] {
        switch self {
        case .line: return [.line]
        case .loss: return [.loss]
        case .bsweep: return [.bsweep]
        case .contour: return [.contour]
        case .all: return SceneKind.allCases
        }
    }
}

/// Which files to write.
enum Format: String, CaseIterable, ExpressibleByArgument {
    case gif, png, both, none

    var writesGIF: Bool { self == .gif || self == .both }
    var writesPNG: Bool { self == .png || self == .both }
}

enum OptimizerName: String, CaseIterable, ExpressibleByArgument {
    case batch, sgd, minibatch
}

extension Preset: ExpressibleByArgument {}
extension SnapshotInterval: ExpressibleByArgument {}
extension LossScale: ExpressibleByArgument {}
