/// Escaping for XML 1.0 documents written by hand (feeds, the sitemap).
///
/// Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, and
/// U+FFFE, U+FFFF) cannot be written even as character references, so they are left out.
/// Markup characters become references, so no text can close an element or a CDATA section
/// (`]]>` is written `]]&gt;`).
enum XMLText {
    /// Character data: the text of an element.
    static func text(_ string: String) -> String {
        escape(string, attribute: false)
    }

    /// An attribute value, to be written between double quotes. Tab, line feed and carriage
    /// return are written as references so attribute-value normalization keeps them.
    static func attribute(_ string: String) -> String {
        escape(string, attribute: true)
    }

    /// True for the scalars XML 1.0 allows in a document.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0...0x1F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    private static func escape(_ string: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(string.unicodeScalars.count)
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
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `<name>text</name>`, the text escaped.
    static func element(_ name: String, _ text: String) -> String {
        "<\(name)>\(Self.text(text))</\(name)>"
    }
}
