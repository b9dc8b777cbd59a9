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

    func personMetadata(_ entry: PersonEntry) -> [String: Any] {
        var meta = withOwnFeed(metadata(title: entry.person.name), page: entry.path, name: entry.person.name)
        meta["type"] = "profile"
        meta["jsonLD"] = StructuredData(contexts: self).person(entry).compact
        return meta
    }

    func eventMetadata(_ entry: EventEntry) -> [String: Any] {
        var meta = withOwnFeed(metadata(title: entry.event.name), page: entry.path, name: entry.event.name)
        meta["jsonLD"] = StructuredData(contexts: self).event(entry).compact
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
