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
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (url, day) in urls {
            xml += "  <url>" + XMLText.element("loc", url)
            if let day { xml += XMLText.element("lastmod", day.iso) }
            xml += "</url>\n"
        }
        return OutputFile(path: Self.path, text: xml + "</urlset>\n")
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
