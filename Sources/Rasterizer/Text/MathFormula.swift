/// A formula as a tree of atoms, scripts, fractions and large operators: what `MathLayout` sets.
///
/// Written from a small subset of TeX (``MathFormula/parse(_:)``), enough for the formulas of linear
/// regression: letters are italic variables, digits and operators upright, `x_i` and `x^2` are scripts,
/// `\frac{a}{b}` a fraction with a bar, `\sum_{i=1}^{n}` a Σ with limits, `\hat{y}` ŷ, and `\partial`,
/// `\alpha`, `\leftarrow`, `\cdot`, `\times` the usual symbols. Written by hand: no Swift package typesets
/// mathematics, and this subset needs only a few hundred lines over the FreeType text we already draw.
public indirect enum MathFormula: Equatable, Sendable {
    /// One symbol or a run of digits, in a face, with its spacing class.
    case atom(String, FontFace, MathClass)
    /// Formulas side by side.
    case row([MathFormula])
    /// A base with a subscript and/or a superscript.
    case scripts(MathFormula, sub: MathFormula?, sup: MathFormula?)
    /// A numerator over a denominator, with a bar between.
    case fraction(MathFormula, MathFormula)
    /// A large operator (Σ) with limits below and above.
    case largeOperator(String, lower: MathFormula?, upper: MathFormula?)
    /// Horizontal space in ems.
    case space(Double)

    /// TeX's atom classes, which decide the space between neighbours.
    public enum MathClass: Sendable, Equatable {
        case ordinary, binary, relation, open, close, punctuation
    }

    /// A problem in a formula's text (a programming error in the caller, reported with its place).
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var text: String
        public var offset: Int
        public var message: String
        public var description: String { "formula \"\(text)\" at \(offset): \(message)" }
    }

    /// The formula written in `text` (the TeX subset above).
    public static func parse(_ text: String) throws(ParseError) -> MathFormula {
        var p = Parser(chars: Array(text), text: text)
        let f = try p.list(until: nil)
        return f
    }

    private static let commands: [String: (String, FontFace, MathClass)] = [
        "alpha": ("α", .serifItalic, .ordinary), "beta": ("β", .serifItalic, .ordinary), "gamma": ("γ", .serifItalic, .ordinary),
        "partial": ("∂", .serif, .ordinary), "leftarrow": ("←", .serif, .relation), "gets": ("←", .serif, .relation),
        "cdot": ("·", .serif, .binary), "times": ("×", .serif, .binary), "approx": ("≈", .serif, .relation),
        "nabla": ("∇", .serif, .ordinary),
    ]

    private struct Parser {
        let chars: [Character]
        let text: String
        var i = 0

        func fail(_ message: String) -> ParseError { ParseError(text: text, offset: i, message: message) }

        mutating func list(until close: Character?) throws(ParseError) -> MathFormula {
            var items: [MathFormula] = []
            while i < chars.count {
                let c = chars[i]
                if c == close { i += 1; return .row(items) }
                if c == "}" { throw fail("unmatched }") }
                if c == "_" || c == "^" {
                    i += 1
                    let script = try argument()
                    let base = items.popLast() ?? .row([])
                    var sub: MathFormula?, sup: MathFormula?
                    var core = base
                    if case .scripts(let b, let s0, let s1) = base { core = b; sub = s0; sup = s1 }
                    if case .largeOperator(let op, let lo, let hi) = core {
                        items.append(.largeOperator(op, lower: c == "_" ? script : lo, upper: c == "^" ? script : hi))
                        continue
                    }
                    if c == "_" { sub = script } else { sup = script }
                    items.append(.scripts(core, sub: sub, sup: sup))
                    continue
                }
                items.append(try atom())
            }
            if close != nil { throw fail("missing }") }
            return .row(items)
        }

        /// A script or command argument: a braced group or one atom.
        mutating func argument() throws(ParseError) -> MathFormula {
            guard i < chars.count else { throw fail("a script or argument is missing") }
            if chars[i] == "{" { i += 1; return try list(until: "}") }
            return try atom()
        }

        mutating func atom() throws(ParseError) -> MathFormula {
            let c = chars[i]
            if c == "{" { i += 1; return try list(until: "}") }
            if c == " " { i += 1; return .row([]) }
            if c == "\\" { return try command() }
            i += 1
            if c.isNumber || c == "." {
                var run = String(c)
                while i < chars.count, chars[i].isNumber || chars[i] == "." { run.append(chars[i]); i += 1 }
                return .atom(run, .serif, .ordinary)
            }
            if c.isLetter { return .atom(String(c), c.isASCII || c.isLowercase ? .serifItalic : .serif, .ordinary) }
            switch c {
            case "+", "−", "-", "×", "·", "*": return .atom(c == "-" ? "−" : c == "*" ? "·" : String(c), .serif, .binary)
            case "=", "<", ">", "←", "≈": return .atom(String(c), .serif, .relation)
            case "(", "[": return .atom(String(c), .serif, .open)
            case ")", "]": return .atom(String(c), .serif, .close)
            case ",", ";": return .atom(String(c), .serif, .punctuation)
            default: return .atom(String(c), .serif, .ordinary)
            }
        }

        mutating func command() throws(ParseError) -> MathFormula {
            i += 1
            guard i < chars.count else { throw fail("a command name is missing after \\") }
            var name = ""
            while i < chars.count, chars[i].isLetter { name.append(chars[i]); i += 1 }
            if name.isEmpty {
                let c = chars[i]
                i += 1
                switch c {
                case ",": return .space(3 / 18)
                case ";": return .space(5 / 18)
                case "{", "}", "_", "^", "\\": return .atom(String(c), .serif, .ordinary)
                default: throw fail("unknown command \\\(c)")
                }
            }
            switch name {
            case "frac":
                let num = try argument()
                return .fraction(num, try argument())
            case "sum": return .largeOperator("∑", lower: nil, upper: nil)
            case "hat":
                var base = try argument()
                if case .row(let items) = base, items.count == 1 { base = items[0] }
                guard case .atom(let s, let face, let cls) = base else { throw fail("\\hat takes one letter") }
                return .atom(s == "y" ? "ŷ" : s + "\u{0302}", face, cls)
            case "mathrm":
                // Upright text, one ordinary atom: names, and numbers whose sign and exponent are theirs.
                guard i < chars.count, chars[i] == "{", let end = chars[i...].firstIndex(of: "}") else { throw fail("\\mathrm needs {text}") }
                let s = String(chars[(i + 1)..<end])
                i = end + 1
                return .atom(s, .serif, .ordinary)
            case "quad": return .space(1)
            default:
                guard let (s, face, cls) = MathFormula.commands[name] else { throw fail("unknown command \\\(name)") }
                return .atom(s, face, cls)
            }
        }
    }
}
