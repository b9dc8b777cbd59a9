@testable import Site
import Testing

/// The byte-level escapes of feeds and JSON-LD agree with escaping scalar by scalar (the way
/// they were first written) on tricky text.
@Suite struct ByteEscapingTests {
    static let samples: [String] = [
        "", "plain ASCII", "é", "e\u{301}", "<\u{301}", "&\u{301}x", "\"\u{301}", "“curly” ‘quotes’", "Зеленский & Путин",
        "line\u{2028}sep\u{2029}", "\u{2028}", "x\u{2027}\u{202A}", "\u{FFFD}\u{FFFE}\u{FFFF}\u{FFFC}", "\u{EFBF}", "a\u{0}b\u{1F}c\u{7F}",
        "tab\tnew\nret\r", "</script><!--", "]]>", "\\ back \\\\", "👍🏽 emoji <b>", "日本語", "\u{1}", "ends with <",
    ]

    @Test(arguments: samples)
    func jsonQuoteAgreesWithScalarEscaping(text: String) {
        var out: [UInt8] = []
        JSONValue.quote(text, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == Self.jsonQuoted(text))
    }

    @Test(arguments: samples)
    func xmlEscapeAgreesWithScalarEscaping(text: String) {
        #expect(XMLText.text(text) == Self.xmlEscaped(text, attribute: false))
        #expect(XMLText.attribute(text) == Self.xmlEscaped(text, attribute: true))
    }

    static func jsonQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func xmlEscaped(_ string: String, attribute: Bool) -> String {
        var out = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            default:
                if XMLText.isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
