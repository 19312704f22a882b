/// Text forms of a run's history. Every Double is written with Swift's `description`, the shortest
/// text that reads back to the same bits, so exports round-trip exactly.
public enum History {
    /// `epoch,m,b,loss` (`epoch,w1,…,wp,b,loss` for several features), one row per snapshot; per-update histories add a `step` column at the end, and
    /// `rate` (a run with a learning-rate schedule) a trailing `lr` column: the rate of the updates that
    /// led to the row (the start's row: the first epoch's).
    ///
    /// `names` are the parameters' columns, one per entry of θ (``Model/parameterNames``): `m,b` for the
    /// line, `w1,…,wp,b` for several features.
    public static func csv(_ snapshots: [Snapshot], names: [String] = ["m", "b"], includeStep: Bool = false, rate: ((Snapshot) -> Double)? = nil) -> String {
        var out = csvHeader(names: names, includeStep: includeStep, rate: rate != nil)
        out.reserveCapacity(snapshots.count * 64)
        for s in snapshots { out += csvRow(s, includeStep: includeStep, rate: rate) }
        return out
    }

    /// The CSV's first line (see ``csv(_:includeStep:rate:)``).
    public static func csvHeader(names: [String] = ["m", "b"], includeStep: Bool, rate: Bool) -> String {
        "epoch," + names.joined(separator: ",") + ",loss" + (includeStep ? ",step" : "") + (rate ? ",lr\n" : "\n")
    }

    /// One snapshot's line of the CSV.
    public static func csvRow(_ s: Snapshot, includeStep: Bool, rate: ((Snapshot) -> Double)?) -> String {
        var out = "\(s.epoch)"
        for value in s.theta { out += ",\(value.description)" }
        out += ",\(s.loss.description)"
        if includeStep { out += ",\(s.step)" }
        if let rate { out += ",\(rate(s).description)" }
        return out + "\n"
    }

    /// `{"parameters": {...}, "leastSquares": {"m","b","loss"}, "snapshots": [{"epoch","m","b","loss"}...]}` (a key per
    /// parameter of `names`: `w1`…`wp`, `b` for several features),
    /// keys in the order given, so the same run always gives the same bytes.
    public static func json(parameters: [(String, JSONValue)], optimum: Optimum, names: [String] = ["m", "b"], snapshots: [Snapshot], includeStep: Bool = false,
                            rate: ((Snapshot) -> Double)? = nil) -> String {
        var out = jsonHead(parameters: parameters, optimum: optimum, names: names)
        for (i, s) in snapshots.enumerated() { out += jsonRow(s, names: names, first: i == 0, includeStep: includeStep, rate: rate) }
        return out + jsonTail(empty: snapshots.isEmpty)
    }

    /// The JSON up to the first snapshot (see ``json(parameters:optimum:names:snapshots:includeStep:rate:)``).
    public static func jsonHead(parameters: [(String, JSONValue)], optimum: Optimum, names: [String] = ["m", "b"]) -> String {
        var out = "{\n  \"parameters\": "
        out += JSONValue.object(parameters).encoded
        out += ",\n  \"leastSquares\": "
        out += JSONValue.object(zip(names, optimum.theta).map { ($0, .number($1)) } + [("loss", .number(optimum.loss))]).encoded
        return out + ",\n  \"snapshots\": [\n"
    }

    /// One snapshot of the JSON's list, with the separator from the one before unless it is the `first`.
    public static func jsonRow(_ s: Snapshot, names: [String] = ["m", "b"], first: Bool, includeStep: Bool, rate: ((Snapshot) -> Double)?) -> String {
        var fields: [(String, JSONValue)] = [("epoch", .int(s.epoch))]
        if includeStep { fields.append(("step", .int(s.step))) }
        fields += zip(names, s.theta).map { ($0, .number($1)) }
        fields.append(("loss", .number(s.loss)))
        if let rate { fields.append(("lr", .number(rate(s)))) }
        return (first ? "    " : ",\n    ") + JSONValue.object(fields).encoded
    }

    /// The JSON after the last snapshot.
    public static func jsonTail(empty: Bool) -> String { (empty ? "" : "\n") + "  ]\n}\n" }
}

/// The few JSON values a history needs, encoded deterministically.
public enum JSONValue: Sendable {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case object([(String, JSONValue)])

    /// The value as JSON text: an object on one line with its keys in the given order, a non-finite number as `null`.
    public var encoded: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let d): return d.isFinite ? d.description : "null"
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .object(let fields):
            return "{" + fields.map { "\(Self.quote($0.0)): \($0.1.encoded)" }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
