import ParleyCore

/// Checks every internal link and anchor of a built site before it is swapped into place.
///
/// Looks at `href` and `src` attributes of the HTML files: a relative address must lead to a
/// file of the site (a folder address to its `index.html`), and a `#fragment` to an element
/// with that `id`. External addresses (`https:`, `mailto:`, …) are not fetched.
///
/// Pages are checked one by one as they are rendered (`check(page:paths:anchors:)`, safe to call
/// from several threads), so the site need not be held in memory. `paths` holds the files known
/// before rendering; a link to any other file waits for the end, when every file is known. The
/// ids of checked pages go into a shared `AnchorIndex` as keys; an anchor into a page not yet
/// seen waits for the end too (`LinkCheckResults.finish`).
public struct LinkChecker: Sendable {
    public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        public var target: String
        public var reason: String

        public init(page: String, target: String, reason: String) {
            self.page = page
            self.target = target
            self.reason = reason
        }

        public var description: String { "\(page): broken link to \(target) (\(reason))" }
    }

    /// A link that could not be settled when its page was checked: to a file not known yet, or
    /// to an anchor of a page not seen yet.
    struct Pending: Sendable {
        var page: String
        var target: String
        var file: String
        /// The anchor as written, and its key; nil when the file alone is checked.
        var fragment: String?
        var anchor: AnchorKey?
    }

    /// One page's part of the check.
    public struct PageCheck: Sendable {
        public var path: String
        /// The keys of the page's `id` values.
        public var anchors: [AnchorKey]
        public var broken: [BrokenLink]
        var pending: [Pending]

        /// What of this check is left for the end (`LinkCheckResults`), in storage of its exact
        /// size; nil when nothing is. The anchors are left out: they are in the `AnchorIndex`
        /// already, and every page's check waits in memory until all pages are rendered.
        var unsettled: PageCheck? {
            broken.isEmpty && pending.isEmpty ? nil : PageCheck(path: path, anchors: [], broken: broken.compacted(), pending: pending.compacted())
        }
    }

    /// `basePath` is the path of the base URL (`/` or `/digest/`), for root-absolute links.
    public let basePath: String

    public init(basePath: String = "/") {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// Checks a whole site in memory.
    public func check(_ files: [OutputFile]) -> [BrokenLink] {
        let paths = Set(files.map(\.path))
        let anchors = AnchorIndex()
        var results = LinkCheckResults()
        for file in files where file.path.hasSuffix(".html") {
            results.add(check(page: file, paths: paths, anchors: anchors))
        }
        return results.finish(paths: paths, anchors: anchors)
    }

    /// Checks the links of one HTML page and adds its ids to `anchors`. `paths` holds the files
    /// known so far (links to others are checked at the end).
    public func check(page file: OutputFile, paths: Set<String>, anchors: AnchorIndex) -> PageCheck {
        let scan = HTMLScan.attributes(in: file.bytes)
        let own = scan.ids.map { AnchorKey(file: file.path, id: $0) }
        anchors.insert(own)
        var check = PageCheck(path: file.path, anchors: own, broken: [], pending: [])
        let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
        for link in scan.hrefs.sorted() + scan.srcs.sorted() {
            switch resolve(link, page: file.path, folder: folder) {
            case .external:
                continue
            case .problem(let reason):
                check.broken.append(BrokenLink(page: file.path, target: link, reason: reason))
            case .file(let target, let fragment, let decoded):
                let anchor = fragment.flatMap { fragment in
                    decoded.flatMap { !fragment.isEmpty && target.hasSuffix(".html") ? AnchorKey(file: target, id: $0) : nil }
                }
                guard paths.contains(target) else {
                    check.pending.append(Pending(page: file.path, target: link, file: target, fragment: fragment, anchor: anchor))
                    continue
                }
                guard let anchor, let fragment else { continue }
                if target == file.path {
                    if !scan.ids.contains(decoded ?? "") {
                        check.broken.append(BrokenLink(page: file.path, target: link, reason: Self.noAnchor(fragment, target)))
                    }
                } else if !anchors.contains(anchor) {
                    check.pending.append(Pending(page: file.path, target: link, file: target, fragment: fragment, anchor: anchor))
                }
            }
        }
        return check
    }

    static func noAnchor(_ fragment: String, _ file: String) -> String {
        "no element with id '\(fragment)' in \(file)"
    }

    enum Resolution: Equatable {
        /// Another site or scheme, or no address (cmark's safe mode empties unsafe links).
        case external
        case problem(String)
        /// A file of the site, and the anchor as written and percent-decoded.
        case file(String, fragment: String?, decodedFragment: String?)
    }

    /// Where `rawLink` (as written in an attribute) leads from the page `page` in `folder`
    /// (`people/x` for `people/x/index.html`).
    func resolve(_ rawLink: String, page: String, folder: String) -> Resolution {
        var link = rawLink
        if let plain = link.withUTF8({ Self.resolvePlainRelative($0, page: page, folder: folder) }) { return plain }
        return resolveAny(rawLink, page: page, folder: folder)
    }

    /// The common case on bytes: a relative link without entities, percent escapes or a scheme
    /// (`../../people/x/index.html`, `index.md`, `#p2`); nil for anything else.
    private static func resolvePlainRelative(_ link: UnsafeBufferPointer<UInt8>, page: String, folder: String) -> Resolution? {
        guard let first = link.first, first != UInt8(ascii: "/") else { return nil }
        var end = link.count
        var fragmentStart: Int?
        for (i, b) in link.enumerated() {
            switch b {
            case UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: ":"): return nil
            case UInt8(ascii: "#") where fragmentStart == nil:
                fragmentStart = i + 1
                end = min(end, i)
            case UInt8(ascii: "?") where fragmentStart == nil:
                end = min(end, i)
            default: break
            }
        }
        let fragment = fragmentStart.map { String(decoding: UnsafeBufferPointer(rebasing: link[$0...]), as: UTF8.self) }
        if end == 0 { return .file(page, fragment: fragment, decodedFragment: fragment) }
        var target = Array(folder.utf8)
        var isFolder = false
        var start = 0
        while start <= end {
            var stop = start
            while stop < end, link[stop] != UInt8(ascii: "/") { stop += 1 }
            let length = stop - start
            let last = stop >= end
            if length == 0 || (length == 1 && link[start] == UInt8(ascii: ".")) {
                if last { isFolder = true }
            } else if length == 2 && link[start] == UInt8(ascii: ".") && link[start + 1] == UInt8(ascii: ".") {
                if target.isEmpty { return .problem("leads outside the site") }
                target.removeSubrange((target.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                if last { isFolder = true }
            } else {
                if !target.isEmpty { target.append(UInt8(ascii: "/")) }
                target.append(contentsOf: UnsafeBufferPointer(rebasing: link[start..<stop]))
            }
            start = stop + 1
        }
        if target.isEmpty { return .file("index.html", fragment: fragment, decodedFragment: fragment) }
        if isFolder { target.append(contentsOf: "/index.html".utf8) }
        return .file(String(decoding: target, as: UTF8.self), fragment: fragment, decodedFragment: fragment)
    }

    private func resolveAny(_ rawLink: String, page: String, folder: String) -> Resolution {
        let link = HTMLScan.unescape(rawLink)
        if link.isEmpty { return .external }
        if link.hasPrefix("//") || hasScheme(link) { return .external }
        var address = Substring(link)
        var fragment: String?
        if let hash = address.firstIndex(of: "#") {
            fragment = String(address[address.index(after: hash)...])
            address = address[..<hash]
        }
        if let query = address.firstIndex(of: "?") { address = address[..<query] }
        let decoded = fragment.map(HTMLScan.percentDecode)
        var target: [UInt8]
        let relative: Substring
        if address.isEmpty {
            return .file(page, fragment: fragment, decodedFragment: decoded)
        } else if address.hasPrefix("/") {
            guard address.hasPrefix(basePath) || address + "/" == basePath else { return .problem("outside the site's base path \(basePath)") }
            target = []
            relative = address.dropFirst(basePath.count)
        } else {
            target = Array(folder.utf8)
            relative = address
        }
        // Folder by folder, on bytes: `..` goes up, `.` and empty pieces stay; a last piece
        // that is one of those names a folder, whose page is its index.html.
        var isFolder = false
        let pieces = Array(HTMLScan.percentDecode(String(relative)).utf8).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (i, piece) in pieces.enumerated() {
            let last = i == pieces.count - 1
            if piece.isEmpty || (piece.count == 1 && piece.first == UInt8(ascii: ".")) {
                if last { isFolder = true }
            } else if piece.count == 2 && piece.first == UInt8(ascii: ".") && piece.last == UInt8(ascii: ".") {
                if target.isEmpty { return .problem("leads outside the site") }
                target.removeSubrange((target.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                if last { isFolder = true }
            } else {
                if !target.isEmpty { target.append(UInt8(ascii: "/")) }
                target.append(contentsOf: piece)
            }
        }
        if target.isEmpty { return .file("index.html", fragment: fragment, decodedFragment: decoded) }
        if isFolder { target.append(contentsOf: "/index.html".utf8) }
        return .file(String(decoding: target, as: UTF8.self), fragment: fragment, decodedFragment: decoded)
    }

    private func hasScheme(_ link: String) -> Bool {
        guard link.utf8.contains(UInt8(ascii: ":")), let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}

/// Gathers the checks of all pages and settles the links that had to wait.
public struct LinkCheckResults: Sendable {
    private var broken: [LinkChecker.BrokenLink] = []
    /// Each page's pending links as its check holds them: kept by reference, not copied into
    /// one array, so they are not in memory twice while the pages' checks are still held.
    private var pending: [[LinkChecker.Pending]] = []

    public init() {}

    public mutating func add(_ page: LinkChecker.PageCheck) {
        broken += page.broken
        if !page.pending.isEmpty { pending.append(page.pending) }
    }

    /// Links found broken before (by a check whose page is kept as it was).
    public mutating func add(broken links: [LinkChecker.BrokenLink]) {
        broken += links
    }

    /// Every broken link, by page, once `paths` holds every file of the site and `anchors` the
    /// ids of every page.
    public func finish(paths: Set<String>, anchors: AnchorIndex) -> [LinkChecker.BrokenLink] {
        var all = broken
        for link in pending.joined() {
            if !paths.contains(link.file) {
                all.append(LinkChecker.BrokenLink(page: link.page, target: link.target, reason: "no such file \(link.file)"))
            } else if let anchor = link.anchor, let fragment = link.fragment, !anchors.contains(anchor) {
                all.append(LinkChecker.BrokenLink(page: link.page, target: link.target, reason: LinkChecker.noAnchor(fragment, link.file)))
            }
        }
        return all
    }
}

/// An `id` of a page, as a 64-bit key (FNV-1a of the page's path and the id): the link check
/// keeps these instead of the ids themselves, so the ids of a whole site take little memory,
/// and they are the same from build to build (an incremental build keeps those of pages it did
/// not render again).
public struct AnchorKey: Hashable, Sendable {
    public var value: UInt64

    public init(value: UInt64) {
        self.value = value
    }

    public init(file: String, id: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in file.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash = (hash ^ 0x23) &* 0x0000_0100_0000_01B3 // '#'
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = hash
    }
}

/// The anchors of the pages checked so far, shared by the threads that check them.
public final class AnchorIndex: Sendable {
    private let keys = Locked<Set<AnchorKey>>([])

    public init() {}

    public func insert(_ anchors: [AnchorKey]) {
        guard !anchors.isEmpty else { return }
        keys.withLock { $0.formUnion(anchors) }
    }

    public func contains(_ anchor: AnchorKey) -> Bool {
        keys.withLock { $0.contains(anchor) }
    }
}

/// Minimal scanning of Parley's own HTML output (quoted attributes only).
enum HTMLScan {
    struct Attributes {
        var ids = Set<String>()
        var hrefs = Set<String>()
        var srcs = Set<String>()
    }

    /// The distinct values of ` id="…"`, ` href="…"` and ` src="…"` in one pass over the bytes.
    static func attributes(in html: [UInt8]) -> Attributes {
        var found = Attributes()
        html.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var i = 0
            while i + 5 < n {
                // Every attribute starts after a space: ` id="`, ` src="`, ` href="`.
                guard bytes[i] == UInt8(ascii: " ") else { i += 1; continue }
                var start = -1
                var kind = 0
                if bytes[i + 1] == UInt8(ascii: "i"), bytes[i + 2] == UInt8(ascii: "d"), bytes[i + 3] == UInt8(ascii: "="), bytes[i + 4] == UInt8(ascii: "\"") {
                    start = i + 5
                    kind = 0
                } else if i + 6 < n, bytes[i + 1] == UInt8(ascii: "s"), bytes[i + 2] == UInt8(ascii: "r"), bytes[i + 3] == UInt8(ascii: "c"),
                          bytes[i + 4] == UInt8(ascii: "="), bytes[i + 5] == UInt8(ascii: "\"") {
                    start = i + 6
                    kind = 2
                } else if i + 7 < n, bytes[i + 1] == UInt8(ascii: "h"), bytes[i + 2] == UInt8(ascii: "r"), bytes[i + 3] == UInt8(ascii: "e"),
                          bytes[i + 4] == UInt8(ascii: "f"), bytes[i + 5] == UInt8(ascii: "="), bytes[i + 6] == UInt8(ascii: "\"") {
                    start = i + 7
                    kind = 1
                }
                guard start >= 0 else { i += 1; continue }
                var end = start
                while end < n, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                switch kind {
                case 0: found.ids.insert(value)
                case 1: found.hrefs.insert(value)
                default: found.srcs.insert(value)
                }
                i = end
            }
        }
        return found
    }

    static func unescape(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingAll("&quot;", "\"").replacingAll("&#39;", "'").replacingAll("&lt;", "<")
            .replacingAll("&gt;", ">").replacingAll("&amp;", "&")
    }

    static func percentDecode(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "%")) else { return value }
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
