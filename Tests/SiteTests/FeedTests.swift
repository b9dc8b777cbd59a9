import Foundation
import ParleyTestSupport
import ParleyCore
import Site
import Testing

/// The Atom, RSS and JSON feeds of a built site: well-formed, the right entries in the right
/// order, absolute URLs from the base URL, hostile text escaped.
@Suite struct FeedTests {
    static let fixture: BuildResult = SiteBuilder(options: BuildOptions(
        contentDirectory: RepositoryPaths.inRepository("Tests/Fixtures/sites/basic/content"),
        templatesDirectory: RepositoryPaths.inRepository("templates"))).build()

    static let base = "https://example.org/fixture/"
    /// The fixture's articles, newest first, the undated one last.
    static let order = [
        "articles/editors-note-what-antalya-meant/",
        "articles/foreign-ministers-meet-in-antalya/",
        "articles/ministers-may-meet-again/",
    ]

    static func file(_ result: BuildResult, _ path: String) throws -> String {
        try #require(result.files.first { $0.path == path }, "no \(path)").text
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func atomFeedHoldsEveryArticleNewestFirst() throws {
        let feed = try XMLTree(try Self.file(Self.fixture, "feed.xml")).root
        #expect(feed.name == "feed")
        #expect(feed.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(feed.text(of: "id") == Self.base + "feed.xml")
        #expect(feed.text(of: "updated") == "2022-03-11T00:00:00Z")
        #expect(feed.all("link").map { $0.attributes["href"] } == [Self.base + "feed.xml", Self.base])
        let entries = feed.all("entry")
        #expect(entries.map { $0.text(of: "id") } == Self.order.map { Self.base + $0 })
        #expect(entries.map { $0.first("link")?.attributes["href"] } == Self.order.map { Self.base + $0 })
        #expect(entries.map { $0.text(of: "published") } == ["2022-03-11T00:00:00Z", "2022-03-10T00:00:00Z", nil])
        // An undated article has no published date; Atom requires `updated`: the feed's.
        #expect(entries.map { $0.text(of: "updated") } == ["2022-03-11T00:00:00Z", "2022-03-10T00:00:00Z", "2022-03-11T00:00:00Z"])
        let antalya = entries[1]
        #expect(antalya.text(of: "title") == "Foreign ministers meet in Antalya")
        #expect(antalya.first("author")?.text(of: "name") == "TASS")
        #expect(antalya.all("category").map { $0.attributes["term"] } == ["sergei-lavrov", "dmytro-kuleba", "mevlut-cavusoglu", "antalya-meeting-2022"])
        #expect(antalya.all("category").first?.attributes["label"] == "Sergei Lavrov")
        #expect(antalya.text(of: "summary")?.hasPrefix("Russian Foreign Minister Sergey Lavrov") == true)
        let content = try #require(antalya.first("content"))
        #expect(content.attributes["type"] == "html")
        #expect(content.text.contains(#"<a href="\#(Self.base)people/sergei-lavrov/index.html">Sergey Lavrov</a>"#))
        #expect(!content.text.contains("../"))
    }

    @Test func rssFeedHoldsEveryArticleNewestFirst() throws {
        let rss = try XMLTree(try Self.file(Self.fixture, "rss.xml")).root
        #expect(rss.name == "rss")
        #expect(rss.attributes["version"] == "2.0")
        let channel = try #require(rss.first("channel"))
        #expect(channel.text(of: "link") == Self.base)
        #expect(channel.text(of: "lastBuildDate") == "Fri, 11 Mar 2022 00:00:00 +0000")
        #expect(channel.first("atom:link")?.attributes["href"] == Self.base + "rss.xml")
        let items = channel.all("item")
        #expect(items.map { $0.text(of: "guid") } == Self.order.map { Self.base + $0 })
        #expect(items.map { $0.text(of: "link") } == Self.order.map { Self.base + $0 })
        #expect(items.map { $0.text(of: "pubDate") } == ["Fri, 11 Mar 2022 00:00:00 +0000", "Thu, 10 Mar 2022 00:00:00 +0000", nil])
        #expect(items[0].text(of: "dc:creator") == "Fixture Desk")
        #expect(items[1].all("category").map(\.text) == ["Sergei Lavrov", "Dmytro Kuleba", "Mevlüt Çavuşoğlu", "Antalya meeting of foreign ministers"])
        #expect(items[1].text(of: "content:encoded")?.contains("href=\"\(Self.base)events/antalya-meeting-2022/index.html\"") == true)
    }

    @Test func jsonFeedIsVersionOnePointOne() throws {
        let feed = try Self.json(try Self.file(Self.fixture, "feed.json"))
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["home_page_url"] as? String == Self.base)
        #expect(feed["feed_url"] as? String == Self.base + "feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == Self.order.map { Self.base + $0 })
        #expect(items.map { $0["date_published"] as? String } == ["2022-03-11T00:00:00Z", "2022-03-10T00:00:00Z", nil])
        #expect(items[1]["tags"] as? [String] == ["Sergei Lavrov", "Dmytro Kuleba", "Mevlüt Çavuşoğlu", "Antalya meeting of foreign ministers"])
        #expect((items[1]["content_html"] as? String)?.contains("\(Self.base)people/dmytro-kuleba/index.html") == true)
    }

