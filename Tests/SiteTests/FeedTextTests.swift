import Foundation
import ParleyCore
import Render
@testable import Site
import Testing

/// The pieces feeds are written with: XML and JSON escaping, dates, absolute links.
@Suite struct FeedTextTests {
    @Test func xmlTextEscapesMarkupAndDropsWhatXMLForbids() {
        #expect(XMLText.text("a<b>&]]>\u{1}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF}\t\n\r é") == "a&lt;b&gt;&amp;]]&gt;\t\n&#13; é")
        #expect(XMLText.attribute("\"x\" 'y'\t\n<&>") == "&quot;x&quot; 'y'&#9;&#10;&lt;&amp;&gt;")
        #expect(XMLText.element("title", "A & B") == "<title>A &amp; B</title>")
    }

    @Test func jsonStringsCannotCloseAScriptElement() throws {
        let hostile = "</script><!-- \"q\" \\ & > \u{2028}\u{2029}\u{1}\n\té"
        let value = JSONValue.members([("text", .string(hostile)), ("n", .int(-3)), ("ok", .bool(true)), ("none", nil), ("nil", .null)])
        let compact = value.compact
        #expect(compact == #"{"text":"\u003c/script\u003e\u003c!-- \"q\" \\ \u0026 \u003e \u2028\u2029\u0001\n\té","n":-3,"ok":true,"nil":null}"#)
        for text in [compact, value.pretty] {
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(parsed["text"] as? String == hostile)
            #expect(parsed["n"] as? Int == -3)
            #expect(parsed["none"] == nil)
        }
        #expect(JSONValue.object([("a", .array([])), ("b", .object([]))]).pretty == "{\n  \"a\": [],\n  \"b\": {}\n}\n")
    }

    @Test func feedDatesAreMidnightUTC() throws {
        let day = try #require(Day(year: 2022, month: 3, day: 29))
        #expect(day.rfc3339 == "2022-03-29T00:00:00Z")
        #expect(day.rfc822 == "Tue, 29 Mar 2022 00:00:00 +0000")
        #expect(try #require(Day(year: 987, month: 12, day: 5)).rfc822 == "Wed, 05 Dec 0987 00:00:00 +0000")
    }

    @Test func aJSONFeedItemWithoutABodyHasItsSummaryAsText() throws {
        let entry = Feed.Entry(title: "T", url: "https://x.org/a/", day: nil, summary: "Short.", contentHTML: nil, authors: [], categories: [])
        let feed = Feed(title: "F", description: "", pageURL: "https://x.org/", language: "en", author: "F", entries: [entry])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONFeed.document(feed, selfURL: "https://x.org/feed.json").utf8)) as? [String: Any])
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(item["content_text"] as? String == "Short.")
        #expect(item["content_html"] == nil)
        #expect(item["date_published"] == nil)
        #expect(json["description"] == nil)
    }

    /// RFC 3986, section 5.4: the normal and abnormal examples.
    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"),
        ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
    ])
    func referencesResolveAsRFC3986Says(reference: String, expected: String) {
        #expect(AbsoluteLinks.resolve(reference: reference, against: "http://a/b/c/d;p?q") == expected)
    }

    @Test func linksOfRenderedHTMLBecomeAbsolute() {
        let markdown = #"[x](../../people/x/index.html "a href=\"y\"") ![p](pic.png) <https://other.org/> [p](#p2) href="not a link" src='no'"#
        let html = CommonMark.html(markdown)
        #expect(AbsoluteLinks.resolve(html, against: "https://ex.org/d/articles/s/") ==
            ##"<p><a href="https://ex.org/d/people/x/index.html" title="a href=&quot;y&quot;">x</a> <img src="https://ex.org/d/articles/s/pic.png" alt="p" /> <a href="https://other.org/">https://other.org/</a> <a href="https://ex.org/d/articles/s/#p2">p</a> href=&quot;not a link&quot; src='no'</p>"## + "\n")
    }

    /// The links of long bodies are found in one pass (each link used to search the whole rest
    /// of the body for `src`), and what comes out is what the search by text gave: checked
    /// against it on random fragments of links, images, near misses and text in several scripts.
    @Test(arguments: 1...100)
    func linksAreFoundAsTheSearchByTextFoundThem(seed: Int) {
        func bySearch(_ html: String, against base: String) -> String {
            var out = ""
            var rest = Substring(html)
            while let valueStart = [rest.firstRange(of: " href=\""), rest.firstRange(of: " src=\"")].compactMap({ $0?.upperBound }).min() {
                out += rest[..<valueStart]
                let valueEnd = rest[valueStart...].firstIndex(of: "\"") ?? rest.endIndex
                out += AbsoluteLinks.resolve(reference: String(rest[valueStart..<valueEnd]), against: base)
                rest = rest[valueEnd...]
            }
            return out + rest
        }
        var numbers = SortedWindowsTests.Numbers(state: UInt64(seed))
        let pieces = [#"<a href="../../people/x/index.html">"#, #"<img src="pic.png" alt="p" />"#, #" href=""#, #" src=""#,
                      ##"<a href="#p2">"##, #"href="no space""#, #" hreff="x""#, "Переговоры в Стамбуле ", "“Quoted,” he said. ",
                      "a=b ", #"<a href="https://other.org/">"#, "</a>", "\n", #"<a href="?q=1">"#, #" src="/abs/path""#]
        var html = ""
        for _ in 0..<numbers.next(40) { html += pieces[numbers.next(pieces.count)] }
        #expect(AbsoluteLinks.resolve(html, against: "https://ex.org/d/articles/s/") == bySearch(html, against: "https://ex.org/d/articles/s/"))
    }
}
