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
    private static let kind = "parley search 2"

    /// What an index, or a part of one, depends on: the marked pages it holds
    /// (`SearchScope.digest`), what the indexer was given besides (the glob, or the part's folder), the indexer itself (its path and the fingerprint of its file), and
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

    /// What each part of the index of the site whose marker has the fingerprint `output` was
    /// made from, by the part's folder (`SearchParts`; "" for a site indexed whole); empty when
    /// nothing is known of that site's index.
    public static func load(cache folder: String, output: FileFingerprint) -> [String: ContentDigest] {
        guard var r = CacheFile.read(BuildCache(folder: folder).path(file), kind: kind) else { return [:] }
        do throws(ByteReader.Damaged) {
            guard try r.readFingerprint() == output else { return [:] }
            let parts = try r.readArray { r throws(ByteReader.Damaged) in (try r.readString(), try r.readDigest()) }
            return r.atEnd ? Dictionary(parts) { _, last in last } : [:]
        } catch {
            return [:]
        }
    }

    /// Notes that each part of the index of the site whose marker has the fingerprint `output`
    /// was made from its identity (`identities`, by the part's folder).
    public static func save(cache folder: String, identities: [String: ContentDigest], output: FileFingerprint) throws(WriteError) {
        let cache = BuildCache(folder: folder)
        var w = ByteWriter()
        w.write(output)
        w.write(UInt64(identities.count))
        for (part, identity) in identities.sorted(by: { $0.key < $1.key }) {
            w.write(part)
            w.write(identity)
        }
        try cache.prepare()
        try CacheFile.write(cache.path(file), kind: kind, w.bytes)
    }
}
