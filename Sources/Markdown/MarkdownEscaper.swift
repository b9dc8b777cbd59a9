/// Escapes plain text so that CommonMark reads it back as the same text, never as markup.
///
/// Inline markup characters are backslash-escaped everywhere (`\`, `` ` ``, `*`, `_`, `[`, `]`,
/// `<`, `>`, `&`, `!`, `|`, `~`); block markers are escaped where they would start a block
/// at the beginning of a line (`#`, `-`, `+`, `=`, `1.`, `1)`). Leading spaces and tabs
/// (which would make code blocks) and trailing ones (hard breaks) are kept as character
/// references so no character of the text is lost.
public enum MarkdownEscaper {
    /// Characters escaped wherever they stand.
    static let inline: Set<UInt8> = Set("\\`*_[]<>&!|~".utf8)
    /// `inline` as a table by byte, for the scanning loop.
    private static let isInline: [Bool] = (0...255).map { inline.contains(UInt8($0)) }

    /// `atLineStart` / `atLineEnd`: whether the text begins / ends a line of the document. A piece
    /// in the middle of a line (between two links, say) needs no block-level escaping at its edges.
    public static func escape(_ text: String, atLineStart: Bool = true, atLineEnd: Bool = true) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            escape(bytes, atLineStart: atLineStart, atLineEnd: atLineEnd, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `escape` of UTF-8 text, appended to `out`.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, atLineStart: Bool, atLineEnd: Bool, into out: inout [UInt8]) {
        let table = isInline
        var lineStart = 0
        var first = true
        while true {
            var lineEnd = lineStart
            // A line ends at `\n`; `\r\n` is one character and stays inside the line.
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A || (lineEnd > 0 && bytes[lineEnd - 1] == 0x0D) { lineEnd += 1 }
            let last = lineEnd == bytes.count
            if !first { out.append(0x0A) }
            escapeLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), startsLine: !first || atLineStart,
                       endsLine: !last || atLineEnd, table: table, into: &out)
            if last { break }
            first = false
            lineStart = lineEnd + 1
        }
    }

    private static func escapeLine(_ bytes: UnsafeBufferPointer<UInt8>, startsLine: Bool, endsLine: Bool, table: [Bool], into out: inout [UInt8]) {
        var start = 0
        // Leading whitespace would indent into a code block: keep it as references.
        while startsLine, start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 {
            out.append(contentsOf: bytes[start] == 0x20 ? "&#32;".utf8 : "&#9;".utf8)
            start += 1
        }
        var end = bytes.count
        var trailing: [UInt8] = []
        // Trailing whitespace would be dropped, or make a hard line break.
        while endsLine, end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
            trailing.insert(contentsOf: bytes[end - 1] == 0x20 ? "&#32;".utf8 : "&#9;".utf8, at: 0)
            end -= 1
        }
        guard start < end else { out.append(contentsOf: trailing); return }

        var i = start
        // Block markers at the start of the line.
        let c = bytes[i]
        if !startsLine {
            // Nothing here can open a block.
        } else if c == UInt8(ascii: "#") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "=") {
            out.append(UInt8(ascii: "\\"))
            out.append(c)
            i += 1
        } else if isDigit(c) {
            var j = i
            while j < end, isDigit(bytes[j]) { j += 1 }
            if j < end, j - i <= 9, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                out.append(UInt8(ascii: "\\"))
                out.append(bytes[j])
                i = j + 1
            }
        }
        var runStart = i
        while i < end {
            let b = bytes[i]
            if table[Int(b)] {
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                out.append(UInt8(ascii: "\\"))
                out.append(b)
                runStart = i + 1
            }
            i += 1
        }
        if runStart < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        out.append(contentsOf: trailing)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Escapes a link destination for `[text](destination)`: wrapped in `<…>` so spaces are allowed.
    /// `<`, `>` and `\\` are escaped where they stand as characters of their own, `\\n` is
    /// percent-encoded (a `\\r\\n` is one character and stays).
    public static func linkDestination(_ url: String) -> String {
        var utf8 = url
        return utf8.withUTF8 { bytes in
            // Links Parley makes are ASCII without line breaks: byte by byte. Anything else
            // character by character, where a mark may combine with `<`.
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return linkDestinationByCharacter(url) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            out.append(UInt8(ascii: "<"))
            for b in bytes {
                switch b {
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(b)
                case UInt8(ascii: "\n"):
                    out.append(contentsOf: "%0A".utf8)
                default:
                    out.append(b)
                }
            }
            out.append(UInt8(ascii: ">"))
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func linkDestinationByCharacter(_ url: String) -> String {
        var out = "<"
        for ch in url {
            switch ch {
            case "<", ">", "\\": out.append("\\"); out.append(ch)
            case "\n": out.append("%0A")
            default: out.append(ch)
            }
        }
        out.append(">")
        return out
    }
}
