import ParleyCore

/// What the `<head>` of a page says to machines, as the `meta` key of its context: Open Graph
/// fields (`og:title`, `og:type`, `article:published_time`; `og:url` and `og:description` are
/// the page's `canonical` and `pageDescription`), the feeds to announce with
/// `<link rel="alternate">`, the page's own feed for a visible link, and schema.org JSON-LD.
extension PageContexts {
    /// Every page: a website, announcing the site's feeds.
    func metadata(title: String) -> [String: Any] {
        [
            "title": title,
            "type": "website",
            "publishedTime": false,
            "feeds": Feeds.siteFeeds.map { feedLink(path: $0.path, type: $0.mediaType, title: "\(site.title) (\($0.name))") },
            "feed": false,
            "jsonLD": false,
        ]
    }

    func articleMetadata(_ index: Int) -> [String: Any] {
        let article = library.articles[index].article
        var meta = metadata(title: article.title)
        meta["type"] = "article"
        meta["publishedTime"] = Self.value(article.date.day?.iso)
        meta["jsonLD"] = StructuredData(contexts: self).article(index).compact
        return meta
    }

    /// A person's page. The JSON-LD that describes the person is on the first page only: the
    /// later pages continue the list of articles and are not the person's page.
    func personMetadata(_ entry: PersonEntry, page: Int) -> [String: Any] {
        var meta = withOwnFeed(metadata(title: entry.person.name), page: entry.path, name: entry.person.name)
        meta["type"] = "profile"
        if page == 1 { meta["jsonLD"] = StructuredData(contexts: self).person(entry).compact }
        return meta
    }

    /// An event's page; JSON-LD on the first page only, as for a person (an event's lists every
    /// person involved, tens of kilobytes that each later page would repeat).
    func eventMetadata(_ entry: EventEntry, page: Int) -> [String: Any] {
        var meta = withOwnFeed(metadata(title: entry.event.name), page: entry.path, name: entry.event.name)
        if page == 1 { meta["jsonLD"] = StructuredData(contexts: self).event(entry).compact }
        return meta
    }

    /// A person's or event's page announces its own Atom feed first, and links to it.
    private func withOwnFeed(_ meta: [String: Any], page: String, name: String) -> [String: Any] {
        var meta = meta
        let own = feedLink(path: Feeds.atomPath(besidePage: page), type: AtomFeed.mediaType, title: "\(name) — \(site.title) (Atom)")
        meta["feed"] = own
        meta["feeds"] = [own] + (meta["feeds"] as? [[String: Any]] ?? [])
        return meta
    }

    private func feedLink(path: String, type: String, title: String) -> [String: Any] {
        ["href": path, "type": type, "title": title]
    }
}
