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

    /// `atLineStart` / `atLineEnd`: whether the text begins / ends a line of the document. A piece
    /// in the middle of a line (between two links, say) needs no block-level escaping at its edges.
    public static func escape(_ text: String, atLineStart: Bool = true, atLineEnd: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { out.append("\n") }
            escapeLine(line, startsLine: index > 0 || atLineStart, endsLine: index < lines.count - 1 || atLineEnd, into: &out)
        }
        return out
    }

    private static func escapeLine(_ line: Substring, startsLine: Bool, endsLine: Bool, into out: inout String) {
        let bytes = Array(line.utf8)
        var start = 0
        // Leading whitespace would indent into a code block: keep it as references.
        while startsLine, start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 {
            out.append(bytes[start] == 0x20 ? "&#32;" : "&#9;")
            start += 1
        }
        var end = bytes.count
        var trailing = ""
        // Trailing whitespace would be dropped, or make a hard line break.
        while endsLine, end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
            trailing = (bytes[end - 1] == 0x20 ? "&#32;" : "&#9;") + trailing
            end -= 1
        }
        guard start < end else { out.append(trailing); return }

        var i = start
        // Block markers at the start of the line.
        let c = bytes[i]
        if !startsLine {
            // Nothing here can open a block.
        } else if c == UInt8(ascii: "#") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "=") {
            out.append("\\")
            out.unicodeScalars.append(Unicode.Scalar(c))
            i += 1
        } else if isDigit(c) {
            var j = i
            while j < end, isDigit(bytes[j]) { j += 1 }
            if j < end, j - i <= 9, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")") {
                out.append(String(decoding: bytes[i..<j], as: UTF8.self))
                out.append("\\")
                out.unicodeScalars.append(Unicode.Scalar(bytes[j]))
                i = j + 1
            }
        }
        var runStart = i
        while i < end {
            let b = bytes[i]
            if inline.contains(b) {
                if runStart < i { out.append(String(decoding: bytes[runStart..<i], as: UTF8.self)) }
                out.append("\\")
                out.unicodeScalars.append(Unicode.Scalar(b))
                runStart = i + 1
            }
            i += 1
        }
        if runStart < end { out.append(String(decoding: bytes[runStart..<end], as: UTF8.self)) }
        out.append(trailing)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Escapes a link destination for `[text](destination)`: wrapped in `<…>` so spaces are allowed.
    public static func linkDestination(_ url: String) -> String {
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
