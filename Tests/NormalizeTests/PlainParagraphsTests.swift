import Testing
@testable import Normalize

/// The paragraph splitter's shortcut for plainly spaced text must give what the full sentence
/// split gives.
@Suite struct PlainParagraphsTests {
    static let tricky = [
        "", " ", "  ", "a", ".", "He said.", " He said. ", "He said.The end.", "officials said.“We will see.”",
        "officials said.(The talks) ended.", "said.Élan followed.", "café.Élan", "said.“", "said.(", "said.",
        "U.S. officials met at 10 a.m. Monday.", "See tmsnrt.rs/2AvwKex and Apple Inc (AAPL.O) at 3.4 percent.",
        "www.example.com/News. Then.", "solutions to conflicts.. On Thursday it met.", "the spokesman said. .",
        "Other issues.     “I think so,” he said.", "two  spaces", "tab\there", "line\nbreak", "no\u{00A0}break",
        "thin\u{2009}space", "“Nobody! Nobody - not you,” Sessions said. Then he left.", "Why?Because.", "stop!Go",
        "ends with closers.”) And more", "ends.”Then", "Mevlüt Çavuşoğlu said.Çavuşoğlu left.", "ä.Ö", "x.\u{301}",
        "said…Then", "said?!Then", "ﬁ.Then", "Сергей сказал.Лавров",
    ]

    static func reference(_ text: String, onlyParagraph: Bool) -> [String] {
        ParagraphSplitter.paragraphsBySplitting(text, onlyParagraph: onlyParagraph)
    }

    @Test func shortcutAgreesWithTheSplitOnTrickyText() {
        for text in Self.tricky {
            if let joined = SentenceSplitter.joinedWithoutSplitting(text) {
                #expect(joined == SentenceSplitter.split(text).map(\.text).joined(separator: " "), "\(text)")
            }
            for only in [false, true] {
                #expect(ParagraphSplitter.paragraphs(from: text, onlyParagraph: only) == Self.reference(text, onlyParagraph: only), "\(text)")
            }
        }
    }

    @Test func shortcutIsTakenForPlainProse() {
        #expect(SentenceSplitter.joinedWithoutSplitting("He met Gen. Mattis and Dr. Lee. They talked “briefly”.") ==
                "He met Gen. Mattis and Dr. Lee. They talked “briefly”.")
        #expect(SentenceSplitter.joinedWithoutSplitting("the spokesman said.The talks ended.") == nil)
        #expect(SentenceSplitter.joinedWithoutSplitting("two  spaces") == nil)
    }

    @Test func shortcutAgreesWithTheSplitOnSampleArticles() {
        var lines: [String] = []
        for name in Samples.seedNames { if let text = Samples.read("seeds/\(name)") { lines += text.split(separator: "\n").map(String.init) } }
        for name in Samples.reutersNames { if let a = Samples.reuters(name) { lines += a.body.split(separator: "\n").map(String.init) } }
        #expect(lines.count > 100)
        // Whole lines, long joined runs of them (run-on text) and prefixes of every length class.
        var texts = lines
        texts.append(lines.joined(separator: " "))
        for k in stride(from: 0, to: lines.count, by: 7) { texts.append(lines[k..<min(lines.count, k + 5)].joined(separator: " ")) }
        for text in texts {
            for only in [false, true] {
                #expect(ParagraphSplitter.paragraphs(from: text, onlyParagraph: only) == Self.reference(text, onlyParagraph: only), "\(text)")
            }
        }
    }
}
