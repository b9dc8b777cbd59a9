import Foundation
import ParleyTestSupport
import Site
import Testing

/// The head of every page: title, description, canonical URL, Open Graph, feed links and
/// schema.org JSON-LD.
@Suite struct MetadataTests {
    static let base = "https://example.org/fixture/"
    static let fixture = FeedTests.fixture

    static func page(_ result: BuildResult, _ path: String) throws -> String {
        try #require(result.files.first { $0.path == path }, "no \(path)").text
    }

    /// `property` or `name` → `content` of the page's `<meta>` tags; `rel` links.
    static func head(_ html: String) -> (meta: [String: String], links: [(rel: String, type: String, href: String)]) {
        var meta: [String: String] = [:]
        var links: [(String, String, String)] = []
        for tag in HTMLTags.scan(html) {
            let attributes = Dictionary(tag.attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            if tag.name == "meta", let key = attributes["property"] ?? attributes["name"] { meta[key] = attributes["content"] }
            if tag.name == "link" { links.append((attributes["rel"] ?? "", attributes["type"] ?? "", attributes["href"] ?? "")) }
        }
        return (meta, links)
    }

    /// The JSON-LD of a page, parsed, and its raw text.
    static func jsonLD(_ html: String) throws -> (object: [String: Any], raw: String) {
        let open = #"<script type="application/ld+json">"#
        let start = try #require(html.range(of: open), "no JSON-LD")
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let raw = String(html[start.upperBound..<end.lowerBound])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any])
        return (object, raw)
    }

    @Test func everyPageHasTitleDescriptionCanonicalOpenGraphAndTheSiteFeeds() throws {
        let pages = Self.fixture.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count == 19)  // 11 + timeline, sources (index + 2), places (index + 2), search
        for page in pages {
            let html = page.text
            let (meta, links) = Self.head(html)
            #expect(HTMLTags.scan(html).filter { $0.name == "title" }.count == 1, "\(page.path)")
            #expect(meta["description"]?.isEmpty == false, "\(page.path)")
            let canonical = try #require(links.first { $0.rel == "canonical" }?.href, "\(page.path)")
            #expect(canonical.hasPrefix(Self.base), "\(page.path)")
            #expect(meta["og:url"] == canonical, "\(page.path)")
            #expect(meta["og:description"] == meta["description"], "\(page.path)")
            #expect(meta["og:site_name"] == "Fixture Digest", "\(page.path)")
            #expect(meta["og:title"]?.isEmpty == false, "\(page.path)")
            let expectedType = page.path.hasPrefix("articles/") ? "article" : page.path.hasPrefix("people/") && page.path != "people/index.html" ? "profile" : "website"
            #expect(meta["og:type"] == expectedType, "\(page.path)")
            let feeds = links.filter { $0.rel == "alternate" && $0.type != "text/markdown" }
            let root = page.path == "404.html" ? "/fixture/" : String(repeating: "../", count: page.path.split(separator: "/").count - 1)
            #expect(feeds.suffix(3).map(\.href) == ["feed.xml", "rss.xml", "feed.json"].map { root + $0 }, "\(page.path)")
            #expect(feeds.suffix(3).map(\.type) == ["application/atom+xml", "application/rss+xml", "application/feed+json"], "\(page.path)")
        }
        #expect(Self.fixture.errorCount == 0, "feed links are checked like every link: \(Self.fixture.diagnostics)")
    }

    @Test func articlesAreNewsArticles() throws {
        let html = try Self.page(Self.fixture, "articles/foreign-ministers-meet-in-antalya/index.html")
        #expect(Self.head(html).meta["og:title"] == "Foreign ministers meet in Antalya")
        #expect(Self.head(html).meta["article:published_time"] == "2022-03-10")
        let ld = try Self.jsonLD(html).object
        let url = Self.base + "articles/foreign-ministers-meet-in-antalya/"
        #expect(ld["@context"] as? String == "https://schema.org")
        #expect(ld["@type"] as? String == "NewsArticle")
        #expect(ld["headline"] as? String == "Foreign ministers meet in Antalya")
        #expect(ld["datePublished"] as? String == "2022-03-10")
        #expect(ld["url"] as? String == url)
        #expect(ld["mainEntityOfPage"] as? String == url)
        #expect((ld["publisher"] as? [String: String]) == ["@type": "Organization", "name": "Fixture Digest", "url": Self.base])
        #expect((ld["sourceOrganization"] as? [String: String])?["name"] == "TASS")
        let mentions = try #require(ld["mentions"] as? [[String: String]])
        #expect(mentions.map { $0["name"] } == ["Sergei Lavrov", "Dmytro Kuleba", "Mevlüt Çavuşoğlu"])
        #expect(mentions.map { $0["@type"] } == ["Person", "Person", "Person"])
        #expect(mentions.first?["url"] == Self.base + "people/sergei-lavrov/")
        #expect((ld["about"] as? [[String: String]])?.map { $0["name"] } == ["Antalya meeting of foreign ministers"])

        let undated = try Self.page(Self.fixture, "articles/ministers-may-meet-again/index.html")
        #expect(Self.head(undated).meta["article:published_time"] == nil)
        let undatedLD = try Self.jsonLD(undated).object
        #expect(undatedLD["datePublished"] == nil)
        #expect(undatedLD["sourceOrganization"] == nil)
    }

    @Test func personAndEventPagesDescribeThemAndLinkTheirFeed() throws {
        let person = try Self.page(Self.fixture, "people/sergei-lavrov/index.html")
        let ld = try Self.jsonLD(person).object
        #expect(ld["@type"] as? String == "Person")
        #expect(ld["name"] as? String == "Sergei Lavrov")
        #expect(ld["jobTitle"] as? [String] == ["Foreign Minister of Russia"])
        #expect((ld["nationality"] as? [String: String])?["name"] == "Russia")
        #expect(ld["url"] as? String == Self.base + "people/sergei-lavrov/")
        let personFeeds = Self.head(person).links.filter { $0.rel == "alternate" }.map(\.href)
        #expect(personFeeds.first == "../../people/sergei-lavrov/feed.xml")
        #expect(HTMLTags.scan(person).contains { $0.name == "a" && $0.attributes.contains { $0 == ("href", "../../people/sergei-lavrov/feed.xml") } })

        let event = try Self.page(Self.fixture, "events/antalya-meeting-2022/index.html")
        let eventLD = try Self.jsonLD(event).object
        #expect(eventLD["@type"] as? String == "Event")
        #expect(eventLD["name"] as? String == "Antalya meeting of foreign ministers")
        #expect(eventLD["startDate"] as? String == "2022-03-10")
        #expect((eventLD["location"] as? [String: String]) == ["@type": "Place", "name": "Antalya"])
        #expect((eventLD["attendee"] as? [[String: String]])?.count == 3)
        #expect(Self.head(event).links.first { $0.rel == "alternate" }?.href == "../../events/antalya-meeting-2022/feed.xml")
        #expect(HTMLTags.scan(event).contains { $0.name == "a" && $0.attributes.contains { $0 == ("href", "../../events/antalya-meeting-2022/feed.xml") } })
    }

    @Test func jsonLDCannotCloseItsScriptElement() throws {
        var site = FixtureContent()
        let title = "</script><script>alert(1)</script><!-- & </SCRIPT"
        site.add("articles/hostile.md", text: "---\ntitle: \"\(title)\"\ndate: 2022-05-01\nsource: \"</script>\"\n---\nText.\n")
        let result = site.build()
        let entry = try #require(result.library?.articles.first)
        #expect(entry.article.title == title)
        let html = try Self.page(result, entry.path)
        let (object, raw) = try Self.jsonLD(html)
        #expect(object["headline"] as? String == title)
        #expect((object["sourceOrganization"] as? [String: String])?["name"] == "</script>")
        #expect(!raw.contains("<"))
        #expect(HTMLTags.scan(html).filter { $0.name == "script" }.count == 1)
    }
}
