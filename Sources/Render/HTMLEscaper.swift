/// HTML escaping of `{{value}}` output, on UTF-8 bytes.
///
/// Gives exactly what swift-mustache's escaping gives: `<`, `>`, `&`, `"` and `'` become
/// `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;` when they stand as characters of their own.
/// swift-mustache compares whole characters (grapheme clusters), so a mark combined with one of
/// them (`'\u{301}`) leaves it as it is; text where one of them touches a non-ASCII byte is
/// therefore escaped character by character, everything else byte by byte.
enum HTMLEscaper {
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var needsEscape = false
            for (i, b) in bytes.enumerated() where isSpecial(b) {
                needsEscape = true
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) {
                    appendByCharacter(String(decoding: bytes, as: UTF8.self), to: &out)
                    return
                }
            }
            guard needsEscape else {
                out.append(contentsOf: bytes)
                return
            }
            var start = 0
            for (i, b) in bytes.enumerated() where isSpecial(b) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: replacement(b))
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "&") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }

    private static let lt = Array("&lt;".utf8), gt = Array("&gt;".utf8), amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    private static func replacement(_ b: UInt8) -> [UInt8] {
        switch b {
        case UInt8(ascii: "<"): lt
        case UInt8(ascii: ">"): gt
        case UInt8(ascii: "&"): amp
        case UInt8(ascii: "\""): quot
        default: apos
        }
    }

    private static func appendByCharacter(_ text: String, to out: inout [UInt8]) {
        for c in text {
            switch c {
            case "<": out.append(contentsOf: lt)
            case ">": out.append(contentsOf: gt)
            case "&": out.append(contentsOf: amp)
            case "\"": out.append(contentsOf: quot)
            case "'": out.append(contentsOf: apos)
            default: out.append(contentsOf: c.utf8)
            }
        }
    }
}
