import ParleyCore
import Testing
@testable import Normalize

@Suite struct FrontMatterTests {
    @Test func frontMatterWins() {
        let fm = FrontMatter(title: "Editor’s title", date: Day(year: 2022, month: 3, day: 29), source: "ABC News",
                             dateline: "RABAT, Morocco –", contributors: ["Libby Cathey"])
        let body = "MOSCOW (Reuters) - Talks resumed on Tuesday.\n\nMore text follows here."
        let source = SourceArticle(path: "articles/a.md", format: .markdown, body: body, bodyStartLine: 9, frontMatter: fm)
        let n = Normalizer().normalize(source)
        #expect(n.title == "Editor’s title")
        #expect(!n.titleDerived)
        #expect(n.date == .exact(Day(year: 2022, month: 3, day: 29)!, basis: "front matter date"))
        #expect(n.outlet == "ABC News")
        #expect(n.contributors == ["Libby Cathey"])
        #expect(n.dateline?.raw == "RABAT, Morocco –")
        #expect(n.dateline?.places.first == "Rabat")
        #expect(n.paragraphs.first?.line == 9)
    }

    @Test func markdownIsKeptAsWritten() {
        let body = "# A heading title\n\nAll news\n\n- item one\n- item two\n\nShare this article"
        let source = SourceArticle(path: "articles/b.md", format: .markdown, body: body, bodyStartLine: 4)
        let n = Normalizer().normalize(source)
        #expect(n.title == "A heading title")
        #expect(n.paragraphs.map(\.text) == ["All news", "- item one\n- item two", "Share this article"])
        #expect(n.paragraphs.map(\.line) == [6, 8, 11])
    }

    @Test func plainTextWithoutHeadlineDerivesTitle() {
        let source = SourceArticle(path: "articles/c.txt", format: .text,
                                   body: "Talks resumed in Geneva on Monday. Officials were hopeful.\n\nThey met again.")
        let n = Normalizer().normalize(source)
        #expect(n.title == "Talks resumed in Geneva on Monday")
        #expect(n.titleDerived)
        #expect(n.paragraphs.count == 2)
        #expect(n.diagnostics.allSatisfy { $0.step == "normalize" })
    }
}
