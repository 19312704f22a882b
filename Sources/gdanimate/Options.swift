import ArgumentParser
import Training
import Rasterizer

/// What to draw.
enum Mode: String, CaseIterable, ExpressibleByArgument {
    case line, loss, bsweep, contour, compare, dashboard
    case lrSweep = "lr-sweep"
    case scaling, all

    var scenes: [SceneKind] {
        self == .all ? SceneKind.single : [SceneKind(rawValue: rawValue)!]
    }

    /// Frame size when --width and --height are not given: 640×480 for one chart, wider for panels.
    func defaultSize(panels: Int) -> (width: Int, height: Int) {
        switch self {
        case .compare: return (960, 540)
        case .dashboard: return panels == 4 ? (960, 720) : (1200, 450)
        case .lrSweep: return panels <= 2 ? (1120, 480) : panels <= 4 ? (960, 720) : (1200, 720)
        case .scaling: return (1120, 480)
        default: return (640, 480)
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
    case batch, sgd, minibatch, momentum, nesterov, adam
}

extension Preset: ExpressibleByArgument {}
extension SnapshotInterval: ExpressibleByArgument {}
extension LossScale: ExpressibleByArgument {}
