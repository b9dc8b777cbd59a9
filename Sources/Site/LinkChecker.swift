import ParleyCore

/// Checks every internal link and anchor of a built site, in memory, before it is written.
///
/// Looks at `href` and `src` attributes of the HTML files: a relative address must lead to a
/// file of the site (a folder address to its `index.html`), and a `#fragment` to an element
/// with that `id`. External addresses (`https:`, `mailto:`, …) are not fetched.
public struct LinkChecker: Sendable {
    public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        public var target: String
        public var reason: String

        public var description: String { "\(page): broken link to \(target) (\(reason))" }
    }

    /// `basePath` is the path of the base URL (`/` or `/digest/`), for root-absolute links.
    public let basePath: String

    public init(basePath: String = "/") {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    public func check(_ files: [OutputFile]) -> [BrokenLink] {
        var ids: [String: Set<String>] = [:]
        var paths = Set<String>()
        for file in files {
            paths.insert(file.path)
            if file.path.hasSuffix(".html") { ids[file.path] = HTMLScan.values(of: "id", in: file.text) }
        }
        var broken: [BrokenLink] = []
        for file in files where file.path.hasSuffix(".html") {
            let text = file.text
            for link in HTMLScan.values(of: "href", in: text).sorted() + HTMLScan.values(of: "src", in: text).sorted() {
                if let problem = problem(with: link, from: file.path, paths: paths, ids: ids) {
                    broken.append(BrokenLink(page: file.path, target: link, reason: problem))
                }
            }
        }
        return broken
    }

    private func problem(with rawLink: String, from page: String, paths: Set<String>, ids: [String: Set<String>]) -> String? {
        let link = HTMLScan.unescape(rawLink)
        if link.isEmpty { return nil } // the page itself (cmark's safe mode empties unsafe links)
        if link.hasPrefix("//") || hasScheme(link) { return nil }
        var address = link
        var fragment: String?
        if let hash = address.firstIndex(of: "#") {
            fragment = String(address[address.index(after: hash)...])
            address = String(address[..<hash])
        }
        if let query = address.firstIndex(of: "?") { address = String(address[..<query]) }
        let target: String
        if address.isEmpty {
            target = page
        } else if address.hasPrefix("/") {
            guard address.hasPrefix(basePath) || address + "/" == basePath else { return "outside the site's base path \(basePath)" }
            target = resolve(String(address.dropFirst(basePath.count)), from: "")
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            target = resolve(address, from: folder)
        }
        if target.hasPrefix("../") { return "leads outside the site" }
        let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
        guard paths.contains(file) else { return "no such file \(file)" }
        if let fragment, !fragment.isEmpty, file.hasSuffix(".html") {
            guard ids[file]?.contains(HTMLScan.percentDecode(fragment)) == true else { return "no element with id '\(fragment)' in \(file)" }
        }
        return nil
    }

    private func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Resolves `relative` against `folder` (both relative to the site root), keeping a trailing `/`.
    private func resolve(_ relative: String, from folder: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        let pieces = HTMLScan.percentDecode(relative).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (i, piece) in pieces.enumerated() {
            switch piece {
            case "", ".": if i == pieces.count - 1 { return parts.joined(separator: "/") + (parts.isEmpty ? "" : "/") }
            case "..":
                if parts.isEmpty { return "../" }
                parts.removeLast()
                if i == pieces.count - 1 { return parts.joined(separator: "/") + (parts.isEmpty ? "" : "/") }
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Minimal scanning of Parley's own HTML output (quoted attributes only).
enum HTMLScan {
    /// Values of `attribute="…"` in `html`.
    static func values(of attribute: String, in html: String) -> Set<String> {
        Set(list(of: attribute, in: html))
    }

    static func list(of attribute: String, in html: String) -> [String] {
        var found: [String] = []
        let needle = Array(" \(attribute)=\"".utf8)
        let bytes = Array(html.utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) {
                let start = i + needle.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                found.append(String(decoding: bytes[start..<end], as: UTF8.self))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    static func unescape(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingAll("&quot;", "\"").replacingAll("&#39;", "'").replacingAll("&lt;", "<")
            .replacingAll("&gt;", ">").replacingAll("&amp;", "&")
    }

    static func percentDecode(_ value: String) -> String {
        guard value.contains("%") else { return value }
        var bytes: [UInt8] = []
        let source = Array(value.utf8)
        var i = 0
        while i < source.count {
            if source[i] == UInt8(ascii: "%"), i + 2 < source.count,
               let byte = UInt8(String(decoding: source[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                i += 3
            } else {
                bytes.append(source[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
