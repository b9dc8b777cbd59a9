import ParleyCore
import Render

/// The search index of a large site, made in parts.
///
/// Pagefind has no incremental mode: it indexes every page it is given, at about 2 ms a page
/// and 200 KB of memory a page (at 10,000 articles, 20 s and 2.2 GB for one index), so one
/// edited article cost a whole index. Its search interface can search several indexes as one
/// (`mergeIndex`, results merged by score), so a site with more marked pages than a part holds
/// is indexed in parts, each page in the part its path's digest chooses: an edit indexes again
/// the one part that holds the page (the others are kept, `SearchIndexStamp`), and Pagefind
/// never holds more than a part in memory. The parts are random samples of the site, so their
/// word statistics, and the scores merged across them, are close to those of one index: the
/// same pages are found, and pages that score nearly alike may come in another order.
///
/// The first part that holds a page is the site's index (`pagefind/`, whose interface the search
/// page loads); the others are `pagefind/parts/N/`, listed for the search page in
/// `pagefind/parts.json`.
public enum SearchParts {
    /// Pages per part above which a site's index is split.
    public static let pagesPerPart = 1000
    /// At most this many parts (a search asks each one).
    public static let maximumParts = 64
    /// The list of the other parts, in the index folder, for the search page.
    public static let listFile = "parts.json"
    /// Where the other parts go, in the index folder.
    public static let folder = "parts/"

    /// One part of the index: its folder in the index folder ("" for the first) and its pages,
    /// by path.
    public struct Part: Sendable, Equatable {
        public var folder: String
        public var pages: [SearchScope.Page]
    }

    /// How many parts `pages` marked pages are indexed in: 1 up to `perPart` pages, else the
    /// power of two that leaves no part with more than `perPart` pages on average, at most
    /// `maximumParts`.
    public static func count(pages: Int, perPart: Int = pagesPerPart) -> Int {
        guard perPart > 0, pages > perPart else { return 1 }
        let needed = (pages + perPart - 1) / perPart
        var parts = 1
        while parts < needed, parts < maximumParts { parts *= 2 }
        return parts
    }

    /// The parts the marked `pages` are indexed in, in order, none of them empty; the first is
    /// the site's index (folder ""). A page's part depends on its path and on the number of
    /// parts alone, so pages stay in their part while the site grows, up to the next power of two.
    public static func split(_ pages: [SearchScope.Page], perPart: Int = pagesPerPart) -> [Part] {
        let count = count(pages: pages.count, perPart: perPart)
        var buckets = [[SearchScope.Page]](repeating: [], count: count)
        for page in pages.sorted(by: { $0.path < $1.path }) {
            buckets[count == 1 ? 0 : Int(ContentDigest.of(page.path).low % UInt64(count))].append(page)
        }
        var parts: [Part] = []
        for (number, bucket) in buckets.enumerated() where !bucket.isEmpty {
            parts.append(Part(folder: parts.isEmpty ? "" : folder + "\(number)/", pages: bucket))
        }
        return parts
    }

    /// `parts.json`: the folders of the parts after the first, relative to the index folder.
    public static func list(_ parts: [Part]) -> OutputFile {
        let folders = parts.dropFirst().map { "\"" + $0.folder + "\"" }
        return OutputFile(path: listFile, text: "{\"parts\":[" + folders.joined(separator: ",") + "]}\n")
    }
}
