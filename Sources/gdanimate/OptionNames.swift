import ArgumentParser
import GDAnimateKit

/// The library's errors and warnings in the command line's words: each setting named by its option,
/// and the exit status an error ends with.
enum OptionNames {
    /// The option that sets `property` (`learningRate` is `--lr`); a manifest's key is the same without
    /// the dashes.
    static func flag(_ property: Visual.Property) -> String {
        switch property {
        case .scene: "--mode"
        case .name: "--name"
        case .data: "--data"
        case .seed: "--seed"
        case .optimizer: "--optimizer"
        case .compared: "--optimizers"
        case .batchSize: "--batch-size"
        case .momentum: "--momentum"
        case .beta1: "--beta1"
        case .beta2: "--beta2"
        case .rmsDecay: "--rms-decay"
        case .learningRate: "--lr"
        case .schedule: "--lr-schedule"
        case .comparedSchedules: "--lr-schedules"
        case .sweepRates: "--lrs"
        case .epochs: "--epochs"
        case .initialM: "--init-m"
        case .initialB: "--init-b"
        case .fixedM: "--fixed-m"
        case .snapshot: "--snapshot"
        case .scheduleEvery: "--lr-step"
        case .scheduleGamma: "--lr-gamma"
        case .scheduleMinimum: "--lr-min"
        case .scheduleDecay: "--lr-decay"
        case .width: "--width"
        case .height: "--height"
        case .frames: "--frames"
        case .fps: "--fps"
        // --hold-start holds the first frame as long as --hold holds the last.
        case .holdEnd, .holdStart: "--hold"
        case .loop: "--loop"
        case .formats: "--format"
        case .poster: "--poster"
        case .lossScale: "--loss-scale"
        case .markBest: "--mark-best"
        case .readout: "--readout"
        case .arrows: "--arrows"
        case .theme: "--theme"
        case .background: "--background"
        case .camera: "--elevation, --azimuth and --orbit"
        case .elevation: "--elevation"
        case .azimuth: "--azimuth"
        case .orbit: "--orbit"
        case .surfacePanel: "--surface-panel"
        case .extraXColumns: "--x-column"
        case .standardize: "--standardize"
        case .axes: "--axes"
        }
    }

    /// Settings named by their options.
    static let words = SettingWords(commandLine: true, name: flag)

    /// `error` as the command line says it: a usage error (exit status 64) when the options alone are
    /// wrong, whatever the data; otherwise an error of status 1.
    static func commandLineError(_ error: VisualError) -> any Error {
        let message = error.message(words)
        return error.isSettingsOnly ? ValidationError(message) : Failure(description: message)
    }

    /// `warning` as the command line says it.
    static func message(_ warning: PlanWarning) -> String { warning.message(words) }

    /// An error the command line reports as it is, with exit status 1.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
