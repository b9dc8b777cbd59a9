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
