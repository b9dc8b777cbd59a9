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

    /// Works on the UTF-8 bytes: what is replaced or left out is ASCII, or U+FFFE and U+FFFF
    /// (`EF BF BE`, `EF BF BF`); a string with none of it is returned as it is.
    private static func escape(_ string: String, attribute: Bool) -> String {
        var string = string
        return string.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            var start = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                let replacement: StaticString?
                var length = 1
                switch b {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\r"): replacement = "&#13;"
                case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
                case UInt8(ascii: "\t") where attribute: replacement = "&#9;"
                case UInt8(ascii: "\n") where attribute: replacement = "&#10;"
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                    i += 1
                    continue
                case 0..<0x20:
                    replacement = nil
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    replacement = nil
                    length = 3
                default:
                    i += 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 16) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                if let replacement {
                    out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                }
                i += length
                start = i
            }
            guard start > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: out, as: UTF8.self)
        } ?? string
    }

    /// `<name>text</name>`, the text escaped.
    static func element(_ name: String, _ text: String) -> String {
        "<\(name)>\(Self.text(text))</\(name)>"
    }
}
