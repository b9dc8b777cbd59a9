import ParleyCore
import Testing

@Suite struct CompactionTests {
    @Test func compactedKeepsTheElementsInExactStorage() {
        var numbers: [Int] = []
        for i in 0..<1000 { numbers.append(i) }
        numbers.removeLast(400)
        let compact = numbers.compacted()
        #expect(compact == numbers)
        #expect(compact.capacity < numbers.capacity)
        #expect([String]().compacted().isEmpty)
    }

    @Test func anArticleForTheLibraryDropsTheRawTextAndKeepsTheRest() {
        let source = SourceArticle(path: "articles/a.txt", format: .text, body: "Raw text.\n\nSecond.")
        var mentions: [Mention] = []
        for i in 0..<33 { mentions.append(Mention(kind: .place, entity: "Kyiv", paragraph: 1, start: i, end: i + 4)) }
        let article = AnalyzedArticle(article: NormalizedArticle(source: source, title: "A", paragraphs: [Paragraph("Raw text."), Paragraph("Second.")]),
                                      places: ["Kyiv"], mentions: mentions)
        let compact = article.compactedForLibrary()
        #expect(compact.article.source.body.isEmpty)
        #expect(compact.article.source.path == "articles/a.txt")
        #expect(compact.article.paragraphs == article.article.paragraphs)
        #expect(compact.mentions == article.mentions)
        #expect(compact.mentions.capacity == 33)
    }

    /// An analysis read back from the build cache is kept as long as a fresh one, so its arrays
    /// are read into exactly their room too (appending 33 mentions one by one leaves room for 64).
    @Test func anArticleReadFromTheCacheHasNoSpareRoom() throws {
        let registry = RegistryIndex(Registry())
        let source = SourceArticle(path: "articles/a.txt", format: .text, body: "")
        let paragraphs = (0..<33).map { Paragraph("Paragraph \($0) in Kyiv.") }
        let mentions = (0..<33).map { Mention(kind: .place, entity: "Kyiv", paragraph: $0, start: 13, end: 17) }
        let quotes = (0..<33).map { Quote(speaker: "someone", text: "Words \($0).", paragraph: $0) }
        let article = AnalyzedArticle(article: NormalizedArticle(source: source, title: "A", paragraphs: paragraphs),
                                      places: (0..<33).map { "Place \($0)" }, mentions: mentions, quotes: quotes)
        var writer = ByteWriter()
        writer.write(article, registry: registry)
        var reader = ByteReader(writer.bytes)
        let read = try reader.readAnalyzedArticle(registry: registry)
        #expect(read == article)
        #expect(read.article.paragraphs.capacity < 40)
        #expect(read.mentions.capacity < 40)
        #expect(read.quotes.capacity < 40)
        #expect(read.places.capacity < 40)
    }
}
