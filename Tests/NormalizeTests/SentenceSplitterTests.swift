import Testing
@testable import Normalize

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] { SentenceSplitter.split(text).map(\.text) }

    @Test func basicBoundaries() {
        #expect(sentences("He left. She stayed! Why? Nobody knows.") == ["He left.", "She stayed!", "Why?", "Nobody knows."])
        #expect(sentences("“We are ready,” he said. “We give Ukrainians the right.”") ==
                ["“We are ready,” he said.", "“We give Ukrainians the right.”"])
    }

    @Test func abbreviationsDoNotBreak() {
        #expect(sentences("U.S. Senator Sen. Smith met Mr. Jones on Jan. 5 in Washington. Talks ended.").count == 2)
        #expect(sentences("The No. 2 official, J. Smith, spoke at 10 a.m. Monday.").count == 1)
        #expect(sentences("He met Gen. Mattis and Dr. Lee. They talked.").count == 2)
        #expect(sentences("It met on Nov. 8. U.S. officials said so.") == ["It met on Nov. 8.", "U.S. officials said so."])
    }

    @Test func noBreakInsideQuotation() {
        #expect(sentences("“Nobody! Nobody - not you,” Sessions said. Then he left.") ==
                ["“Nobody! Nobody - not you,” Sessions said.", "Then he left."])
    }

    @Test func mendsRunTogetherSentences() {
        #expect(sentences("the spokesman said.The talks ended.") == ["the spokesman said.", "The talks ended."])
        #expect(sentences("officials said.“We will see.”") == ["officials said.", "“We will see.”"])
        // Not sentence ends: addresses, tickers, decimals.
        #expect(sentences("See tmsnrt.rs/2AvwKex and Apple Inc (AAPL.O) at 3.4 percent.").count == 1)
    }

    @Test func doubledStopAndStrayStopStay() {
        #expect(sentences("solutions to conflicts.. On Thursday it met.") == ["solutions to conflicts..", "On Thursday it met."])
        #expect(sentences("the White House spokesman said. .") == ["the White House spokesman said. ."])
    }

    @Test func wideGapIsRecorded() {
        let s = SentenceSplitter.split("Other issues.     “I think so,” he said.")
        #expect(s.count == 2)
        #expect(s[1].wideGapBefore)
        #expect(!s[0].wideGapBefore)
    }
}

@Suite struct ParagraphSplitterTests {
    @Test func shortParagraphKeepsShapeButIsMended() {
        #expect(ParagraphSplitter.paragraphs(from: "He said.The end.") == ["He said. The end."])
    }

    @Test func runOnTextIsRegrouped() {
        let sentence = "The committee met on Tuesday to discuss the budget and the proposals before it."
        let quote = "“We will not accept this,” the senator said."
        let text = Array(repeating: sentence, count: 12).joined(separator: " ") + " " + quote + " " + sentence
        let out = ParagraphSplitter.paragraphs(from: text)
        #expect(out.count >= 5)
        #expect(out.allSatisfy { $0.count <= 1_200 })
        #expect(out.contains(quote))
        #expect(out.joined(separator: " ") == text)
    }

    @Test func wideGapStartsParagraph() {
        let text = "First point here. Second point here.  Third point starts a paragraph."
        let out = ParagraphSplitter.paragraphs(from: text, onlyParagraph: true)
        #expect(out == ["First point here. Second point here. Third point starts a paragraph."]) // short: not regrouped
        let long = String(repeating: "Words fill this sentence to make it long. ", count: 10) + "   New paragraph here."
        let grouped = ParagraphSplitter.paragraphs(from: long, onlyParagraph: true)
        #expect(grouped.last == "New paragraph here.")
    }
}
