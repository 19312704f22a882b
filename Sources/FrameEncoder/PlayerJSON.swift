/// The JSON a player page carries, written as it is built, deterministically, and safe inside a
/// `<script>` element: `<`, `>` and `&` are written as `\u003c` …, so no text can close the element.
struct PlayerJSON {
    private(set) var text = ""
    /// Whether the next value is the first of its object or array (no comma before it).
    private var first = true

    private mutating func separate() {
        if !first { text += "," }
        first = false
    }

    mutating func open() { separate(); text += "{"; first = true }
    mutating func close() { text += "}"; first = false }
    mutating func openArray() { separate(); text += "["; first = true }
    mutating func closeArray() { text += "]"; first = false }

    /// An object's key; its value follows.
    mutating func key(_ k: String) {
        separate()
        text += Self.quote(k) + ":"
        first = true
    }

    mutating func int(_ v: Int) { separate(); text += String(v) }
    mutating func ints(_ v: [Int]) { separate(); text += "[" + v.map(String.init).joined(separator: ",") + "]" }
    mutating func string(_ s: String) { separate(); text += Self.quote(s) }
    /// Text that is already JSON.
    mutating func raw(_ s: String) { separate(); text += s }

    /// A run: its label and one entry per column. A count column is a list of whole numbers; a column of
    /// one finite value is that number (the page repeats it); any other is the frames' values as
    /// little-endian IEEE doubles in Base64, exact to the last bit and 10.7 characters a value (the
    /// shortest decimal would take up to 24).
    mutating func run(_ run: PlayerNotes.Run, columns: [PlayerNotes.Column], frames: Int) {
        open()
        key("label"); string(run.label)
        key("columns"); openArray()
        let width = columns.count
        for (c, column) in columns.enumerated() {
            let values = (0..<frames).map { f in f * width + c < run.values.count ? run.values[f * width + c] : .nan }
            if column.isCount, values.allSatisfy({ $0.isFinite && $0 == $0.rounded() && abs($0) < 1e15 }) {
                ints(values.map { Int($0) })
            } else if let v = values.first, v.isFinite, values.allSatisfy({ $0.bitPattern == v.bitPattern }) {
                raw(v.description)
            } else {
                var bytes: [UInt8] = []
                bytes.reserveCapacity(values.count * 8)
                for v in values {
                    let bits = v.bitPattern
                    for s in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(s))) }
                }
                string(Base64.encode(bytes))
            }
        }
        closeArray()
        close()
    }

    /// `s` as a JSON string.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