    @Test func everyPersonAndEventHasAnAtomFeedOfTheirArticles() throws {
        let library = try #require(Self.fixture.library)
        for person in library.people {
            let path = "people/\(person.person.id)/feed.xml"
            let feed = try XMLTree(try Self.file(Self.fixture, path)).root
            #expect(feed.text(of: "id") == Self.base + path)
            #expect(feed.text(of: "title") == "\(person.person.name) — Fixture Digest")
            #expect(feed.all("entry").map { $0.text(of: "id") } == person.articles.map { Self.base + library.articles[$0].folder })
        }
        let kuleba = try XMLTree(try Self.file(Self.fixture, "people/dmytro-kuleba/feed.xml")).root
        #expect(kuleba.all("entry").map { $0.text(of: "id") } == Self.order.prefix(2).map { Self.base + $0 })
        // Summaries only: the bodies are in the site's feeds.
        #expect(kuleba.all("entry").map { $0.text(of: "summary")?.isEmpty == false } == [true, true])
        #expect(kuleba.all("entry").allSatisfy { $0.first("content") == nil })
        let event = try XMLTree(try Self.file(Self.fixture, "events/antalya-meeting-2022/feed.xml")).root
        #expect(event.all("entry").map { $0.text(of: "id") } == Self.order.prefix(2).map { Self.base + $0 })
        #expect(event.first("link", rel: "alternate")?.attributes["href"] == Self.base + "events/antalya-meeting-2022/")
    }

    @Test func hostileTitlesAreEscapedInEveryFeed() throws {
        var site = FixtureContent()
        let title = "<script>alert(1)</script> & ]]> <![CDATA[ x \u{1}\u{B}end"
        site.add("articles/hostile.md", text: """
            ---
            title: "<script>alert(1)</script> & ]]> <![CDATA[ x \\x01\\vend"
            date: 2022-05-01
            source: "A & B <Wire>"
            ---
            Body with <b>tags</b> & an ampersand.
            """)
        let result = site.build()
        let library = try #require(result.library)
        #expect(library.articles.first?.article.title == title, "the test needs the hostile title to reach the site")
        let readable = "<script>alert(1)</script> & ]]> <![CDATA[ x end" // what XML 1.0 can carry
        let atom = try XMLTree(try Self.file(result, "feed.xml")).root
        #expect(atom.first("entry")?.text(of: "title") == readable)
        #expect(atom.first("entry")?.first("author")?.text(of: "name") == "A & B <Wire>")
        let rss = try XMLTree(try Self.file(result, "rss.xml")).root
        #expect(rss.first("channel")?.first("item")?.text(of: "title") == readable)
        let json = try Self.json(try Self.file(result, "feed.json"))
        #expect((json["items"] as? [[String: Any]])?.first?["title"] as? String == title)
        for path in ["feed.xml", "rss.xml", "feed.json"] {
            let text = try Self.file(result, path)
            #expect(!text.contains("<script>"), "\(path)")
            #expect(!text.contains("]]>"), "\(path)")
        }
    }

    @Test func siteFeedsHoldTheNewestFiftyAndPersonFeedsTheSameLimit() throws {
        var site = FixtureContent()
        for n in 1...60 {
            let day = Day(year: 2022, month: 1, day: 1)!.adding(days: n)
            site.add("articles/a\(n).md", text: "---\ntitle: Story \(n)\ndate: \(day.iso)\npeople: [Sergei Lavrov]\n---\nSergei Lavrov spoke on day \(n).\n")
        }
        site.add("people.yml", text: "- name: Sergei Lavrov\n")
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let newest = (11...60).reversed().map { "Story \($0)" }
        let atom = try XMLTree(try Self.file(result, "feed.xml")).root
        #expect(atom.all("entry").map { $0.text(of: "title") } == newest)
        let rss = try XMLTree(try Self.file(result, "rss.xml")).root
        #expect(rss.first("channel")?.all("item").map { $0.text(of: "title") } == newest)
        let json = try Self.json(try Self.file(result, "feed.json"))
        #expect((json["items"] as? [[String: Any]])?.map { $0["title"] as? String } == newest)
        let person = try XMLTree(try Self.file(result, "people/sergei-lavrov/feed.xml")).root
        #expect(person.all("entry").map { $0.text(of: "title") } == newest)
    }

    @Test func aFeedWithoutDatesSaysTheEpochNotTheClock() throws {
        let site = FixtureContent() // one undated article
        let result = site.build()
        let atom = try XMLTree(try Self.file(result, "feed.xml")).root
        #expect(atom.text(of: "updated") == "1970-01-01T00:00:00Z")
        #expect(atom.first("entry")?.text(of: "updated") == "1970-01-01T00:00:00Z")
        #expect(atom.first("entry")?.first("published") == nil)
        let rss = try XMLTree(try Self.file(result, "rss.xml")).root
        #expect(rss.first("channel")?.first("lastBuildDate") == nil)
    }
}

extension XMLTree.Element {
    func first(_ name: String, rel: String) -> XMLTree.Element? {
        all(name).first { $0.attributes["rel"] == rel }
    }
}
