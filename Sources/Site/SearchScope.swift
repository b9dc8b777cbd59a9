import ParleyCore
import Render

/// Which pages the search indexer needs to look at.
///
/// Pagefind indexes only the pages with a `data-pagefind-body` element when any page has one,
/// and every page otherwise; it finds out by parsing every HTML file of the site. At 10,000
/// articles the default theme's list pages (people, events, places, the home pages: 270 MB of
/// the 410 MB of HTML) cost two thirds of its time and a third of its memory for nothing: only
/// article pages are marked. So a build notes which pages carry the attribute (`LinkChecker`
/// looks while it checks a page; a kept page keeps what its check found) and hands Pagefind a
/// glob of the folders holding them. The folders may hold unmarked pages too: Pagefind still
/// leaves those out, so the index is the one the whole site gives (at 10,000 articles, byte for
/// byte: 25 s and 2.2 GB instead of 75 s and 3.1 GB).
public enum SearchScope {
    /// The attribute that marks what Pagefind indexes, as themes write it.
    static let marker = Array(markerName.utf8)
    static let markerName = "data-pagefind-body"

    /// Whether pages must be looked at for the mark in any case: the theme writes it with
    /// capitals somewhere (HTML names of attributes are the same in any case, and Pagefind
    /// takes them so).
    static func markedInAnyCase(by templates: TemplateSet) -> Bool {
        templates.capitalizes(markerName)
    }

    /// A marked page and the digest of its bytes.
    public struct Page: Sendable, Equatable {
        public var path: String
        public var digest: ContentDigest

        public init(path: String, digest: ContentDigest) {
            self.path = path
            self.digest = digest
        }
    }

    /// The glob of the marked `pages`, the digest of what the index is made from (both nil
    /// when no page is marked) and the pages, by path.
    static func of(_ pages: [Page]) -> (glob: String?, digest: ContentDigest?, pages: [Page]) {
        let sorted = pages.sorted(by: { $0.path < $1.path })
        return (glob(marked: sorted.map(\.path)), digest(of: sorted), sorted)
    }

    /// The digest of what the index is made from: each marked page's path and bytes, in path
    /// order; nil when no page is marked (the index is then made from every page).
    public static func digest(of pages: [Page]) -> ContentDigest? {
        guard !pages.isEmpty else { return nil }
        var w = ByteWriter()
        w.write("search pages")
        for page in pages.sorted(by: { $0.path < $1.path }) {
            w.write(page.path)
            w.write(page.digest)
        }
        return ContentDigest.of(w.bytes)
    }

    /// A glob (relative to the site) of the folders, and files at the top of the site, that hold
    /// the `marked` pages, sorted; nil when no page is marked (Pagefind then indexes every page).
    public static func glob(marked: some Sequence<String>) -> String? {
        var parts = Set<String>()
        for path in marked {
            if let slash = path.firstIndex(of: "/") {
                parts.insert(path[..<slash] + "/**/*.html")
            } else {
                parts.insert(path)
            }
        }
        guard !parts.isEmpty else { return nil }
        let sorted = parts.sorted()
        return sorted.count == 1 ? sorted[0] : "{" + sorted.joined(separator: ",") + "}"
    }
}
