import Foundation
import Ingest
import ParleyCore
import ParleyTestSupport
import Render
@testable import Site
import Testing

/// A cache file is read in place: the reader starts where the payload does, and a payload that
/// changed by a byte, or was cut short, is refused.
@Suite struct CacheFileTests {
    @Test func thePayloadIsReadInPlaceAndADamagedOneIsRefused() throws {
        let folder = RepositoryPaths.temporaryFolder("parley-cachefile")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/test.bin"
        var w = ByteWriter()
        w.write("payload")
        w.write(UInt64(123_456))
        w.write(["a", "b"])
        try CacheFile.write(path, kind: "parley-test-1", w.bytes)

        var reader = try #require(CacheFile.read(path, kind: "parley-test-1"))
        #expect(try reader.readString() == "payload")
        #expect(try reader.readUInt64() == 123_456)
        #expect(try reader.readStrings() == ["a", "b"])
        #expect(reader.atEnd)

        #expect(CacheFile.read(path, kind: "parley-test-2") == nil, "another kind")
        let whole = try DiskFileSystem().readFile(path)
        var changed = whole
        changed[changed.count - 2] ^= 1
        try Data(changed).write(to: URL(fileURLWithPath: path))
        #expect(CacheFile.read(path, kind: "parley-test-1") == nil, "a byte changed")
        try Data(whole.dropLast()).write(to: URL(fileURLWithPath: path))
        #expect(CacheFile.read(path, kind: "parley-test-1") == nil, "cut short")
        #expect(CacheFile.read(folder + "/missing.bin", kind: "parley-test-1") == nil)
    }

    /// An article's record keeps its summary with its analysis, so a build that takes the
    /// analysis from the cache takes the summary too, and the library uses it as it is.
    @Test func anArticlesSummaryIsKeptWithItsAnalysisAndUsedAsItIs() throws {
        let folder = RepositoryPaths.temporaryFolder("parley-cache-summary")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = BuildCache(folder: folder)
        try cache.prepare(BuildCache.articlesFolder)
        let source = SourceArticle(path: "articles/a.txt", format: .text, body: "")
        let article = NormalizedArticle(source: source, title: "Talks resume",
                                        paragraphs: [Paragraph("The delegations met in Istanbul on Monday. They agreed to meet again."),
                                                     Paragraph("A second paragraph.")])
        let analyzed = AnalyzedArticle(article: article)
        let registry = RegistryIndex(Registry())
        let identity = ContentDigest.of("identity")
        let saved = try cache.saveArticle("articles/a.txt", BuildCache.ArticleRecord(diagnostics: [], analyzed: analyzed),
                                          identity: identity, registry: registry)
        #expect(saved.summary == Summary.make(article))
        let loaded = try #require(cache.loadArticle("articles/a.txt", identity: identity, registry: registry))
        #expect(loaded.summary == Summary.make(article))
        #expect(loaded.analyzed?.article.title == "Talks resume")

        let library = Library(articles: [analyzed], registry: Registry(), summaries: ["Kept summary."])
        #expect(library.articles.first?.summary == "Kept summary.")
        #expect(Library(articles: [analyzed], registry: Registry()).articles.first?.summary == Summary.make(article))
    }
}
