import Entities
import Ingest
import Markdown
import Normalize
import ParleyCore
import ParleyTestSupport
import Render
import Testing

/// The normalized Markdown of every sample article renders back to exactly the cleaned text:
/// for each paragraph, the text cmark shows equals the paragraph Parley cleaned, links and all.
@Suite struct RoundTripPropertyTests {
    static func samples() throws -> [String] {
        let fs = DiskFileSystem()
        let seeds = try fs.listFiles(in: RepositoryPaths.inRepository("content/articles")).map { RepositoryPaths.inRepository("content/articles/" + $0) }
        let reuters = try fs.listFiles(in: RepositoryPaths.inShared("corpora/reuters-dev")).filter { $0.hasSuffix(".txt") }
            .map { RepositoryPaths.inShared("corpora/reuters-dev/" + $0) }
        return seeds + reuters
    }

    @Test func everySampleArticleRoundTrips() throws {
        let files = try Self.samples()
        #expect(files.count == 45, "expected 5 seeds and 40 Reuters stories beside the repository")
        let registry = ContentLoader(root: RepositoryPaths.inRepository("content")).loadRegistry().registry
        let normalizer = Normalizer(places: registry.places)
        let recognizer = EntityRecognizer(registry: registry)
        let reader = ContentLoader(root: "")
        var checked = 0
        for file in files {
            let (source, _) = reader.loadArticle(file)
            let analyzed = recognizer.analyze(normalizer.normalize(try #require(source)))
            let markdown = ArticleMarkdown(analyzed) { kind, id in "../../\(kind.rawValue)/\(id)/index.html" }
            let paragraphs = markdown.paragraphs
            #expect(paragraphs.count == analyzed.article.paragraphs.count)
            for (text, paragraph) in zip(paragraphs, analyzed.article.paragraphs) {
                #expect(HTMLText.rendered(text) == paragraph.text, "\(file): paragraph does not round-trip:\n\(text)")
                checked += 1
            }
        }
        #expect(checked > 200)
    }
}
