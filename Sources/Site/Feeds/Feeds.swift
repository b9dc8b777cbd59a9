import ParleyCore

/// The feeds of the site: the newest articles as Atom (`feed.xml`), RSS 2.0 (`rss.xml`) and
/// JSON Feed 1.1 (`feed.json`), and an Atom feed beside each person's and event's page
/// (`people/<id>/feed.xml`, `events/<id>/feed.xml`) so a reader can follow one negotiator.
/// Every feed holds at most `limit` entries, newest first (undated articles last). The site's
/// feeds carry each article's body; the feeds of people and events carry summaries, so the
/// bodies are not written again in every feed of every person an article names.
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
    /// The body HTML of the newest `limit` articles of the library (at least), in its order, as
    /// on the article's page.
    let bodies: [String]

    private var library: Library { contexts.library }
    private var site: SiteConfig { contexts.site }

    /// Every feed, each handed to `put` as soon as it is made (from several threads), so the
    /// feeds of a large archive are never all in memory. The feed of a person's or an event's
    /// page is not made when `keep` (given its path and its articles) says the last build's
    /// file stays (an incremental build).
    /// Returns the whole-site feed (`siteFiles`), for the page manifest.
    @discardableResult
    func files(into put: @Sendable (OutputFile) -> Void,
               keep: @Sendable (_ path: String, _ articles: ArraySlice<Int>) -> Bool = { _, _ in false }) -> Feed {
        let whole = Feed(title: site.title, description: site.description, pageURL: contexts.canonical("index.html"),
                         language: site.language, author: site.title,
                         entries: library.articles.indices.prefix(Self.limit).map { entry($0, withContent: true) })
        Self.siteFiles(whole, baseURL: site.baseURL).forEach(put)

        // The feeds of people and events: summaries, each article's entry made once.
        let pages = (library.people.indices.map(PageFeed.person) + library.events.indices.map(PageFeed.event))
            .filter { !keep(Self.atomPath(besidePage: path(of: $0)), articles(of: $0)) }
        pageFeeds(pages, into: put)
        return whole
    }

    /// The page of a person or an event (by library index), whose feed is beside it.
    enum PageFeed: Sendable, Hashable {
        case person(Int)
        case event(Int)
    }

    private func path(of page: PageFeed) -> String {
        switch page {
        case .person(let i): library.people[i].path
        case .event(let i): library.events[i].path
        }
    }

    /// The articles of a person's or an event's feed: the newest of its list.
    func articles(of page: PageFeed) -> ArraySlice<Int> {
        switch page {
        case .person(let i): Self.newest(library.people[i].articles)
        case .event(let i): Self.newest(library.events[i].articles)
        }
    }

    /// The articles a feed beside a page listing `articles` (library indexes, newest first) holds.
    static func newest(_ articles: [Int]) -> ArraySlice<Int> {
        articles.prefix(limit)
    }

    /// The feeds of `pages`, each handed to `put` once made (from several threads); each
    /// article's entry is made once, on all cores.
    func pageFeeds(_ pages: [PageFeed], into put: @Sendable (OutputFile) -> Void) {
        var listed = Array(repeating: false, count: library.articles.count)
        for page in pages { for index in articles(of: page) { listed[index] = true } }
        let made = parallelMap(listed.indices.filter { listed[$0] }) { ($0, entry($0, withContent: false)) }
        var entries = [Feed.Entry?](repeating: nil, count: library.articles.count)
        for (index, entry) in made { entries[index] = entry }
        _ = parallelMap(pages) { [self, entries] page in
            let (name, description) = switch page {
            case .person(let i): (library.people[i].person.name, "Articles naming \(library.people[i].person.name) in \(site.title)")
            case .event(let i): (library.events[i].event.name, "Articles about \(library.events[i].event.name) in \(site.title)")
            }
            let pagePath = path(of: page)
            let path = Self.atomPath(besidePage: pagePath)
            let feed = Feed(title: "\(name) — \(site.title)", description: description,
                            pageURL: contexts.canonical(pagePath), language: site.language, author: site.title,
                            entries: articles(of: page).compactMap { entries[$0] })
            put(OutputFile(path: path, text: AtomFeed.document(feed, selfURL: contexts.canonical(path))))
        }
    }

    /// The whole-site feed in each of its formats, at the root of the site at `baseURL`.
    static func siteFiles(_ feed: Feed, baseURL: String) -> [OutputFile] {
        siteFeeds.map { OutputFile(path: $0.path, text: $0.document(feed, baseURL + $0.path)) }
    }

    /// An article as an entry; with its body, the body's links made absolute against its page.
    private func entry(_ index: Int, withContent: Bool) -> Feed.Entry {
        let item = library.articles[index]
        let article = item.article
        let url = contexts.canonical(item.path)
        let people = item.analyzed.people.compactMap { library.person($0.person.id) }.map {
            Feed.Category(term: $0.person.id, label: $0.person.name, scheme: contexts.canonical("people/"))
        }
        let events = item.analyzed.events.compactMap { library.event($0.id) }.map {
            Feed.Category(term: $0.event.id, label: $0.event.name, scheme: contexts.canonical("events/"))
        }
        return Feed.Entry(title: article.title, url: url, day: article.date.day, summary: item.summary,
                          contentHTML: withContent ? AbsoluteLinks.resolve(bodies[index], against: url) : nil,
                          authors: article.contributors.isEmpty ? article.outlet.map { [$0] } ?? [] : article.contributors,
                          categories: people + events)
    }
}
