import Entities
import ParleyCore
import Testing

@Suite struct QuoteTests {
    let recognizer = EntityRecognizer(registry: smallRegistry)

    func quotes(_ r: AnalyzedArticle) -> [String] { r.quotes.map { "\($0.speaker): \($0.text)" } }

    @Test func patterns() {
        let r = recognizer.analyze(article([
            "“We are ready,” Bedingfield said. “We will help.”",
            "She added that Russia showed “sincere commitment” to talks.",
            "“We believe it,” the White House spokeswoman stressed.",
            "Jane Roe said: “It is over.”",
            "“Nothing changed” – Kate Bedingfield.",
            "A spokesman for Sergei Lavrov said, “The minister is busy.”",
            "The Kremlin said, “No comment.”",
            "\"Straight quotes work,\" Dmitry Peskov told reporters.",
        ]))
        let q = quotes(r)
        #expect(q.contains("kate-bedingfield: We are ready,"))
        #expect(q.contains("kate-bedingfield: We will help."))
        #expect(q.contains("jane-roe: It is over."))
        #expect(q.contains("kate-bedingfield: Nothing changed"))
        #expect(q.contains("kate-bedingfield: sincere commitment"))
        #expect(q.contains("kate-bedingfield: We believe it,"))
        #expect(q.contains("dmitry-peskov: Straight quotes work,"))
        #expect(!q.contains { $0.contains("The minister is busy") })
        #expect(!q.contains { $0.contains("No comment") })
    }

    @Test func quoteContinuedInNextParagraph() {
        let r = recognizer.analyze(article([
            "Karine Jean-Pierre said: “We will continue to support Ukraine.",
            "“That has not changed.”",
        ]))
        #expect(r.quotes.map(\.speaker) == ["karine-jean-pierre", "karine-jean-pierre"])
        #expect(r.quotes[1].paragraph == 1)
    }
}
