import CByteSearch
import ParleyCore
import Render

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

        /// As a build reports it.
        var diagnostic: Diagnostic {
            Diagnostic(.error, step: LinkChecker.step, file: page, "broken link to \(target): \(reason)")
        }
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
        /// When the page holds the attribute that marks what the search indexes (`SearchScope`):
        /// the digest of the page, which the search index is made from.
        public var searchDigest: ContentDigest?
        public var searchable: Bool { searchDigest != nil }
        /// The page as the search scope counts it, when it is marked.
        var searchPage: SearchScope.Page? { searchDigest.map { SearchScope.Page(path: path, digest: $0) } }

        /// What of this check is left for the end (`LinkCheckResults`), in storage of its exact
        /// size; nil when nothing is. The anchors are left out: they are in the `AnchorIndex`
        /// already, and every page's check waits in memory until all pages are rendered.
        var unsettled: PageCheck? {
            broken.isEmpty && pending.isEmpty ? nil : PageCheck(path: path, anchors: [], broken: broken.compacted(), pending: pending.compacted())
        }
    }

    /// `basePath` is the path of the base URL (`/` or `/digest/`), for root-absolute links.
    public let basePath: String

    /// Whether the theme writes the search mark with capitals somewhere (`SearchScope.marker`):
    /// pages are then looked at for it in any case, slower.
    public let markInAnyCase: Bool

    public init(basePath: String = "/", markInAnyCase: Bool = false) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
        self.markInAnyCase = markInAnyCase
    }

    /// The checker of the pages a build makes of `site` with `templates` (a whole build and a
    /// build of body edits must see the same marks).
    init(site: SiteConfig, templates: TemplateSet) {
        self.init(basePath: SiteConfig.path(of: site.baseURL), markInAnyCase: SearchScope.markedInAnyCase(by: templates))
    }

    /// Checks a whole site in memory.
    public func check(_ files: [OutputFile]) -> [BrokenLink] {
        let paths = Set(files.map(\.path))
        let known = KnownPaths(paths)
        let anchors = AnchorIndex()
        var results = LinkCheckResults()
        for file in files where file.path.hasSuffix(".html") {
            results.add(check(page: file, paths: known, anchors: anchors))
        }
        return results.finish(paths: paths, anchors: anchors)
    }

    /// Checks the links of one HTML page and adds its ids to `anchors`. `paths` holds the files
    /// known so far (links to others are checked at the end).
    ///
    /// Links are resolved on the page's bytes and looked up by key (`KnownPaths`), so a link
    /// that is fine costs no string; strings are made only for what is reported or left for the
    /// end.
    public func check(page file: OutputFile, paths: KnownPaths, anchors: AnchorIndex) -> PageCheck {
        var check = PageCheck(path: file.path, anchors: [], broken: [], pending: [])
        let page = Array(file.path.utf8)
        let folder = Array(page[..<(page.lastIndex(of: UInt8(ascii: "/")) ?? 0)])
        file.bytes.withUnsafeBufferPointer { bytes in
            let marked = SearchScope.marker.withUnsafeBytes { marker in
                markInAnyCase ? parley_contains_bytes_any_case(bytes.baseAddress, bytes.count, marker.baseAddress, marker.count) != 0
                    : parley_contains_bytes(bytes.baseAddress, bytes.count, marker.baseAddress, marker.count) != 0
            }
            if marked { check.searchDigest = ContentDigest.of(UnsafeRawBufferPointer(bytes)) }
            // The page's own ids first: a link may come before the element it points to.
            var own = Set<UInt64>()
            var links: [Range<Int>] = []
            HTMLScan.forEachAttribute(in: bytes) { kind, range in
                if kind == .id {
                    let key = page.withUnsafeBufferPointer { AnchorKey(file: $0, id: UnsafeBufferPointer(rebasing: bytes[range])) }
                    if own.insert(key.value).inserted { check.anchors.append(key) }
                } else {
                    links.append(range)
                }
            }
            anchors.insert(check.anchors)
            var reported = Set<String>()
            var target: [UInt8] = []
            target.reserveCapacity(256)
            for range in links {
                let link = UnsafeBufferPointer(rebasing: bytes[range])
                // Where the link leads: `target` (bytes), and the anchor as written and decoded;
                // or what is wrong with it.
                var fragment: String?
                var decoded: [UInt8]?
                var problem: String?
                switch Self.resolvePlainRelative(link, page: page, folder: folder, into: &target) {
                case .external:
                    continue
                case .problem(let reason):
                    problem = reason
                case .file(let written):
                    if let written {
                        let bytes = Array(UnsafeBufferPointer(rebasing: link[written]))
                        decoded = bytes
                        fragment = String(decoding: bytes, as: UTF8.self)
                    }
                case .other:
                    switch resolveAny(String(decoding: link, as: UTF8.self), page: file.path, folder: String(decoding: folder, as: UTF8.self)) {
                    case .external:
                        continue
                    case .problem(let reason):
                        problem = reason
                    case .file(let path, let written, let decodedFragment):
                        target = Array(path.utf8)
                        fragment = written
                        decoded = decodedFragment.map { Array($0.utf8) }
                    }
                }
                if let problem {
                    let raw = String(decoding: link, as: UTF8.self)
                    if reported.insert(raw).inserted { check.broken.append(BrokenLink(page: file.path, target: raw, reason: problem)) }
                    continue
                }
                let anchor: AnchorKey? = decoded.flatMap { id in
                    guard !id.isEmpty, Self.isHTML(target) else { return nil }
                    return target.withUnsafeBufferPointer { t in id.withUnsafeBufferPointer { AnchorKey(file: t, id: $0) } }
                }
                let known = target.withUnsafeBufferPointer { paths.contains(key: FNV1a.of($0)) }
                if known {
                    guard let anchor else { continue }
                    if target == page {
                        if own.contains(anchor.value) { continue }
                    } else if anchors.contains(anchor) {
                        continue
                    }
                }
                let raw = String(decoding: link, as: UTF8.self)
                guard reported.insert(raw).inserted else { continue }
                let path = String(decoding: target, as: UTF8.self)
                if known && target == page {
                    check.broken.append(BrokenLink(page: file.path, target: raw, reason: Self.noAnchor(fragment ?? "", path)))
                } else {
                    check.pending.append(Pending(page: file.path, target: raw, file: path, fragment: fragment, anchor: anchor))
                }
            }
        }
        check.broken.sort { $0.target < $1.target }
        check.pending.sort { $0.target < $1.target }
        return check
    }

    private static func isHTML(_ path: [UInt8]) -> Bool {
        path.count >= 5 && path[(path.count - 5)...].elementsEqual(".html".utf8)
    }

    /// The step that reports broken links.
    static let step = "link check"

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

    /// What `resolvePlainRelative` made of a link.
    enum PlainResolution {
        case external
        case problem(String)
        /// A file of the site, its path in the target buffer; the range of the anchor in the link.
        case file(fragment: Range<Int>?)
        /// Not a plain link: `resolveAny` must read it.
        case other
    }

    /// The common case on bytes: a relative link without entities, percent escapes or a scheme
    /// (`../../people/x/index.html`, `index.md`, `#p2`), its path written into `target`; a link
    /// with a scheme (`https:`) is external; `.other` for anything else.
    static func resolvePlainRelative(_ link: UnsafeBufferPointer<UInt8>, page: [UInt8], folder: [UInt8],
                                     into target: inout [UInt8]) -> PlainResolution {
        guard let first = link.first, first != UInt8(ascii: "/") else { return .other }
        var end = link.count
        var fragmentStart: Int?
        var schemeOnly = true
        let table = Self.byteKinds
        for i in 0..<link.count {
            let b = link[i]
            // Most bytes are plain: one look in the table, and on.
            let kind = table[Int(b)]
            if kind == .scheme { continue }
            if kind == .plain {
                schemeOnly = false
                continue
            }
            switch b {
            case UInt8(ascii: ":") where fragmentStart == nil && end == link.count:
                // `https:`, `mailto:`: letters, digits, `+`, `-` and `.` before the first colon.
                return schemeOnly && i > 0 ? .external : .other
            case UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: ":"): return .other
            case UInt8(ascii: "#") where fragmentStart == nil:
                fragmentStart = i + 1
                end = min(end, i)
            case UInt8(ascii: "?") where fragmentStart == nil:
                end = min(end, i)
            default:
                // A second `#`, or a `?` in the anchor: no scheme byte.
                schemeOnly = false
            }
        }
        let fragment = fragmentStart.map { $0..<link.count }
        target.removeAll(keepingCapacity: true)
        if end == 0 {
            target.append(contentsOf: page)
            return .file(fragment: fragment)
        }
        target.append(contentsOf: folder)
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
                target.removeLast(target.count - (target.lastIndex(of: UInt8(ascii: "/")) ?? 0))
                if last { isFolder = true }
            } else {
                if !target.isEmpty { target.append(UInt8(ascii: "/")) }
                target.append(contentsOf: UnsafeBufferPointer(rebasing: link[start..<stop]))
            }
            start = stop + 1
        }
        if target.isEmpty {
            target.append(contentsOf: "index.html".utf8)
        } else if isFolder {
            target.append(contentsOf: "/index.html".utf8)
        }
        return .file(fragment: fragment)
    }

    /// What a byte of a link is to `resolvePlainRelative`: allowed in a scheme, plain, or one
    /// to look at (`:`, `&`, `%`, `#`, `?`).
    private enum ByteKind { case scheme, plain, special }
    private static let byteKinds: [ByteKind] = (0...255).map { value in
        let b = UInt8(value)
        switch b {
        case UInt8(ascii: ":"), UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "?"): return .special
        default: return isSchemeByte(b) ? .scheme : .plain
        }
    }

    private static func isSchemeByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
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
                target.removeLast(target.count - (target.lastIndex(of: UInt8(ascii: "/")) ?? 0))
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
        var file = file, id = id
        self = file.withUTF8 { f in id.withUTF8 { AnchorKey(file: f, id: $0) } }
    }

    init(file: UnsafeBufferPointer<UInt8>, id: UnsafeBufferPointer<UInt8>) {
        var hash = FNV1a()
        hash.add(file)
        hash.add(UInt8(ascii: "#"))
        hash.add(id)
        value = hash.value
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
