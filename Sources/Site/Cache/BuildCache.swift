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

/// The build cache: a folder where a build leaves what it made, so that the next build redoes
/// only what its changes can affect (`--cache`, `.parley-cache` by default).
///
/// - `analysis/`: one file per article file, named by the digest of its path: the file's
///   fingerprint, the digest of the article as read, what reading it reported, and its analysis.
///   An article is read again only when its fingerprint changed, and analyzed again only when
///   what was read changed.
/// - `pages.bin`: what each page of the last build was made from (`PageManifest`), and
///   `articles.bin`: what the last build knew of each article file (`PageManifest.ArticleState`).
///
/// Every file is stamped with the identity of what all of it depends on (Parley's own code,
/// the registries, and for pages the theme and the site settings), so a change of any of those
/// makes the old entries unusable. A missing or damaged cache only means a full build.
public struct BuildCache: Sendable {
    public let folder: String
    /// What this process kept of the folder from its earlier builds, read before the files.
    let memory: BuildMemory?

    public init(folder: String, memory: BuildMemory? = nil) {
        self.folder = folder
        self.memory = memory
    }

    /// The default folder: `.parley-cache` in the current folder.
    public static let defaultFolder = ".parley-cache"

    /// Changes whenever Parley's code may: a version of the cache format and the fingerprint of
    /// the running executable (size, modification time to the nanosecond, inode, device), so a
    /// rebuilt or replaced Parley never reuses what an older one made. Reading the 50 MB
    /// executable to digest it took longer than a build with nothing changed spends on pages.
    static let codeIdentity: ContentDigest = {
        var writer = ByteWriter()
        writer.write("parley-cache-3")
        if let fingerprint = FileFingerprint.of("/proc/self/exe") ?? FileFingerprint.of(CommandLine.arguments.first ?? "") {
            writer.write(fingerprint)
        }
        return ContentDigest.of(writer.bytes)
    }()

    func path(_ name: String) -> String { folder + "/" + name }

    /// Creates the folder (and its parents) when missing.
    func prepare(_ subfolder: String = "") throws(WriteError) {
        let path = subfolder.isEmpty ? folder : folder + "/" + subfolder
        do {
            try makeFolders(path.split(separator: "/"), below: folder.hasPrefix("/") ? "" : ".")
        } catch {
            throw WriteError(path: error.path, message: "the build cache: \(error.message)")
        }
    }

    // MARK: Articles

    /// What a build made from one article file.
    struct ArticleRecord: Sendable {
        /// The file as it was when it was read; nil when the file system gives none.
        var fingerprint: FileFingerprint?
        /// The digest of the article as read (`SourceArticle`), nil when it could not be read.
        var key: ContentDigest?
        /// What reading it reported.
        var diagnostics: [Diagnostic]
        /// Its analysis and the digest of the analysis; nil when the article was left out.
        var analyzed: AnalyzedArticle?
        var digest: ContentDigest?
        /// Its summary (`Summary.make`), kept with the analysis so a build that takes the
        /// analysis from here does not make it again.
        var summary: String?
    }

    static let articlesFolder = "analysis"
    private static let articleKind = "parley article 2"

    private func articleFile(_ articlePath: String) -> String {
        path("\(Self.articlesFolder)/\(ContentDigest.of(articlePath).description)")
    }

    /// The digest of an article as read: what its analysis depends on besides the registries.
    static func key(of source: SourceArticle) -> ContentDigest {
        var writer = ByteWriter()
        writer.write(source)
        writer.write(source.body)
        return ContentDigest.of(writer.bytes)
    }

    /// The record of an article file from an earlier build with the same identity, if any.
    func loadArticle(_ articlePath: String, identity: ContentDigest, registry: RegistryIndex) -> ArticleRecord? {
        if let kept = memory?.article(articlePath, identity: identity) { return kept }
        guard let record = readArticle(articlePath, identity: identity, registry: registry) else { return nil }
        memory?.keep(record, of: articlePath, identity: identity)
        return record
    }

    private func readArticle(_ articlePath: String, identity: ContentDigest, registry: RegistryIndex) -> ArticleRecord? {
        guard var reader = CacheFile.read(articleFile(articlePath), kind: Self.articleKind) else { return nil }
        do throws(ByteReader.Damaged) {
            guard try reader.readDigest() == identity, try reader.readString() == articlePath else { return nil }
            var record = ArticleRecord(diagnostics: [])
            if try reader.readBool() { record.fingerprint = try reader.readFingerprint() }
            record.key = try reader.readBool() ? try reader.readDigest() : nil
            record.diagnostics = try reader.readDiagnostics()
            if try reader.readBool() {
                record.digest = try reader.readDigest()
                record.analyzed = try reader.readAnalyzedArticle(registry: registry)
                record.summary = try reader.readString()
            }
            return reader.atEnd ? record : nil
        } catch {
            return nil
        }
    }

    /// Keeps the record of an article file; returns it with the digest of its analysis and its
    /// summary set.
    @discardableResult
    func saveArticle(_ articlePath: String, _ record: ArticleRecord, identity: ContentDigest, registry: RegistryIndex) throws(WriteError) -> ArticleRecord {
        var record = record
        var writer = ByteWriter()
        writer.write(identity)
        writer.write(articlePath)
        writer.write(record.fingerprint != nil)
        if let fingerprint = record.fingerprint { writer.write(fingerprint) }
        writer.write(record.key != nil)
        if let key = record.key { writer.write(key) }
        writer.write(record.diagnostics)
        writer.write(record.analyzed != nil)
        if let analyzed = record.analyzed {
            var analysis = ByteWriter()
            analysis.write(analyzed, registry: registry)
            let digest = record.digest ?? ContentDigest.of(analysis.bytes)
            record.digest = digest
            writer.write(digest)
            writer.append(analysis.bytes)
            let summary = record.summary ?? Summary.make(analyzed.article)
            record.summary = summary
            writer.write(summary)
        }
        try CacheFile.write(articleFile(articlePath), kind: Self.articleKind, writer.bytes)
        memory?.keep(record, of: articlePath, identity: identity)
        return record
    }

    /// Removes the records of article files that are no longer there.
    func pruneArticles(keeping articlePaths: [String]) {
        memory?.keepArticles(only: Set(articlePaths))
        let keep = Set(articlePaths.map { ContentDigest.of($0).description })
        let folder = path(Self.articlesFolder)
        guard let names = try? DiskFileSystem().listFiles(in: folder) else { return }
        for name in names where !keep.contains(name) { unlink(folder + "/" + name) }
    }

    /// The digest of the registries and of the code: what every analysis depends on.
    static func analysisIdentity(_ registry: Registry) -> ContentDigest {
        var writer = ByteWriter()
        writer.write(codeIdentity)
        writer.write(UInt64(registry.people.count))
        for person in registry.people { writer.write(person) }
        writer.write(UInt64(registry.events.count))
        for event in registry.events { writer.write(event) }
        for list in [registry.places, registry.organizations] {
            writer.write(UInt64(list.count))
            for entity in list {
                writer.write(entity.name)
                writer.write(entity.aliases)
            }
        }
        return ContentDigest.of(writer.bytes)
    }
}
