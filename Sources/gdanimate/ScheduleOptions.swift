import ArgumentParser
import GDAnimateKit

/// The learning-rate schedule options: one schedule for the run, or several for `--mode compare`, with
/// the settings they take. A setting given for a schedule that does not use it is an error, not ignored.
struct ScheduleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How the rate changes per epoch k (0-based; every update of epoch k uses α_k): constant; step (α·γ^⌊k/N⌋); exponential (α·γ^k); cosine (α_min + (α − α_min)(1 + cos(πk/K))/2, K = --epochs); inverse (α/(1 + d·k)).", valueName: "name"))
    var lrSchedule: String = "constant"

    @Option(name: .customLong("lr-schedules"), help: ArgumentHelp("--mode compare: these schedules side by side for --optimizer (comma list), instead of --optimizers.", valueName: "list"))
    var lrSchedules: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("step: epochs between drops (default: a quarter of --epochs).", valueName: "N"))
    var lrStep: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("step and exponential: the factor γ (default 0.5 for step, 0.95 for exponential).", valueName: "γ"))
    var lrGamma: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("cosine: the floor α_min the rate falls towards, reached one epoch after the last (default 0).", valueName: "α_min"))
    var lrMin: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("inverse: the decay d (default 0.02: Géron's t0/(t + t1) with t1 = 50).", valueName: "d"))
    var lrDecay: Double?

    /// The run's schedule, and the compared schedules (nil without `--lr-schedules`).
    func schedules(epochs: Int) throws(ValidationError) -> (LearningRateSchedule, [LearningRateSchedule]?) {
        let names = try lrSchedules.map { list throws(ValidationError) in
            try CommaList.fields(list).map { n throws(ValidationError) in try Self.known(n, option: "--lr-schedules") }
        }
        if lrSchedules != nil && lrSchedule != "constant" {
            throw ValidationError("--lr-schedule and --lr-schedules both choose the schedule; give --lr-schedules alone to compare schedules")
        }
        let single = try Self.known(lrSchedule, option: "--lr-schedule")
        let used = Set(names ?? [single])
        for (flag, given, users) in [("--lr-step", lrStep != nil, ["step"]), ("--lr-gamma", lrGamma != nil, ["step", "exponential"]),
                                     ("--lr-min", lrMin != nil, ["cosine"]), ("--lr-decay", lrDecay != nil, ["inverse"])]
        where given && used.isDisjoint(with: users) {
            throw ValidationError("\(flag) applies to --lr-schedule \(users.joined(separator: " or ")); the schedule is \(used.sorted().joined(separator: ", "))")
        }
        func make(_ name: String) -> LearningRateSchedule {
            switch LearningRateSchedule.standard(name, epochs: epochs)! {
            case .step(let every, let gamma): return .step(every: lrStep ?? every, gamma: lrGamma ?? gamma)
            case .exponential(let gamma): return .exponential(gamma: lrGamma ?? gamma)
            case .cosine(let minimum): return .cosine(minimum: lrMin ?? minimum)
            case .inverse(let decay): return .inverse(decay: lrDecay ?? decay)
            case .constant: return .constant
            }
        }
        return (make(single), names.map { $0.map(make) })
    }

    private static func known(_ name: String, option: String) throws(ValidationError) -> String {
        guard LearningRateSchedule.names.contains(name) else {
            throw ValidationError("\(option): '\(name)' is not a schedule; use \(LearningRateSchedule.names.joined(separator: ", "))")
        }
        return name
    }
}
