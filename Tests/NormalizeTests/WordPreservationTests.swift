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

    @Test func theCheckCanFail() {
        // A source whose words do not reappear: the check must notice.
        var trace = Trace()
        let source = SourceArticle(path: "a.txt", format: .text, body: "Talks resumed.\n\nThey met again.")
        let n = Normalizer().normalize(source, trace: &trace)
        var have = TextScanning.bag(TextScanning.words(source.body))
        for w in TextScanning.words(n.paragraphs.dropFirst().map(\.text).joined(separator: " ")) { have[w, default: 0] -= 1 }
        #expect(have.values.contains { $0 > 0 })
    }
}
