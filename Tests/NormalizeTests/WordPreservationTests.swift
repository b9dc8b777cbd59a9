import ParleyCore
import Testing
@testable import Normalize

/// No word of a source is dropped or changed: the words of the paragraphs plus the words
/// of everything taken out (chrome, captions, duplicates, headline, standfirst, dateline,
/// trailers, story codes: see `Removal.Kind`) are exactly the words of the source, as a
/// multiset. Words are runs of letters and digits, so mending `said.The` into
/// `said. The` keeps them equal while any dropped, added or altered word does not.
@Suite struct WordPreservationTests {
    @Test func allSamplesKeepEveryWord() {
        let samples = Samples.all()
        #expect(samples.count == 45)
        for source in samples {
            let diff = WordCheck.difference(source)
            #expect(diff.missing.isEmpty, "\(source.path): words lost \(diff.missing)")
            #expect(diff.extra.isEmpty, "\(source.path): words added \(diff.extra)")
        }
    }

    @Test func removedChromeIsAccountedAsChrome() throws {
        let source = try #require(Samples.seed(3))
        var trace = Trace()
        _ = Normalizer().normalize(source, trace: &trace)
        #expect(trace.removals.contains { $0.kind == .chrome && $0.text == "Leave a Comment" })
        #expect(trace.removals.contains { $0.kind == .trailer && $0.text.hasPrefix("ABC News") })
    }

    @Test func theCheckCatchesDroppedChangedAndAddedWords() {
        let source = "Talks resumed.\n\nThey met again on Monday."
        let ok = WordCheck.difference(source: source, outputs: ["Talks resumed.", "They met again on Monday."])
        #expect(ok.missing.isEmpty && ok.extra.isEmpty)
        let mended = WordCheck.difference(source: "He said.The end.", outputs: ["He said. The end."])
        #expect(mended.missing.isEmpty && mended.extra.isEmpty)
        let dropped = WordCheck.difference(source: source, outputs: ["Talks resumed.", "They met again."])
        #expect(dropped.missing == ["on": 1, "Monday": 1])
        let changed = WordCheck.difference(source: source, outputs: ["Talks resumed.", "They met again on Tuesday."])
        #expect(changed.missing == ["Monday": 1] && changed.extra == ["Tuesday": 1])
    }
}
