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
}
