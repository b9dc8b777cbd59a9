import ParleyCore

/// `sitemap.xml` (sitemaps.org 0.9): every HTML page of the site but the 404 page, taken from the
/// final list of output files so every kind of page is in it, with absolute folder URLs, sorted.
///
/// `lastmod` is the newest article date a page shows: an article page its own date, a person's
/// or event's page the date of its newest dated article, the home page the newest date of the
/// site. Other pages, and pages without a dated article, have no `lastmod`.
struct Sitemap {
    static let path = "sitemap.xml"

    let contexts: PageContexts

    func file<Paths: Sequence<String>>(listing paths: Paths) -> OutputFile {
        let lastModified = lastModified()
        let pages = paths.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        let urls = pages.map { (url: contexts.canonical($0), day: lastModified[$0]) }.sorted { $0.url < $1.url }
        // Written as bytes into one buffer with room for all: at 10,000 articles the sitemap is
        // 15,000 entries, remade on every build.
        var xml: [UInt8] = []
        xml.reserveCapacity(128 + urls.count * 48 + urls.reduce(0) { $0 + $1.url.utf8.count })
        xml.append(contentsOf: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".utf8)
        xml.append(contentsOf: "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        for (url, day) in urls {
            xml.append(contentsOf: "  <url><loc>".utf8)
            xml.append(contentsOf: XMLText.text(url).utf8)
            xml.append(contentsOf: "</loc>".utf8)
            if let day {
                xml.append(contentsOf: "<lastmod>".utf8)
                xml.append(contentsOf: day.iso.utf8)
                xml.append(contentsOf: "</lastmod>".utf8)
            }
            xml.append(contentsOf: "</url>\n".utf8)
        }
        xml.append(contentsOf: "</urlset>\n".utf8)
        return OutputFile(path: Self.path, bytes: xml)
    }

    /// Page path → the newest article date it shows.
    func lastModified() -> [String: Day] {
        let library = contexts.library
        func newest(_ indices: [Int]) -> Day? { indices.compactMap { library.articles[$0].article.date.day }.max() }
        var days: [String: Day] = [:]
        for entry in library.articles { days[entry.path] = entry.article.date.day }
        for entry in library.people { days[entry.path] = newest(entry.articles) }
        for entry in library.events { days[entry.path] = newest(entry.articles) }
        days["index.html"] = newest(Array(library.articles.indices))
        return days
    }
}
