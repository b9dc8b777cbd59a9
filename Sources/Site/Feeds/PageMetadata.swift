import ParleyCore
import Render

/// What the `<head>` of a page says to machines, as the `meta` key of its context: Open Graph
/// fields (`og:title`, `og:type`, `article:published_time`; `og:url` and `og:description` are
/// the page's `canonical` and `pageDescription`), the feeds to announce with
/// `<link rel="alternate">`, the page's own feed for a visible link, and schema.org JSON-LD.
extension PageContexts {
    /// Every page: a website, announcing the site's feeds.
    func metadata(title: String) -> TemplateObject {
        metadata(title: title, feeds: siteFeedLinks)
    }

    /// The site's feeds, as every page announces them.
    private var siteFeedLinks: [TemplateValue] {
        Feeds.siteFeeds.map { .object(feedLink(path: $0.path, type: $0.mediaType, title: "\(site.title) (\($0.name))")) }
    }

    private func metadata(title: String, feeds: [TemplateValue]) -> TemplateObject {
        [
            .title: .string(title),
            .type: "website",
            .publishedTime: false,
            .feeds: .list(feeds),
            .feed: false,
            .jsonLD: false,
        ]
    }

    func articleMetadata(_ index: Int) -> TemplateObject {
        let article = library.articles[index].article
        var meta = metadata(title: article.title)
        meta[.type] = "article"
        meta[.publishedTime] = Self.value(article.date.day?.iso)
        meta[.jsonLD] = .string(StructuredData(contexts: self).article(index).compact)
        return meta
    }

    /// A person's page. The JSON-LD that describes the person is on the first page only: the
    /// later pages continue the list of articles and are not the person's page.
    func personMetadata(_ entry: PersonEntry, page: Int) -> TemplateObject {
        var meta = withOwnFeed(title: entry.person.name, page: entry.path)
        meta[.type] = "profile"
        if page == 1 { meta[.jsonLD] = .string(StructuredData(contexts: self).person(entry).compact) }
        return meta
    }

    /// An event's page; JSON-LD on the first page only, as for a person (an event's lists every
    /// person involved, tens of kilobytes that each later page would repeat).
    func eventMetadata(_ entry: EventEntry, page: Int) -> TemplateObject {
        var meta = withOwnFeed(title: entry.event.name, page: entry.path)
        if page == 1 { meta[.jsonLD] = .string(StructuredData(contexts: self).event(entry).compact) }
        return meta
    }

    /// A person's or event's page (`title` its name) announces its own Atom feed first, and links to it.
    private func withOwnFeed(title: String, page: String) -> TemplateObject {
        let own = feedLink(path: Feeds.atomPath(besidePage: page), type: AtomFeed.mediaType, title: "\(title) — \(site.title) (Atom)")
        var meta = metadata(title: title, feeds: [.object(own)] + siteFeedLinks)
        meta[.feed] = .object(own)
        return meta
    }

    private func feedLink(path: String, type: String, title: String) -> TemplateObject {
        [.href: .string(path), .type: .string(type), .title: .string(title)]
    }
}
