import ParleyCore
import Testing
@testable import Normalize

@Suite struct BoilerplateFilterTests {
    func filter(_ body: String) -> (String, BoilerplateFilter.Result, Trace) {
        var trace = Trace()
        let r = BoilerplateFilter().filter(SourceLines.blocks(body, firstLine: 1), trace: &trace)
        let kept = r.blocks.map { $0.lines.map(\.text).joined(separator: "\n") }.joined(separator: "\n\n")
        return (kept, r, trace)
    }

    @Test func chromeLines() {
        let (kept, _, trace) = filter("All news\n\nThe story starts here.\n\nShare this article\n\nLeave a Comment")
        #expect(kept == "The story starts here.")
        #expect(trace.removals.map(\.kind) == [.chrome, .chrome, .chrome])
    }

    @Test func captionsAndCredits() {
        let body = """
        The lead sentence of the story, printed before the photo, which is long enough to be prose said
        White House press secretary Karine Jean-Pierre AP Photo/Evan Vucci
        White House press secretary Karine Jean-Pierre
        © AP Photo/Evan Vucci
        """
        let (kept, r, _) = filter(body)
        #expect(kept.hasPrefix("The lead sentence"))
        #expect(!kept.contains("Jean-Pierre"))
        #expect(!kept.contains("©"))
        #expect(r.captions == ["White House press secretary Karine Jean-Pierre", "© AP Photo/Evan Vucci"])
        #expect(r.photographers == ["Evan Vucci"])
    }

    @Test func proseMentioningPhotosStays() {
        let body = "The photographer said the photo was taken on Monday.\n\nShare prices rose sharply on Tuesday after the report."
        let (kept, r, _) = filter(body)
        #expect(kept == body)
        #expect(r.captions.isEmpty)
    }
}

/// Wire photo credits in the `AGENCY/Photographer` form, reading-time chrome and section labels.
@Suite struct CaptionAndLabelTests {
    func filter(_ body: String) -> (String, BoilerplateFilter.Result, Trace) {
        var trace = Trace()
        let r = BoilerplateFilter().filter(SourceLines.blocks(body, firstLine: 1), trace: &trace)
        let kept = r.blocks.map { $0.lines.map(\.text).joined(separator: "\n") }.joined(separator: "\n\n")
        return (kept, r, trace)
    }

    @Test func slashCreditWithFilePhoto() {
        let body = "Envoy Anna Berg speaks to reporters. REUTERS/Tom Field/File Photo\nBerg sees no quick deal\n\nThe story starts here."
        let (kept, r, trace) = filter(body)
        #expect(kept == "Berg sees no quick deal\n\nThe story starts here.")
        #expect(r.captions == ["Envoy Anna Berg speaks to reporters.", "REUTERS/Tom Field/File Photo"])
        #expect(r.photographers == ["Tom Field"])
        #expect(trace.removals.map(\.kind) == [.caption])
    }

    @Test func slashCreditAlone() {
        let (kept, r, _) = filter("A delegate arrives at the venue. EPA-EFE/Olga Marsh\n\nThe story starts here.")
        #expect(kept == "The story starts here.")
        #expect(r.photographers == ["Olga Marsh"])
    }

    @Test func slashesInProseOrDatelinesStay() {
        let body = """
        WASHINGTON/KHOBAR, Saudi Arabia (Reuters) - The talks went on.

        The NATO/EU summit was held in Brussels.

        He cited the UN/Geneva Office in a statement issued on Monday, adding that talks would go on.
        """
        let (kept, r, _) = filter(body)
        #expect(kept == body)
        #expect(r.captions.isEmpty)
    }

    @Test func readingTimeAfterChromeLabel() {
        let (kept, _, trace) = filter("Listen to this article · 4 min\nPeace talks resume in Geneva\n\nThe story starts here.")
        #expect(kept == "Peace talks resume in Geneva\n\nThe story starts here.")
        #expect(trace.removals.map(\.kind) == [.chrome])
        #expect(BoilerplateFilter.isChrome("Share | 2 min read"))
        #expect(!BoilerplateFilter.isChrome("Talks · 4 min"))
    }

    @Test func sectionLabelAboveHeadline() {
        for label in ["World", "Politics", "Russia-Ukraine war"] {
            let (kept, _, trace) = filter("\(label)\nEnvoy says talks will resume next week\n\nThe story starts here.")
            #expect(kept == "Envoy says talks will resume next week\n\nThe story starts here.", "\(label)")
            #expect(trace.removals.map(\.kind) == [.chrome])
        }
        // Label, then a captioned photo, then the headline.
        let (kept, _, _) = filter("World\nAnna Berg speaks. © AP Photo/Tom Field\nBerg sees no quick deal\n\nThe story starts here.")
        #expect(kept == "Berg sees no quick deal\n\nThe story starts here.")
    }

    @Test func shortHeadlineIsNotALabel() {
        // A short headline followed by the body, or by a shorter line, stays.
        let body = "Talks stall\n\nThe envoys left Geneva on Monday without a deal."
        #expect(filter(body).0 == body)
        let two = "Ceasefire holds\nFor now\n\nThe story starts here."
        #expect(filter(two).0 == two)
        let sentence = "Talks stall\nThe envoys left Geneva on Monday without a deal."
        #expect(filter(sentence).0 == sentence)
    }
}

extension CaptionAndLabelTests {
    @Test func shortHeadlineOpeningWithAnArticleIsNotALabel() {
        let body = "A second look\n\nEnvoy says talks will resume next week\n\nThe story starts here."
        #expect(filter(body).0 == body)
    }
}
