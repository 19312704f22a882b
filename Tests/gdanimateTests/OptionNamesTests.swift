import ArgumentParser
import GDAnimateKit
import Testing
@testable import gdanimate

/// The command line names each of the library's settings by an option it has, and words the library's
/// errors and warnings with those names.
struct OptionNamesTests {
    /// Every option `OptionNames` names for a property is one `--help` lists.
    @Test(arguments: Visual.Property.allCases)
    func everyPropertysOptionIsInTheHelp(_ p: Visual.Property) {
        let help = GDAnimate.helpMessage(columns: 100)
        let flags = OptionNames.flag(p).split(separator: " ").map { String($0.filter { $0 != "," }) }.filter { $0.hasPrefix("--") }
        #expect(!flags.isEmpty)
        for flag in flags { #expect(help.contains(flag + " ") || help.contains(flag + "\n") || help.contains(flag + "/"), "\(p): \(flag)") }
    }

    /// The one table of option names (`Visual.Property.option`) names options `--help` lists.
    @Test func everyNamedOptionIsOneTheCommandLineTakes() throws {
        let help = GDAnimate.helpMessage(columns: 100)
        for p in Visual.Property.allCases {
            guard let option = p.option else { #expect(p == .camera); continue }
            let listed = ["--\(option) ", "--\(option)\n", "--\(option)/"].contains { help.contains($0) }
            #expect(listed, "\(p): --\(option) is not in --help")
        }
    }

    /// The same library error, in the library's words and in the command line's: only the names differ.
    @Test func oneErrorTwoWordings() {
        var v = Visual()
        v.learningRate = -1
        do { try v.validate() } catch {
            #expect(error.description == "learningRate must be a positive finite number (got -1.0)")
            #expect(error.message(OptionNames.words) == "--lr must be a positive finite number (got -1.0)")
            #expect(OptionNames.commandLineError(error) is ValidationError, "a setting alone: exit status 64")
        }
        let data = VisualError.batchLargerThanData(batchSize: 500, points: 100)
        #expect(data.message(OptionNames.words) == "--batch-size 500 is larger than the data (100 points); give at most 100")
        #expect(OptionNames.commandLineError(data) is OptionNames.Failure, "depends on the data: exit status 1")
        let note = PlanWarning.unused(.markBest, scenes: [.contour], runs: [.batch])
        #expect(OptionNames.message(note) == "--mark-best stars the lowest loss on a loss curve, which --mode contour does not show")
        #expect(note.description == "markBest stars the lowest loss on a loss curve, which scene contour does not show")
    }
}
