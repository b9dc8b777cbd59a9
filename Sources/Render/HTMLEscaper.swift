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
            // Most values have nothing to escape: find the first special byte, copy the rest as it is.
            var first = 0
            while first < bytes.count, !isSpecial(bytes[first]) { first += 1 }
            guard first < bytes.count else {
                out.append(contentsOf: bytes)
                return
            }
            for i in first..<bytes.count where isSpecial(bytes[i]) {
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) {
                    appendByCharacter(String(decoding: bytes, as: UTF8.self), to: &out)
                    return
                }
            }
            var start = 0
            for i in first..<bytes.count where isSpecial(bytes[i]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                appendReplacement(bytes[i], to: &out)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// The five special bytes: `"`, `&`, `'`, `<`, `>` (all below 0x40, so one shift tests them).
    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        b < 0x40 && (UInt64(1) << UInt64(b)) & specialMask != 0
    }

    /// Bit n set for byte n: `"` 0x22, `&` 0x26, `'` 0x27, `<` 0x3C, `>` 0x3E.
    private static var specialMask: UInt64 {
        @inline(__always) get { (1 << 0x22) | (1 << 0x26) | (1 << 0x27) | (1 << 0x3C) | (1 << 0x3E) }
    }

    @inline(__always)
    private static func appendReplacement(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        default: out.append(contentsOf: "&#39;".utf8)
        }
    }

    private static func appendByCharacter(_ text: String, to out: inout [UInt8]) {
        for c in text {
            // A special character stands alone: one ASCII byte, no mark combined with it.
            if let byte = c.asciiValue, isSpecial(byte) {
                appendReplacement(byte, to: &out)
            } else {
                out.append(contentsOf: c.utf8)
            }
        }
    }
}
