import Markdown
import ParleyCore
import ParleyTestSupport
import Render
import Testing

@Suite struct ArticleMarkdownTests {
    let lavrov = Person(name: "Sergei Lavrov", aliases: ["Sergey Lavrov"], country: "Russia")
    let talks = Event(id: "istanbul-talks-2022", name: "Istanbul talks", start: Day(iso: "2022-03-29"))

    func analyzed() -> AnalyzedArticle {
        let paragraphs = [
            Paragraph("Foreign Minister Sergei Lavrov said *nothing* about the talks in Istanbul."),
            Paragraph("Lavrov repeated it. [Lavrov] spoke again."),
        ]
        let source = SourceArticle(path: "articles/a.txt", format: .text, body: "")
        var article = NormalizedArticle(source: source, title: "Lavrov: “no”", paragraphs: paragraphs)
        article.date = .inferred(Day(iso: "2022-03-30")!, basis: "events")
        article.outlet = "TASS"
        func mention(_ kind: EntityKind, _ id: String, _ p: Int, _ text: String, occurrence: Int = 0) -> Mention {
            let bytes = Array(paragraphs[p].text.utf8)
            let needle = Array(text.utf8)
            var found = -1, seen = 0
            for i in 0...(bytes.count - needle.count) where bytes[i..<(i + needle.count)].elementsEqual(needle) {
                if seen == occurrence { found = i; break }
                seen += 1
            }
            return Mention(kind: kind, entity: id, paragraph: p, start: found, end: found + needle.count)
        }
        return AnalyzedArticle(
            article: article,
            people: [PersonInArticle(person: lavrov, mentions: 3, roles: ["Foreign Minister"])],
            events: [talks],
            mentions: [
                mention(.person, lavrov.id, 0, "Sergei Lavrov"),
                mention(.event, talks.id, 0, "talks in Istanbul"),
                mention(.person, lavrov.id, 1, "Lavrov"),
                mention(.person, lavrov.id, 1, "Lavrov", occurrence: 1),
            ],
            quotes: [Quote(speaker: lavrov.id, text: "no \"deal\"", paragraph: 1)]
        )
    }

    let linker: ArticleMarkdown.Linker = { kind, id in
        kind == .person ? "../../people/\(id)/index.html" : kind == .event ? "../../events/\(id)/index.html" : nil
    }

    @Test func linksOnlyTheFirstMentionOfEachEntity() {
        let paragraphs = ArticleMarkdown(analyzed(), linker: linker).paragraphs
        #expect(paragraphs[0] == "Foreign Minister [Sergei Lavrov](<../../people/sergei-lavrov/index.html>) said \\*nothing\\* about the [talks in Istanbul](<../../events/istanbul-talks-2022/index.html>).")
        #expect(paragraphs[1] == "Lavrov repeated it. \\[Lavrov\\] spoke again.")
    }

    @Test func renderedTextEqualsTheSourceText() {
        let article = analyzed()
        for (markdown, paragraph) in zip(ArticleMarkdown(article, linker: linker).paragraphs, article.article.paragraphs) {
            #expect(HTMLText.rendered(markdown) == paragraph.text)
        }
    }

    @Test func frontMatterHoldsWhatWasFound() {
        let document = ArticleMarkdown(analyzed(), linker: linker).document
        #expect(document.hasPrefix("---\ntitle: \"Lavrov: “no”\"\ndate: \"2022-03-30\"\ndate_status: \"inferred\"\nsource: \"TASS\"\n"))
        #expect(document.contains("people:\n  - \"Sergei Lavrov\"\n"))
        #expect(document.contains("events:\n  - \"Istanbul talks\"\n"))
        #expect(document.contains("quotes:\n  - speaker: \"Sergei Lavrov\"\n    text: \"no \\\"deal\\\"\"\n"))
        #expect(document.contains("original: \"articles/a.txt\"\n---\n\nForeign Minister"))
    }

    @Test func editorMarkdownIsNotEscapedAndExistingLinksAreLeftAlone() {
        var article = analyzed()
        article.article.source.format = .markdown
        article.article.paragraphs[0] = Paragraph("See [Sergei Lavrov](https://example.org) — Sergei Lavrov *said*.")
        let text = article.article.paragraphs[0].text
        let bytes = Array(text.utf8)
        let name = Array("Sergei Lavrov".utf8)
        let starts = (0...(bytes.count - name.count)).filter { bytes[$0..<($0 + name.count)].elementsEqual(name) }
        article.mentions = starts.map { Mention(kind: .person, entity: "sergei-lavrov", paragraph: 0, start: $0, end: $0 + name.count) }
        let paragraphs = ArticleMarkdown(article, linker: linker).paragraphs
        #expect(paragraphs[0] == "See [Sergei Lavrov](https://example.org) — [Sergei Lavrov](<../../people/sergei-lavrov/index.html>) *said*.")
    }

    @Test func yamlStringsAreQuotedAndEscaped() {
        #expect(YAMLWriter.quote("yes") == "\"yes\"")
        #expect(YAMLWriter.quote("a \"b\" \\ c\nd") == "\"a \\\"b\\\" \\\\ c\\nd\"")
        #expect(YAMLWriter.quote("\u{1}") == "\"\\u0001\"")
    }
}
