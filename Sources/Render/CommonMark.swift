import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// CommonMark to HTML through libcmark.
///
/// Always in cmark's safe mode (`CMARK_OPT_UNSAFE` is never passed): raw HTML in the
/// input becomes a comment placeholder and `javascript:`, `vbscript:`, `file:` and
/// non-image `data:` links are emptied, so article text can never put markup or
/// script on a page.
public enum CommonMark {
    public static func html(_ markdown: String) -> String {
        var source = markdown
        return source.withUTF8 { buffer -> String in
            guard let base = buffer.baseAddress else { return "" }
            let raw = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_markdown_to_html(pointer, buffer.count, CMARK_OPT_DEFAULT)
            }
            guard let raw else { return "" }
            defer { free(raw) }
            return String(cString: raw)
        }
    }

    /// The text of a Markdown fragment without markup: what a reader sees, on one line
    /// (line breaks become spaces; raw HTML is left out, as on the page).
    public static func plainText(_ markdown: String) -> String {
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return "" }
        defer { cmark_iter_free(iterator) }
        var out = ""
        var lastBlockEnded = false
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch (event, type) {
            case (CMARK_EVENT_ENTER, CMARK_NODE_TEXT), (CMARK_EVENT_ENTER, CMARK_NODE_CODE):
                if lastBlockEnded, !out.isEmpty { out += " " }
                lastBlockEnded = false
                if let literal = cmark_node_get_literal(node) { out += String(cString: literal) }
            case (CMARK_EVENT_ENTER, CMARK_NODE_SOFTBREAK), (CMARK_EVENT_ENTER, CMARK_NODE_LINEBREAK):
                out += " "
            case (CMARK_EVENT_EXIT, CMARK_NODE_PARAGRAPH), (CMARK_EVENT_EXIT, CMARK_NODE_HEADING):
                lastBlockEnded = true
            default:
                break
            }
        }
        return out
    }
}
