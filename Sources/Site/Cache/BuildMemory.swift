import Ingest
import ParleyCore
import Render

/// What one process keeps of its build cache from one build to the next (`parley serve`): the
/// record of each article file and the page manifests, as this process last read or wrote them.
/// A build after an edit then takes the analyses of the articles that did not change, and the
/// last build's manifests, from here instead of opening and decoding their files (at 10,000
/// articles, about a third of a build after an edit other pages show).
///
/// Each entry is used exactly as its file would be: only under the same identity (the code and
/// the registries; for a manifest also the theme, the settings and the output folder's stamp),
/// and an article's record only for the file fingerprint it was made from. A record is a
/// function of the article file and of its identity, so an entry that another process has since
/// replaced on disk is still right; a manifest whose output was rebuilt by another process no
/// longer matches its stamp.
///
/// It holds every article's analysis between builds (about 100 MB at 10,000 articles), which a
/// build holds anyway while it runs.
public final class BuildMemory: Sendable {
    private struct KeptArticle {
        var identity: ContentDigest
        var record: BuildCache.ArticleRecord
    }

    private struct KeptManifest {
        var identity: ContentDigest
        var output: FileFingerprint
        var manifest: PageManifest
    }

    private let articles = Locked<[String: KeptArticle]>([:])
    /// By file name in the cache folder (`PageManifest.file`, `previousFile`, `articlesFile`).
    private let manifests = Locked<[String: KeptManifest]>([:])

    public init() {}

    func article(_ path: String, identity: ContentDigest) -> BuildCache.ArticleRecord? {
        articles.withLock { kept in kept[path].flatMap { $0.identity == identity ? $0.record : nil } }
    }

    func keep(_ record: BuildCache.ArticleRecord, of path: String, identity: ContentDigest) {
        articles.withLock { $0[path] = KeptArticle(identity: identity, record: record) }
    }

    /// Forgets the article files that are no longer there.
    func keepArticles(only paths: Set<String>) {
        articles.withLock { kept in kept = kept.filter { paths.contains($0.key) } }
    }

    func manifest(_ file: String, identity: ContentDigest, output: FileFingerprint) -> PageManifest? {
        manifests.withLock { kept in
            kept[file].flatMap { $0.identity == identity && $0.output == output ? $0.manifest : nil }
        }
    }

    func keep(_ manifest: PageManifest, as file: String, identity: ContentDigest, output: FileFingerprint) {
        manifests.withLock { $0[file] = KeptManifest(identity: identity, output: output, manifest: manifest) }
    }

    /// The cache file `file` was renamed `to` (the last build's manifest becoming the one before).
    func renameManifest(_ file: String, to other: String) {
        manifests.withLock { kept in kept[other] = kept.removeValue(forKey: file) }
    }

    /// Forgets every manifest: what the files hold is not known (a save failed half way).
    func forgetManifests() {
        manifests.withLock { $0.removeAll() }
    }

    /// The outline of the last library (`LibraryOutline`), with its key; nil once forgotten.
    private let outline = Locked<(key: ContentDigest, outline: LibraryOutline)?>(nil)

    func outline(key: ContentDigest) -> LibraryOutline? {
        outline.withLock { kept in kept.flatMap { $0.key == key ? $0.outline : nil } }
    }

    /// Keeps `outline` as the cache's (nil: what the file holds is not known).
    func keep(_ outline: LibraryOutline?, key: ContentDigest) {
        self.outline.withLock { $0 = outline.map { (key, $0) } }
    }
}
