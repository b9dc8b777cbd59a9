import ParleyCore
import Testing
@testable import Normalize

@Suite struct TrailerParserTests {
    func run(_ texts: [String]) -> ([String], TrailerParser.Result) {
        var paragraphs = texts.enumerated().map { WorkingParagraph(text: $1, line: $0 + 1, singleLine: true) }
        var trace = Trace()
        let r = TrailerParser().parse(&paragraphs, trace: &trace)
        return (paragraphs.map(\.text), r)
    }

    @Test func reportingCredits() {
        let (body, r) = run(["The talks ended. (Reporting by Jane Roe in Moscow; Additional reporting by Max Poe and Ann Lee; Writing by Tim Doe; Editing by Sue Kay)"])
        #expect(body == ["The talks ended."])
        #expect(r.contributors == ["Jane Roe", "Max Poe", "Ann Lee", "Tim Doe", "Sue Kay"])
    }

    @Test func refileAndCorrectionNotes() {
        let (body, r) = run(["Zeid spoke. (Refiles to add dropped full name of official)"])
        #expect(body == ["Zeid spoke."])
        #expect(r.corrections == ["(Refiles to add dropped full name of official)"])
        let (body2, r2) = run(["CNN reported. (This story has been refiled to fix a typo)", ""])
        #expect(body2 == ["CNN reported."])
        #expect(r2.corrections.count == 1)
    }

    @Test func storyCodesAnywhere() {
        let (body, r) = run(["Markets fell. [nL8N1N86I0]", "Oil rose [ID:nL1N1ND0EQ] on Monday."])
        #expect(body == ["Markets fell.", "Oil rose on Monday."])
        #expect(r.storyCodes == ["nL8N1N86I0", "nL1N1ND0EQ"])
    }

    @Test func contributionLine() {
        let (body, r) = run(["A spokesman said so.", "ABC News’ Libby Cath contributed to this report."])
        #expect(body == ["A spokesman said so."])
        #expect(r.contributors == ["Libby Cath"])
        #expect(r.outlet == "ABC News")
    }

    @Test func ordinaryEndingsStay() {
        let (body, r) = run(["He said the plan (announced on Monday) was final.", "Talks continue (in Geneva)"])
        #expect(body == ["He said the plan (announced on Monday) was final.", "Talks continue (in Geneva)"])
        #expect(r.contributors.isEmpty && r.corrections.isEmpty)
    }

    @Test func notesAreRecognised() {
        #expect(EditorialNotes.isNote("Corrects paragraph 7 to show a warning"))
        #expect(EditorialNotes.isNote("In Dec. 25 story, in second paragraph, corrects name of employer"))
        #expect(EditorialNotes.isNote("This version of the story corrects a typo"))
        #expect(!EditorialNotes.isNote("Reuters"))
        #expect(!EditorialNotes.isNote("to"))
        #expect(Credits.isCredit("Reporting by X; Editing by Y"))
        #expect(!Credits.isCredit("announced by the ministry"))
    }
}
