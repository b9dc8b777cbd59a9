import ParleyCore
import Testing
@testable import Normalize

@Suite struct MixedScriptDetectorTests {
    @Test func latinWithBengali() throws {
        let findings = MixedScriptDetector.findings(in: "Turkish Foreign Minister Mevl\u{09C1}\u{09A4}t Cavusoglu said")
        let f = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(f.word == "Mevl\u{09C1}\u{09A4}t")
        #expect(f.scripts == [.latin, .bengali])
        #expect(f.column == 26)
    }

    @Test func cleanWordsPass() {
        #expect(MixedScriptDetector.findings(in: "Mevlüt Çavuşoğlu met Сергей Лавров in Zürich, 2022.").isEmpty)
        #expect(MixedScriptDetector.findings(in: "Kyiv’s “tangible de-escalation”").isEmpty)
    }

    @Test func latinWithCyrillicHomoglyph() {
        // A Cyrillic "а" inside a Latin word.
        let findings = MixedScriptDetector.findings(in: "Moscow and Kyiv t\u{0430}lks")
        #expect(findings.map(\.word) == ["t\u{0430}lks"])
        #expect(findings.first?.scripts == [.latin, .cyrillic])
    }

    @Test func diagnosticNamesWordScriptsAndLine() throws {
        let source = SourceArticle(path: "articles/x.txt", format: .text, body: "Headline\n\nMevl\u{09C1}\u{09A4}t spoke.", bodyStartLine: 1)
        let d = try #require(Normalizer().normalize(source).diagnostics.first { $0.severity == .warning })
        #expect(d.step == "normalize")
        #expect(d.file == "articles/x.txt")
        #expect(d.line == 3)
        #expect(d.message.contains("Mevl\u{09C1}\u{09A4}t"))
        #expect(d.message.contains("Latin") && d.message.contains("Bengali"))
        #expect(d.message.contains("column 1"))
    }
}
