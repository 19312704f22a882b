#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the learning rate changes from epoch to epoch. The rate α_k of 0-based epoch k applies to every
/// update of that epoch; α is ``TrainingConfig/learningRate`` and K the epochs asked for. The formulas
/// are PyTorch's schedulers stepped once per epoch, and the inverse-time decay of Géron's SGD chapter.
public enum LearningRateSchedule: Sendable, Hashable, CustomStringConvertible {
    /// α_k = α.
    case constant
    /// α_k = α·γ^⌊k/N⌋: the rate drops by γ every N epochs (`torch.optim.lr_scheduler.StepLR`).
    case step(every: Int, gamma: Double)
    /// α_k = α·γ^k (`ExponentialLR`).
    case exponential(gamma: Double)
    /// α_k = α_min + (α − α_min)(1 + cos(πk/K))/2: from α at the first epoch towards α_min, which it
    /// would reach one epoch after the last (`CosineAnnealingLR` with T_max = K).
    case cosine(minimum: Double)
    /// α_k = α/(1 + d·k): inverse-time decay (Géron's t0/(t + t1) with α = t0/t1, d = 1/t1).
    case inverse(decay: Double)

    /// The names used on the command line, in help order.
    public static let names = ["constant", "step", "exponential", "cosine", "inverse"]

    /// The schedule called `name` with its standard settings for a run of `epochs`: step halves the rate
    /// every quarter of the run, exponential multiplies it by 0.95 an epoch, cosine falls to 0, inverse
    /// decays with d = 0.02 (Géron's t0/(t + t1) with t1 = 50); nil for an unknown name.
    public static func standard(_ name: String, epochs: Int) -> LearningRateSchedule? {
        switch name {
        case "constant": return .constant
        case "step": return .step(every: max(1, epochs / 4), gamma: 0.5)
        case "exponential": return .exponential(gamma: 0.95)
        case "cosine": return .cosine(minimum: 0)
        case "inverse": return .inverse(decay: 0.02)
        default: return nil
        }
    }

    /// The settings by their command-line names (`lr-step`, `lr-gamma`, `lr-min`, `lr-decay`).
    public var settings: [(name: String, value: Double)] {
        switch self {
        case .constant: return []
        case .step(let n, let g): return [("lr-step", Double(n)), ("lr-gamma", g)]
        case .exponential(let g): return [("lr-gamma", g)]
        case .cosine(let lo): return [("lr-min", lo)]
        case .inverse(let d): return [("lr-decay", d)]
        }
    }

    /// The schedule's name: `constant`, `step`, `exponential`, `cosine`, `inverse`.
    public var name: String {
        switch self {
        case .constant: return "constant"
        case .step: return "step"
        case .exponential: return "exponential"
        case .cosine: return "cosine"
        case .inverse: return "inverse"
        }
    }

    /// The name with its settings, for captions: `step (×0.5 every 25 epochs)`.
    public var description: String {
        switch self {
        case .constant: return "constant"
        case .step(let n, let g): return "step (×\(g.roundTripText) every \(n) epoch\(n == 1 ? "" : "s"))"
        case .exponential(let g): return "exponential (×\(g.roundTripText) per epoch)"
        case .cosine(let lo): return lo == 0 ? "cosine" : "cosine (to \(lo.roundTripText))"
        case .inverse(let d): return "inverse (1/(1 + \(d.roundTripText)k))"
        }
    }

    /// α_k for 0-based epoch `k` of `epochs`, with base rate `alpha`.
    public func rate(_ alpha: Double, epoch k: Int, of epochs: Int) -> Double {
        switch self {
        case .constant: return alpha
        case .step(let n, let gamma): return alpha * pow(gamma, Double(k / max(1, n)))
        case .exponential(let gamma): return alpha * pow(gamma, Double(k))
        case .cosine(let lo): return lo + (alpha - lo) * (1 + cos(Double.pi * Double(k) / Double(max(1, epochs)))) / 2
        case .inverse(let d): return alpha / (1 + d * Double(k))
        }
    }
}

extension TrainingConfig {
    /// α_k: the rate of every update of 0-based epoch `k` of this run, under its schedule.
    public func rate(epoch k: Int) -> Double { schedule.rate(learningRate, epoch: k, of: epochs) }

    /// The learning rate of the updates that led to `snapshot` (for the start: the first epoch's rate).
    public func rate(at snapshot: Snapshot) -> Double { rate(epoch: max(0, snapshot.epoch - 1)) }
}

extension TrainingResult {
    /// The learning rate of the updates that led to `snapshot` (for the start: the first epoch's rate).
    public func rate(at snapshot: Snapshot) -> Double { config.rate(at: snapshot) }
}
