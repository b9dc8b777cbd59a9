import Ingest
import ParleyCore
import Render
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What every page of the last build was made from (`PageInputs`), with what its link check
/// found, so a page whose inputs did not change is kept as it is (its file linked into the new
/// site, its anchors and broken links taken from here) instead of being rendered again.
///
/// It is only used when the output folder is still the site the last build wrote (the marker
/// file it names is still there, unchanged) and everything every page depends on (`identity`)
/// is the same.
///
/// The manifest of the build before (`previous.bin`) describes the site kept beside the output
/// (`SiteWriter.keepsPrevious`), which the next build writes over: its pages whose digest
/// did not change are already right there, and its `files` not in the new site are removed.
struct PageManifest: Sendable {
    struct Entry: Sendable {
        var digest: ContentDigest
        var paths: [String]
        var anchors: [AnchorKey]
        var broken: [LinkChecker.BrokenLink]
        /// For an article's page: where its body is in the page, when a body edit can be
        /// written into it (`BodySpan`).
        var body: BodySpan? = nil
        /// When its page holds what marks the pages the search indexes (`SearchScope`): the
        /// digest of the page.
        var searchDigest: ContentDigest? = nil
    }

    /// By the first path of each page job.
    var entries: [String: Entry] = [:]
    /// Every file of the site (pages, feeds, theme files, crawler files), sorted.
    var files: [String] = []
    /// Every article of the build, in library order, as a build of body edits needs it
    /// (`BodyEdits`); empty when the build could not say.
    var articles: [ArticleState] = []
    /// The digest of what the build reported before it read any article (site settings,
    /// registries, the list of the articles folder).
    var inputDiagnostics = ContentDigest(high: 0, low: 0)
    /// Everything the build reported, sorted, as it printed it.
    var diagnostics: [Diagnostic] = []
    /// The whole-site feed, whose entries carry the bodies of the newest articles.
    var siteFeed: Feed?
    /// The marked pages that are not pages of `entries` (the search page, the theme's own pages).
    var searchClosing: [SearchScope.Page] = []

    /// Every page marked for the search, with its digest.
    var searchPages: [SearchScope.Page] {
        entries.compactMap { key, entry in entry.searchDigest.map { SearchScope.Page(path: key, digest: $0) } } + searchClosing
    }

    /// One article file as the last build left it.
    struct ArticleState: Sendable, Equatable {
        /// The source path (`articles/…`), and the path of its page.
        var path: String
        var page: String
        var fingerprint: FileFingerprint
        /// The digest of its analysis (`BuildCache.ArticleRecord.digest`), and of what pages
        /// other than its own show of it (`ArticleSurface`).
        var analysis: ContentDigest
        var surface: ArticleSurface
    }

    /// What `load` reads besides each page's digest and paths and the list of files.
    struct Parts: OptionSet, Sendable {
        let rawValue: Int
        /// Each page's anchors, broken links and body span.
        static let pages = Parts(rawValue: 1)
        /// The articles (`ArticleState`).
        static let articles = Parts(rawValue: 2)
        /// What the build reported and the site feed.
        static let report = Parts(rawValue: 4)
        static let all: Parts = [.pages, .articles, .report]
    }

    /// The entry of the page job whose files are `paths`, if it was made from `digest`.
    func entry(for paths: [String], digest: ContentDigest) -> Entry? {
        guard let entry = entries[paths[0]], entry.digest == digest, entry.paths == paths else { return nil }
        return entry
    }

    /// The last build's manifest, and the one of the build before it.
    static let file = "pages.bin"
    static let previousFile = "previous.bin"
    static let articlesFile = "articles.bin"
    private static let articlesKind = "parley articles 4"
    private static let kind = "parley pages 7"

    /// What every page depends on besides its own inputs.
    static func identity(analysis: ContentDigest, theme: ContentDigest, site: SiteConfig) -> ContentDigest {
        var w = ByteWriter()
        w.write(analysis)
        w.write(theme)
        w.write(String(describing: site))
        return ContentDigest.of(w.bytes)
    }

