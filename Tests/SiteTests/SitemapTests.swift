import Foundation
import ParleyTestSupport
import Site
import Testing

/// `sitemap.xml` and `robots.txt` of a built site.
@Suite struct SitemapTests {
    static let base = "https://example.org/fixture/"

    static func file(_ result: BuildResult, _ path: String) throws -> String {
        try #require(result.files.first { $0.path == path }, "no \(path)").text
    }

    @Test func sitemapListsEveryPageButTheNotFoundPage() throws {
        let result = FeedTests.fixture
        let urlset = try XMLTree(try Self.file(result, "sitemap.xml")).root
        #expect(urlset.name == "urlset")
        #expect(urlset.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let locs = urlset.all("url").compactMap { $0.text(of: "loc") }
        let pages = result.files.map(\.path).filter { $0.hasSuffix(".html") && $0 != "404.html" }
        #expect(pages.count == 18)
        #expect(locs == pages.map { Self.base + $0.replacingOccurrences(of: "index.html", with: "") }.sorted())
        #expect(!locs.contains { $0.contains("404") })
        let lastmod = Dictionary(uniqueKeysWithValues: urlset.all("url").map { ($0.text(of: "loc") ?? "", $0.text(of: "lastmod")) })
        #expect(lastmod[Self.base] == "2022-03-11")
        #expect(lastmod[Self.base + "articles/foreign-ministers-meet-in-antalya/"] == "2022-03-10")
        #expect(lastmod[Self.base + "articles/ministers-may-meet-again/"] == .some(nil), "an undated article has no lastmod")
        #expect(lastmod[Self.base + "people/dmytro-kuleba/"] == "2022-03-11", "a person's newest article")
        #expect(lastmod[Self.base + "people/sergei-lavrov/"] == "2022-03-10")
        #expect(lastmod[Self.base + "events/antalya-meeting-2022/"] == "2022-03-11")
        #expect(lastmod[Self.base + "people/"] == .some(nil))
    }

    @Test func sitemapIncludesHTMLPagesOfTheTheme() throws {
        var site = FixtureContent()
        site.files["templates/static/about/index.html"] = Array("<!DOCTYPE html><title>About</title>".utf8)
        let result = site.build()
        let urlset = try XMLTree(try Self.file(result, "sitemap.xml")).root
        #expect(urlset.all("url").compactMap { $0.text(of: "loc") }.contains("http://localhost:8000/about/"))
    }

    @Test func robotsAllowsEverythingAndNamesTheSitemap() throws {
        #expect(try Self.file(FeedTests.fixture, "robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: \(Self.base)sitemap.xml\n")
    }

    @Test func theThemesOwnRobotsFileWins() throws {
        var site = FixtureContent()
        site.files["templates/static/robots.txt"] = Array("User-agent: *\nDisallow: /\n".utf8)
        let result = site.build()
        #expect(result.files.filter { $0.path == "robots.txt" }.map(\.text) == ["User-agent: *\nDisallow: /\n"])
        #expect(result.files.contains { $0.path == "sitemap.xml" })
    }
}
