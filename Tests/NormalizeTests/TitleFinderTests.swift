import ParleyCore
import Testing
@testable import Normalize

@Suite struct TitleFinderTests {
    func p(_ text: String, single: Bool = true) -> WorkingParagraph { WorkingParagraph(text: text, line: 1, singleLine: single) }

    @Test func headlineShapes() {
        #expect(TitleFinder.isHeadlineShaped(p("US seeks to reinforce Kiev’s positions at talks with Russia — White House")))
        #expect(TitleFinder.isHeadlineShaped(p("Haitians in U.S. malign Trump decision")))
        #expect(TitleFinder.isHeadlineShaped(p("Is this the end of talks?")))
        #expect(!TitleFinder.isHeadlineShaped(p("At the same time, the United States is ready to assist Ukraine.")))
        #expect(!TitleFinder.isHeadlineShaped(p("Headline across two lines", single: false)))
        #expect(!TitleFinder.isHeadlineShaped(p(String(repeating: "word ", count: 25))))
    }

    @Test func derivedTitleIsShortenedAtAWord() throws {
        let lede = "The White House said that a new meeting of the presidents of the United States and Russia is possible only in conditions of “tangible de-escalation”. More text."
        let title = try #require(TitleFinder.derive(fromLede: lede))
        #expect(title.hasSuffix("…"))
        #expect(title.count <= 91)
        #expect(title.hasPrefix("The White House said that a new meeting"))
        #expect(!title.contains("“"))
        let short = try #require(TitleFinder.derive(fromLede: "Talks resumed in Geneva. Officials said more."))
        #expect(short == "Talks resumed in Geneva")
    }
}

@Suite struct DuplicateFilterTests {
    @Test func duplicatedLedeGoes() {
        var paragraphs = [
            WorkingParagraph(text: "At the same time, the United States is ready to assist Ukraine in negotiations with Russia.", line: 1, singleLine: true),
            WorkingParagraph(text: "The White House said a meeting is possible.", line: 3, singleLine: true),
            WorkingParagraph(text: "At the same time, she noted that the United States is ready to assist Ukraine in its negotiations with Russia.", line: 5, singleLine: true),
        ]
        var trace = Trace()
        var diagnostics: [Diagnostic] = []
        DuplicateFilter.filter(&paragraphs, frontZone: 1, path: "a.txt", trace: &trace, diagnostics: &diagnostics)
        #expect(paragraphs.map(\.line) == [3, 5])
        #expect(trace.removals.map(\.kind) == [.duplicate])
        #expect(diagnostics.count == 1)
    }

    @Test func distinctLedeStays() {
        var paragraphs = [
            WorkingParagraph(text: "Russia and Ukraine resumed talks in Istanbul on Tuesday, officials said.", line: 1, singleLine: true),
            WorkingParagraph(text: "The talks in Istanbul lasted three hours, Ukrainian officials said on Tuesday.", line: 3, singleLine: true),
        ]
        var trace = Trace()
        var diagnostics: [Diagnostic] = []
        DuplicateFilter.filter(&paragraphs, frontZone: 1, path: "a.txt", trace: &trace, diagnostics: &diagnostics)
        #expect(paragraphs.count == 2)
        #expect(trace.removals.isEmpty)
    }
}

@Suite struct HeadlineTwiceTests {
    @Test func headlinePrintedTwiceIsRemovedOnce() {
        let body = "Talks resume in Geneva next week\n\nTalks resume in Geneva next week\n\nGENEVA (Reuters) - Delegations will meet on Monday, officials said."
        var trace = Trace()
        let n = Normalizer().normalize(SourceArticle(path: "articles/t.txt", format: .text, body: body), trace: &trace)
        #expect(n.title == "Talks resume in Geneva next week")
        #expect(!n.titleDerived)
        #expect(n.paragraphs.map(\.text) == ["Delegations will meet on Monday, officials said."])
        #expect(n.paragraphs.first?.line == 5)
        #expect(trace.removals.map(\.kind) == [.duplicate, .headline, .dateline])
    }
}

/// A headline with the dateline paragraph right under it, with no blank line between.
@Suite struct HeadlineOverDatelineTests {
    func normalize(_ body: String) -> NormalizedArticle {
        Normalizer().normalize(SourceArticle(path: "articles/h.txt", format: .text, body: body, bodyStartLine: 1))
    }

    @Test func headlineAndDatelineInOneBlock() {
        let n = normalize("Envoy sees no quick deal\nGENEVA, Nov 14 (Reuters) - The envoy said talks would go on.\n\nMore text follows here.")
        #expect(n.title == "Envoy sees no quick deal")
        #expect(!n.titleDerived)
        #expect(n.dateline?.raw.hasPrefix("GENEVA, Nov 14") == true)
        #expect(n.paragraphs.first?.text == "The envoy said talks would go on.")
    }

    @Test func sectionLabelCaptionHeadlineAndDateline() {
        let n = normalize("Politics\nAnna Berg speaks. REUTERS/Tom Field/File Photo\nBerg sees no quick deal\nMOSCOW, March 3. /TASS/. Berg said talks would go on.")
        #expect(n.title == "Berg sees no quick deal")
        #expect(n.dateline?.month == 3 && n.dateline?.day == 3)
        #expect(n.contributors == ["Tom Field"])
    }

    @Test func wrappedProseIsNotSplit() {
        let n = normalize("The envoy said that\nGENEVA, the city of the talks, was ready.")
        #expect(n.paragraphs.count == 1)
    }
}

/// A headline with the story on the next line, no blank line between and no dateline: a line
/// that ends no sentence is otherwise read as wrapped (invented text).
@Suite struct HeadlineOverStoryTests {
    func normalize(_ body: String) -> NormalizedArticle {
        Normalizer().normalize(SourceArticle(path: "articles/h.txt", format: .text, body: body, bodyStartLine: 1))
    }

    static let story = "Asked about the talks, the envoy said the delegations would meet again next week in Vienna, and that a date for the next round would be set by the two foreign ministers once the experts had finished their work."

    @Test func aTitleCaseHeadline() {
        let n = normalize("Envoy To Meet Ministers In Vienna For Talks\nThe envoy said talks would go on.\nMore text follows here.")
        #expect(n.title == "Envoy To Meet Ministers In Vienna For Talks")
        #expect(!n.titleDerived)
        #expect(n.paragraphs.first?.text == "The envoy said talks would go on.")
    }

    @Test func aHeadlineOverALineNoWrappedTextHas() {
        let n = normalize("Envoy to meet ministers in Vienna\n\(Self.story)")
        #expect(n.title == "Envoy to meet ministers in Vienna")
        #expect(n.paragraphs.first?.text == Self.story)
    }

    @Test func wrappedProseStaysOneParagraph() {
        // Short lines of wrapped prose, the first not in Title Case.
        let n = normalize("The envoy said that talks with the ministers\nWould go on in Vienna next week, officials said.")
        #expect(n.titleDerived)
        #expect(n.paragraphs.count == 1)
        // A long line after a line that is not headline-shaped (it ends a sentence with a full stop).
        let m = normalize("The envoy spoke.\n\(Self.story)")
        #expect(m.paragraphs.count == 2)
        #expect(m.titleDerived)
    }
}
