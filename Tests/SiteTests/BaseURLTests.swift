import ParleyTestSupport
import Site
import Testing

/// `--base-url` changes every absolute URL of the site: canonical links, Open Graph, JSON-LD,
/// feeds, the sitemap and robots.txt.
@Suite struct BaseURLTests {
    /// Addresses that name formats and vocabularies, not pages of the site.
    static let vocabularies = ["http://www.w3.org/", "http://www.sitemaps.org/", "http://purl.org/", "https://schema.org", "https://jsonfeed.org/"]

    static func absoluteURLs(in text: String) -> [String] {
        let stops: Set<Character> = ["\"", "'", "<", ">", " ", "\n", "\\", "&"]
        var urls: [String] = []
        var rest = Substring(text)
        while let start = rest.firstRange(of: /https?:\/\//) {
            let end = rest[start.lowerBound...].firstIndex { stops.contains($0) } ?? rest.endIndex
            urls.append(String(rest[start.lowerBound..<end]))
            rest = rest[end...]
        }
        return urls
    }

    @Test func everyAbsoluteURLStartsWithTheGivenBase() throws {
        let base = "https://mirror.example.net/digest/"
        let result = SiteBuilder(options: BuildOptions(
            contentDirectory: RepositoryPaths.inRepository("Tests/Fixtures/sites/basic/content"),
            templatesDirectory: RepositoryPaths.inRepository("templates"),
            baseURL: "https://mirror.example.net/digest")).build()
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        var checked = 0
        for file in result.files where ![".css", ".md", ".js"].contains(where: file.path.hasSuffix) {
            let text = file.text
            #expect(!text.contains("example.org"), "\(file.path) still names the base URL of site.yml")
            let urls = Self.absoluteURLs(in: text).filter { url in !Self.vocabularies.contains { url.hasPrefix($0) } }
            #expect(!urls.isEmpty, "\(file.path) has no absolute URL")
            for url in urls {
                #expect(url.hasPrefix(base), "\(file.path): \(url)")
                checked += 1
            }
        }
        #expect(checked > 100)
        #expect(result.files.first { $0.path == "404.html" }?.text.contains(#"href="/digest/feed.xml""#) == true)
    }
}
