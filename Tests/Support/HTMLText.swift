import Render

/// The visible text of an HTML fragment: tags removed, character references decoded.
/// Enough for Parley's own output (no scripts or comments are expected in it). Works on
/// Unicode scalars: a combining mark right after `>` must not fuse with it into one Character.
public enum HTMLText {
    /// The text a reader sees of one Markdown block, as cmark renders it.
    public static func rendered(_ markdown: String) -> String {
        var html = CommonMark.html(markdown)
        if html.hasSuffix("\n") { html.removeLast() }
        return text(html)
    }

    public static func text(_ html: String) -> String {
        var out = ""
        var inTag = false
        var entity: String?
        for ch in html.unicodeScalars {
            if inTag {
                if ch == ">" { inTag = false }
                continue
            }
            if var e = entity {
                if ch == ";" {
                    out += decode(e)
                    entity = nil
                } else if e.count > 10 {
                    out += "&" + e + String(ch)
                    entity = nil
                } else {
                    e.unicodeScalars.append(ch)
                    entity = e
                }
                continue
            }
            switch ch {
            case "<": inTag = true
            case "&": entity = ""
            default: out.unicodeScalars.append(ch)
            }
        }
        if let e = entity { out += "&" + e }
        return out
    }

    static func decode(_ name: String) -> String {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default: break
        }
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
            return String(s)
        }
        if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) {
            return String(s)
        }
        return "&\(name);"
    }
}
