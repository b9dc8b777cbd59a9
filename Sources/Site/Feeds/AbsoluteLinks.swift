/// Makes the links of an HTML fragment absolute, for HTML read away from its page (the content
/// of feed entries): every `href` and `src` attribute value is resolved against the page's URL
/// as RFC 3986 (section 5) resolves a reference.
///
/// Works on the HTML Parley renders with cmark, where attribute values are double-quoted and a
/// `"` in text is always written `&quot;`, so `href="` can only start an attribute.
enum AbsoluteLinks {
    static func resolve(_ html: String, against base: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 512)
        var copied = 0
        var from = 0
        while let valueStart = nextLinkValue(in: bytes, from: from) {
            out += bytes[copied..<valueStart]
            let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            out += resolve(reference: String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self), against: base).utf8
            copied = valueEnd
            from = valueEnd
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the value of the next `href` or `src` attribute at or after `from` starts: after
    /// the first ` href="` or ` src="`, found in one pass (each `="` looked at once).
    private static func nextLinkValue(in bytes: [UInt8], from: Int) -> Int? {
        let (href, src) = (hrefAttribute, srcAttribute)
        var i = max(from, 1)
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "="), bytes[i + 1] == UInt8(ascii: "\"") {
                if i - from >= href.count, bytes[(i - href.count)..<i].elementsEqual(href) { return i + 2 }
                if i - from >= src.count, bytes[(i - src.count)..<i].elementsEqual(src) { return i + 2 }
            }
            i += 1
        }
        return nil
    }

    private static let hrefAttribute = Array(" href".utf8)
    private static let srcAttribute = Array(" src".utf8)

    /// The absolute URL of `reference` on the page at `base` (an absolute URL).
    static func resolve(reference: String, against base: String) -> String {
        if hasScheme(reference) { return reference }
        guard let schemeEnd = base.range(of: "://") else { return reference }
        let scheme = base[..<schemeEnd.lowerBound]
        if reference.hasPrefix("//") { return scheme + ":" + reference }
        let afterScheme = base[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let origin = base[..<authorityEnd]
        let withoutFragment = base[..<(base.firstIndex(of: "#") ?? base.endIndex)]
        if reference.isEmpty { return String(withoutFragment) }
        if reference.hasPrefix("#") { return withoutFragment + reference }
        let withoutQuery = withoutFragment[..<(withoutFragment.firstIndex(of: "?") ?? withoutFragment.endIndex)]
        if reference.hasPrefix("?") { return withoutQuery + reference }

        // Split the reference into its path and the query or fragment that follows.
        let tailStart = reference.firstIndex { $0 == "?" || $0 == "#" } ?? reference.endIndex
        let referencePath = String(reference[..<tailStart])
        let tail = reference[tailStart...]
        let path: String
        if referencePath.hasPrefix("/") {
            path = referencePath
        } else {
            let basePath = withoutQuery[authorityEnd...]
            let directory = basePath.lastIndex(of: "/").map { String(basePath[...$0]) } ?? "/"
            path = directory + referencePath
        }
        return origin + removeDotSegments(path) + tail
    }

    /// RFC 3986 section 5.2.4, on a path that starts with `/`.
    static func removeDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (i, segment) in segments.enumerated() {
            let last = i == segments.count - 1
            switch segment {
            case ".":
                if last { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if last { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }

    private static func hasScheme(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":"), let first = reference.first, first.isASCII, first.isLetter else { return false }
        return reference[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
