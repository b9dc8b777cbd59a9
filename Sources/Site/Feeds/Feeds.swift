import ParleyCore

/// The feeds of the site: the newest articles as Atom (`feed.xml`), RSS 2.0 (`rss.xml`) and
/// JSON Feed 1.1 (`feed.json`), and an Atom feed beside each person's and event's page
/// (`people/<id>/feed.xml`, `events/<id>/feed.xml`) so a reader can follow one negotiator.
/// Every feed holds at most `limit` entries, newest first (undated articles last).
struct Feeds {
    static let limit = 50

    /// One of the whole-site feeds.
    struct Format: Sendable {
        /// From the site root.
        var path: String
        var mediaType: String
        /// `Atom`, `RSS`, `JSON Feed`.
        var name: String
        var document: @Sendable (Feed, _ selfURL: String) -> String
    }

    static let siteFeeds: [Format] = [
        Format(path: "feed.xml", mediaType: AtomFeed.mediaType, name: "Atom", document: AtomFeed.document),
        Format(path: "rss.xml", mediaType: RSSFeed.mediaType, name: "RSS", document: RSSFeed.document),
        Format(path: "feed.json", mediaType: JSONFeed.mediaType, name: "JSON Feed", document: JSONFeed.document),
    ]

    /// The Atom feed of a person's or event's page, in the page's folder.
    static func atomPath(besidePage path: String) -> String {
        let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path + "/"
        return folder + "feed.xml"
    }

    let contexts: PageContexts
    /// The body HTML of every article of the library, in its order, as on the article's page.
    let bodies: [String]

    private var library: Library { contexts.library }
    private var site: SiteConfig { contexts.site }

    func files() -> [OutputFile] {
        let siteIndices = Array(library.articles.indices.prefix(Self.limit))
        var wanted = Set(siteIndices)
        for person in library.people { wanted.formUnion(person.articles.prefix(Self.limit)) }
        for event in library.events { wanted.formUnion(event.articles.prefix(Self.limit)) }
        var entries: [Int: Feed.Entry] = [:]
        for index in wanted { entries[index] = entry(index) }
        func feed(_ title: String, _ description: String, page: String, _ indices: [Int]) -> Feed {
            Feed(title: title, description: description, pageURL: contexts.canonical(page), language: site.language,
                 author: site.title, entries: indices.prefix(Self.limit).compactMap { entries[$0] })
        }

        var files: [OutputFile] = []
        let whole = feed(site.title, site.description, page: "index.html", siteIndices)
        for format in Self.siteFeeds {
            files.append(OutputFile(path: format.path, text: format.document(whole, contexts.canonical(format.path))))
        }
        for person in library.people {
            let name = person.person.name
            let path = Self.atomPath(besidePage: person.path)
            let personFeed = feed("\(name) — \(site.title)", "Articles naming \(name) in \(site.title)", page: person.path, person.articles)
            files.append(OutputFile(path: path, text: AtomFeed.document(personFeed, selfURL: contexts.canonical(path))))
        }
        for event in library.events {
            let name = event.event.name
            let path = Self.atomPath(besidePage: event.path)
            let eventFeed = feed("\(name) — \(site.title)", "Articles about \(name) in \(site.title)", page: event.path, event.articles)
            files.append(OutputFile(path: path, text: AtomFeed.document(eventFeed, selfURL: contexts.canonical(path))))
        }
        return files
    }

    /// An article as an entry, its body's links made absolute against its page.
    private func entry(_ index: Int) -> Feed.Entry {
        let item = library.articles[index]
        let article = item.article
        let url = contexts.canonical(item.path)
        let people = item.analyzed.people.compactMap { library.person($0.person.id) }.map {
            Feed.Category(term: $0.person.id, label: $0.person.name, scheme: contexts.canonical("people/"))
        }
        let events = item.analyzed.events.compactMap { library.event($0.id) }.map {
            Feed.Category(term: $0.event.id, label: $0.event.name, scheme: contexts.canonical("events/"))
        }
        return Feed.Entry(title: article.title, url: url, day: article.date.day, summary: Summary.make(article),
                          contentHTML: AbsoluteLinks.resolve(bodies[index], against: url),
                          authors: article.contributors.isEmpty ? article.outlet.map { [$0] } ?? [] : article.contributors,
                          categories: people + events)
    }
}