    /// The manifest in `file` of the cache, if it was made with `identity` for the site whose
    /// marker file has the fingerprint `output`.
    /// Reads only the `parts` asked for: each entry's digest and paths and the list of files
    /// always, which tell which pages a site holds.
    static func load(_ cache: BuildCache, file: String = Self.file, identity: ContentDigest, output: FileFingerprint,
                     parts: Parts = .all) -> PageManifest? {
        if var kept = cache.memory?.manifest(file, identity: identity, output: output) {
            // All of it is at hand: what was not asked for is left out, as from the file.
            if !parts.contains(.articles) {
                kept.articles = []
                kept.inputDiagnostics = ContentDigest(high: 0, low: 0)
            }
            if !parts.contains(.report) {
                kept.diagnostics = []
                kept.siteFeed = nil
                kept.searchClosing = []
            }
            return kept
        }
        let whole = parts.contains(.pages)
        guard var r = CacheFile.read(cache.path(file), kind: kind) else { return nil }
        do throws(ByteReader.Damaged) {
            guard try r.readDigest() == identity, try r.readFingerprint() == output else { return nil }
            var manifest = PageManifest()
            let count = try r.readCount()
            manifest.entries.reserveCapacity(count)
            for _ in 0..<count {
                let digest = try r.readDigest()
                let paths = try r.readStrings()
                var anchors: [AnchorKey] = []
                let anchorCount = try r.readCount()
                if whole { anchors.reserveCapacity(anchorCount) }
                for _ in 0..<anchorCount {
                    let anchor = AnchorKey(value: try r.readUInt64())
                    if whole { anchors.append(anchor) }
                }
                let broken = try r.readArray { r throws(ByteReader.Damaged) in
                    LinkChecker.BrokenLink(page: try r.readString(), target: try r.readString(), reason: try r.readString())
                }
                var body: BodySpan?
                if try r.readBool() {
                    body = BodySpan(offset: try r.readInt(), length: try r.readInt(), digest: try r.readDigest())
                }
                let searchDigest = try r.readBool() ? try r.readDigest() : nil
                guard let key = paths.first else { return nil }
                manifest.entries[key] = whole ? Entry(digest: digest, paths: paths, anchors: anchors, broken: broken, body: body, searchDigest: searchDigest)
                    : Entry(digest: digest, paths: paths, anchors: [], broken: [])
            }
            manifest.files = try r.readStrings()
            if parts.contains(.articles), let (articles, inputDiagnostics) = loadArticles(cache, identity: identity, output: output) {
                manifest.articles = articles
                manifest.inputDiagnostics = inputDiagnostics
            }
            guard parts.contains(.report) else { return manifest }
            manifest.diagnostics = try r.readDiagnostics()
            if try r.readBool() { manifest.siteFeed = try r.readFeed() }
            manifest.searchClosing = try r.readArray { r throws(ByteReader.Damaged) in
                SearchScope.Page(path: try r.readString(), digest: try r.readDigest())
            }
            return r.atEnd ? manifest : nil
        } catch {
            return nil
        }
    }

    /// Saves the manifest as the last build's, the one there before becoming the previous one.
    func save(_ cache: BuildCache, identity: ContentDigest, output: FileFingerprint) throws(WriteError) {
        var w = ByteWriter()
        w.write(identity)
        w.write(output)
        w.write(UInt64(entries.count))
        for key in entries.keys.sorted() {
            let entry = entries[key]!
            w.write(entry.digest)
            w.write(entry.paths)
            w.write(UInt64(entry.anchors.count))
            for anchor in entry.anchors { w.write(anchor.value) }
            w.write(UInt64(entry.broken.count))
            for link in entry.broken {
                w.write(link.page)
                w.write(link.target)
                w.write(link.reason)
            }
            w.write(entry.body != nil)
            if let body = entry.body {
                w.write(body.offset)
                w.write(body.length)
                w.write(body.digest)
            }
            w.write(entry.searchDigest != nil)
            if let searchDigest = entry.searchDigest { w.write(searchDigest) }
        }
        w.write(files)
        w.write(diagnostics)
        w.write(siteFeed != nil)
        if let siteFeed { w.write(siteFeed) }
        w.write(UInt64(searchClosing.count))
        for page in searchClosing {
            w.write(page.path)
            w.write(page.digest)
        }
        var a = ByteWriter()
        a.write(identity)
        a.write(output)
        a.write(UInt64(articles.count))
        for article in articles {
            a.write(article.path)
            a.write(article.page)
            a.write(article.fingerprint)
            a.write(article.analysis)
            a.write(article.surface.rest)
            a.write(article.surface.summary)
            a.write(article.surface.quotes)
            a.write(article.surface.speakers)
        }
        a.write(inputDiagnostics)
        // What this process keeps of the files follows each step (and is forgotten when one
        // fails: the files may then be anything).
        let memory = cache.memory
        do throws(WriteError) {
            try cache.prepare()
            try CacheFile.write(cache.path(Self.articlesFile), kind: Self.articlesKind, a.bytes)
            memory?.keep(self, as: Self.articlesFile, identity: identity, output: output)
            _ = rename(cache.path(Self.file), cache.path(Self.previousFile))
            memory?.renameManifest(Self.file, to: Self.previousFile)
            try CacheFile.write(cache.path(Self.file), kind: Self.kind, w.bytes)
            memory?.keep(self, as: Self.file, identity: identity, output: output)
        } catch {
            memory?.forgetManifests()
            throw error
        }
    }

    /// The articles of the last build (`articles`, `inputDiagnostics`), kept in a file of their
    /// own: a build looks at them first, and reads the pages only when it can use them.
    static func loadArticles(_ cache: BuildCache, identity: ContentDigest, output: FileFingerprint)
        -> (articles: [ArticleState], inputDiagnostics: ContentDigest)? {
        if let kept = cache.memory?.manifest(articlesFile, identity: identity, output: output) {
            return (kept.articles, kept.inputDiagnostics)
        }
        guard var r = CacheFile.read(cache.path(articlesFile), kind: articlesKind) else { return nil }
        do throws(ByteReader.Damaged) {
            guard try r.readDigest() == identity, try r.readFingerprint() == output else { return nil }
            let articles = try r.readArray { r throws(ByteReader.Damaged) in
                ArticleState(path: try r.readString(), page: try r.readString(), fingerprint: try r.readFingerprint(),
                             analysis: try r.readDigest(),
                             surface: ArticleSurface(rest: try r.readDigest(), summary: try r.readDigest(), quotes: try r.readDigest(),
                                                      speakers: try r.readDigest()))
            }
            let inputDiagnostics = try r.readDigest()
            return r.atEnd ? (articles, inputDiagnostics) : nil
        } catch {
            return nil
        }
    }
}
