/// Writes YAML front matter by hand, so that the output is deterministic and every
/// string is quoted (no value is ever read back as a number, date or boolean).
public struct YAMLWriter {
    private(set) public var text = ""

    public init() {}

    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        text += "\(key): \(Self.quote(value))\n"
    }

    public mutating func field(_ key: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        text += "\(key):\n"
        for value in values { text += "  - \(Self.quote(value))\n" }
    }

    /// A list of mappings, each written as `- key: value` lines in the given order.
    public mutating func field(_ key: String, records: [[(String, String)]]) {
        guard !records.isEmpty else { return }
        text += "\(key):\n"
        for record in records {
            var first = true
            for (k, v) in record {
                text += (first ? "  - " : "    ") + "\(k): \(Self.quote(v))\n"
                first = false
            }
        }
    }

    /// A YAML double-quoted scalar.
    public static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
