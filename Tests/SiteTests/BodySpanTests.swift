import ParleyCore
@testable import Site
import Testing

/// Where an article's body stands in its page, and the page with another body in its place.
struct BodySpanTests {
    let page = Array("<html><main><p>Old body.</p></main><footer>x</footer></html>".utf8)

    @Test func theBodyIsFoundWhereItStandsOnce() throws {
        let span = try #require(BodySpan.find(Array("<p>Old body.</p>".utf8), in: page))
        #expect(span.offset == 12)
        #expect(span.length == 16)
        let replaced = try #require(span.replaced(in: page, by: Array("<p>New, longer body.</p>".utf8)))
        #expect(String(decoding: replaced, as: UTF8.self) == "<html><main><p>New, longer body.</p></main><footer>x</footer></html>")
    }

    @Test func aBodyTwiceOrNotThereHasNoSpan() {
        let twice = Array("<p>A</p><p>A</p>".utf8)
        #expect(BodySpan.find(Array("<p>A</p>".utf8), in: twice) == nil)
        #expect(BodySpan.find(Array("<p>B</p>".utf8), in: twice) == nil)
        #expect(BodySpan.find([], in: twice) == nil)
        // Overlapping occurrences count too.
        #expect(BodySpan.find(Array("aa".utf8), in: Array("aaa".utf8)) == nil)
        #expect(BodySpan.position(of: Array("ab".utf8), in: Array("aab".utf8), from: 0) == 1)
    }

    @Test func aPageThatChangedSinceIsNotWrittenInto() throws {
        let span = try #require(BodySpan.find(Array("<p>Old body.</p>".utf8), in: page))
        var changed = page
        changed[15] = UInt8(ascii: "X")
        #expect(span.replaced(in: changed, by: Array("<p>New</p>".utf8)) == nil)
        #expect(span.replaced(in: Array(page.prefix(20)), by: Array("<p>New</p>".utf8)) == nil)
        #expect(span.replaced(in: page, by: []) == nil)
    }
}

/// Which page a broken link of the last build points at: a build that makes that page again
/// goes the whole way (the link may be mended), and only then.
struct BrokenLinkTargetTests {
    @Test func aBrokenLinkPointsAtItsOwnTargetOnly() {
        let missing = LinkChecker.BrokenLink(page: "articles/a/index.html", target: "../../index.html", reason: "no such file index.html").diagnostic
        let anchor = LinkChecker.BrokenLink(page: "articles/a/index.html", target: "../../people/x/index.html#p3",
                                            reason: LinkChecker.noAnchor("p3", "people/x/index.html")).diagnostic
        #expect(BodyEdits.isBrokenLink(missing, to: "index.html"))
        #expect(!BodyEdits.isBrokenLink(missing, to: "people/x/index.html"))
        #expect(BodyEdits.isBrokenLink(anchor, to: "people/x/index.html"))
        #expect(!BodyEdits.isBrokenLink(anchor, to: "index.html"), "the home page is not every page ending in index.html")
        #expect(!BodyEdits.isBrokenLink(anchor, to: "x/index.html"))
        let other = Diagnostic(.warning, step: "entities", file: "articles/a.txt", "no element with id 'p3' in index.html")
        #expect(!BodyEdits.isBrokenLink(other, to: "index.html"))
    }
}
