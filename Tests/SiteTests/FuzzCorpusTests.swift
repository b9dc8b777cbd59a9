import Entities
import Ingest
import Markdown
import Normalize
import ParleyCore
import ParleyTestSupport
import Render
import Testing

/// Replays every input the fuzzer kept (Tests/Fixtures/fuzz/corpus and seeds) through ingest,
/// normalize, entities and Markdown, with the invariants the fuzz target checks, so what the
/// fuzzer once found stays handled.
@Suite struct FuzzCorpusTests {
    @Test func everyKeptInputGoesThroughThePipeline() throws {
        let fs = DiskFileSystem()
        var inputs: [String] = []
        for folder in ["Tests/Fixtures/fuzz/corpus", "Tests/Fixtures/fuzz/seeds"] {
            let root = RepositoryPaths.inRepository(folder)
            inputs += ((try? fs.listFiles(in: root)) ?? []).map { root + "/" + $0 }
        }
        #expect(inputs.count >= 10)
        let registry = ContentLoader(root: RepositoryPaths.inRepository("content")).loadRegistry().registry
        let normalizer = Normalizer(places: registry.places)
        let recognizer = EntityRecognizer(registry: registry)
        for input in inputs {
            let bytes = try fs.readFile(input)
            let isMarkdown = bytes.first == UInt8(ascii: "-")
            let path = isMarkdown ? "articles/fuzz.md" : "articles/fuzz.txt"
            guard let decoded = try? TextDecoder.decode(bytes, file: path) else { continue }
            var source = SourceArticle(path: path, format: isMarkdown ? .markdown : .text, body: decoded.text)
            if isMarkdown {
                guard let parsed = try? FrontMatterParser.parse(decoded.text, file: path) else { continue }
                source = SourceArticle(path: path, format: .markdown, body: parsed.body, bodyStartLine: parsed.bodyStartLine, frontMatter: parsed.frontMatter)
            }
            let analyzed = recognizer.analyze(normalizer.normalize(source))
            let paragraphs = analyzed.article.paragraphs
            for mention in analyzed.mentions {
                #expect(mention.paragraph < paragraphs.count && mention.start < mention.end
                        && mention.end <= paragraphs[mention.paragraph].text.utf8.count, "\(input): mention out of range")
            }
            let markdown = ArticleMarkdown(analyzed) { kind, id in "../../\(kind.rawValue)/\(id)/index.html" }
            if source.format == .text {
                for (text, paragraph) in zip(markdown.paragraphs, paragraphs) {
                    var html = CommonMark.html(text)
                    if html.hasSuffix("\n") { html.removeLast() }
                    #expect(HTMLText.text(html) == paragraph.text, "\(input): does not round-trip")
                }
            }
        }
    }
}
