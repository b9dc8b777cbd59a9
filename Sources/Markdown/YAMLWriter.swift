/// Writes YAML front matter by hand, so that the output is deterministic and every
/// string is quoted (no value is ever read back as a number, date or boolean).
public struct YAMLWriter {
    /// The front matter written so far, as UTF-8 bytes.
    private var bytes: [UInt8] = []

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public init() {
        bytes.reserveCapacity(2048)
    }

    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        bytes.append(contentsOf: key.utf8)
        bytes.append(contentsOf: ": ".utf8)
        Self.appendQuoted(value, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    public mutating func field(_ key: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        bytes.append(contentsOf: key.utf8)
        bytes.append(contentsOf: ":\n".utf8)
        for value in values {
            bytes.append(contentsOf: "  - ".utf8)
            Self.appendQuoted(value, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// A list of mappings, each written as `- key: value` lines in the given order.
    public mutating func field(_ key: String, records: [[(String, String)]]) {
        guard !records.isEmpty else { return }
        bytes.append(contentsOf: key.utf8)
        bytes.append(contentsOf: ":\n".utf8)
        for record in records {
            var first = true
            for (k, v) in record {
                bytes.append(contentsOf: (first ? "  - " : "    ").utf8)
                bytes.append(contentsOf: k.utf8)
                bytes.append(contentsOf: ": ".utf8)
                Self.appendQuoted(v, to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
                first = false
            }
        }
    }

    /// A YAML double-quoted scalar.
    ///
    /// Works on the UTF-8 bytes: what must be escaped is ASCII (`"`, `\\`, C0 controls, DEL)
    /// or one of U+0080–U+009F (`C2 80`–`C2 9F`), U+2028, U+2029 (`E2 80 A8`, `E2 80 A9`) and
    /// U+FEFF (`EF BB BF`); runs of other bytes are copied as they are.
    public static func quote(_ value: String) -> String {
        var out: [UInt8] = []
        appendQuoted(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `quote(value)`, appended to `out`.
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            // No `reserveCapacity` here: reserving a few bytes more on every call allocates
            // exactly that much each time, copying the whole front matter once per field.
            out.append(UInt8(ascii: "\""))
            var start = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var length = 1
                let escape: String
                switch b {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "\r"): escape = "\\r"
                case 0..<0x20, 0x7F: escape = unicodeEscape(UInt32(b))
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):
                    escape = unicodeEscape(UInt32(bytes[i + 1]))
                    length = 2
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    length = 3
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                    escape = unicodeEscape(0xFEFF)
                    length = 3
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: escape.utf8)
                i += length
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            out.append(UInt8(ascii: "\""))
        }
    }

    /// `\u` and four upper-case hex digits.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
