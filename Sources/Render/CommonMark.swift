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
}
