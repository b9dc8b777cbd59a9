import Markdown
import Testing

/// `YAMLWriter.quote` works on bytes; it agrees with escaping scalar by scalar on tricky text.
@Suite struct YAMLQuoteTests {
    @Test(arguments: [
        "", "plain", "é", "e\u{301}", "“curly” ‘quotes’", "\"quoted\" \\ back", "tab\tnew\nret\r", "\u{0}\u{1F}\u{7F}",
        "\u{80}\u{9F}\u{A0}", "\u{85} next line", "\u{2028}\u{2029}\u{2027}\u{202A}", "\u{FEFF}bom", "\u{FEFE}\u{FFFE}",
        "Зеленский", "日本語", "👍🏽", "ends with \u{9F}",
    ])
    func quoteAgreesWithScalarEscaping(text: String) {
        #expect(YAMLWriter.quote(text) == Self.scalarQuoted(text))
    }

    static func scalarQuoted(_ value: String) -> String {
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
