import ArgumentParser
import GDAnimateKit

/// The comma-separated options: `--optimizers`, `--lrs`, `--format` and `--x-column`.
enum CommaList {
    /// The fields of `s`, spaces at either end of each removed (empty fields kept, so that "a,,b" is an
    /// error naming the empty one).
    static func fields(_ s: String) -> [String] {
        s.split(separator: ",", omittingEmptySubsequences: false).map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
    }

    static func optimizers(_ s: String) throws(ValidationError) -> [OptimizerKind] {
        var list: [OptimizerKind] = []
        for n in fields(s) {
            guard let o = OptimizerKind(rawValue: n) else {
                throw ValidationError("--optimizers: '\(n)' is not an optimizer; use \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            list.append(o)
        }
        return list
    }

    static func rates(_ s: String) throws(ValidationError) -> [Double] {
        var rates: [Double] = []
        for t in fields(s) {
            guard let v = Double(t), v.isFinite, v > 0 else { throw ValidationError("--lrs: '\(t)' is not a positive learning rate") }
            rates.append(v)
        }
        return rates
    }

    /// `gif`, `png`, … (``OutputFormat/registered``), `both` for gif and png, `none` for no file.
    static func formats(_ s: String) throws(ValidationError) -> [OutputFormat] {
        var list: [OutputFormat] = []
        for name in fields(s) {
            switch name {
            case "none": continue
            case "both": list += [.gif, .png]
            default:
                guard let f = OutputFormat.named(name) else {
                    let names = OutputFormat.registered.map(\.name) + ["both", "none"]
                    throw ValidationError("--format: '\(name)' is not a format; use \(names.dropLast().joined(separator: ", ")) or \(names.last!), or several separated by commas")
                }
                list.append(f)
            }
        }
        return list
    }
}
