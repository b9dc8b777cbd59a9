import Testing
import ParleyCore
@testable import Normalize

@Suite struct RepeatKeyTests {
    /// Texts of every length around the eight-byte steps of the key, and texts that differ in
    /// one byte only, at the start, in the middle and in the tail.
    static let texts: [String] = {
        let base = "Officials said the talks in Gomel would continue next week, with Çavuşoğlu."
        var out = (0...base.utf8.count).map { String(decoding: Array(base.utf8).prefix($0), as: UTF8.self) }
        out += ["officials said the talks in Gomel would continue next week", "Officials said the talks in Gomel would continue next weeK"]
        return out.filter { !$0.isEmpty }
    }()

    @Test func equalTextsHaveEqualKeys() {
        for text in Self.texts {
            let copy = String(decoding: Array(text.utf8), as: UTF8.self)
            #expect(DuplicateFilter.repeatKey(text) == DuplicateFilter.repeatKey(copy))
            #expect(DuplicateFilter.repeatKey(text) == DuplicateFilter.repeatKey(String(text[...])))
        }
        // Distinct texts: a key is only a bucket, but this many collisions would mean a broken mix.
        #expect(Set(Self.texts.map(DuplicateFilter.repeatKey)).count == Set(Self.texts).count)
    }

    @Test func exactRepeatsGoAndOnlyThey() {
        for text in Self.texts where !TextScanning.hasAtMost(3, wordsIn: text) {
            var paragraphs = [text, "A different paragraph of several words.", text, text + " And more."]
                .enumerated().map { WorkingParagraph(text: $1, line: $0 + 1, singleLine: true) }
            var trace = Trace()
            var diagnostics: [Diagnostic] = []
            DuplicateFilter.filter(&paragraphs, frontZone: 0, path: "a.txt", trace: &trace, diagnostics: &diagnostics)
            #expect(paragraphs.map(\.line) == [1, 2, 4], "\(text)")
        }
    }
}
