import Ingest
import ParleyCore
import Render

/// What the search index in the output folder was made from, kept in the build cache
/// (`search.bin`): a build whose marked pages are byte for byte the last build's, indexed by the
/// same program with the same settings, links the last index into the new site instead of
/// running Pagefind again (about 20 s at 10,000 articles, for a build that otherwise keeps every
/// page in a quarter of a second).
///
/// The stamp names the output folder (the fingerprint of its marker file) whose index it
/// describes, as the page manifests do, so an index made by another build, or none, is never
/// taken for it.
public enum SearchIndexStamp {
    static let file = "search.bin"
    private static let kind = "parley search 1"

    /// What an index depends on: the marked pages (`BuildResult.searchPages`), the glob the
    /// indexer was given, the indexer itself (its path and the fingerprint of its file), and
    /// the environment variables and configuration files it reads (`PAGEFIND_*`, a
    /// `pagefind.yml`, `.yaml`, `.toml` or `.json` in the current folder).
    public static func identity(pages: ContentDigest, scope: String?, indexer: String,
                                environment: [String: String]) -> ContentDigest {
        var w = ByteWriter()
        w.write(kind)
        w.write(pages)
        w.write(scope)
        w.write(indexer)
        let fingerprint = FileFingerprint.of(indexer)
        w.write(fingerprint != nil)
        if let fingerprint { w.write(fingerprint) }
        for (name, value) in environment.filter({ $0.key.hasPrefix("PAGEFIND_") }).sorted(by: { $0.key < $1.key }) {
            w.write(name)
            w.write(value)
        }
        for name in ["pagefind.yml", "pagefind.yaml", "pagefind.toml", "pagefind.json"] {
            guard let fingerprint = FileFingerprint.of(name) else { continue }
            w.write(name)
            w.write(fingerprint)
        }
        return ContentDigest.of(w.bytes)
    }

    /// Whether the index of the site whose marker has the fingerprint `output` was made from
    /// `identity`.
    public static func matches(cache folder: String, identity: ContentDigest, output: FileFingerprint) -> Bool {
        guard var r = CacheFile.read(BuildCache(folder: folder).path(file), kind: kind) else { return false }
        do throws(ByteReader.Damaged) {
            let madeFrom = try r.readDigest()
            let site = try r.readFingerprint()
            return madeFrom == identity && site == output && r.atEnd
        } catch {
            return false
        }
    }

    /// Notes that the index of the site whose marker has the fingerprint `output` was made from
    /// `identity`.
    public static func save(cache folder: String, identity: ContentDigest, output: FileFingerprint) throws(WriteError) {
        let cache = BuildCache(folder: folder)
        var w = ByteWriter()
        w.write(identity)
        w.write(output)
        try cache.prepare()
        try CacheFile.write(cache.path(file), kind: kind, w.bytes)
    }
}
