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
            let path = bytes.first == UInt8(ascii: "-") ? "articles/fuzz.md" : "articles/fuzz.txt"
            guard let source = ContentLoader(root: "", fileSystem: MemoryFileSystem(bytes: [path: bytes])).loadArticle(path).0 else { continue }
            let analyzed = recognizer.analyze(normalizer.normalize(source))
            let paragraphs = analyzed.article.paragraphs
            for mention in analyzed.mentions {
                #expect(mention.paragraph < paragraphs.count && mention.start < mention.end
                        && mention.end <= paragraphs[mention.paragraph].text.utf8.count, "\(input): mention out of range")
            }
            let markdown = ArticleMarkdown(analyzed) { kind, id in "../../\(kind.rawValue)/\(id)/index.html" }
            if source.format == .text {
                for (text, paragraph) in zip(markdown.paragraphs, paragraphs) {
                    #expect(HTMLText.rendered(text) == paragraph.text, "\(input): does not round-trip")
                }
            }
        }
    }
}
