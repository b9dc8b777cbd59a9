/// Atom 1.0 (RFC 4287).
///
/// Atom requires `updated` on the feed and on every entry: a dated entry is updated on its
/// date; an undated one carries the feed's `updated` (its newest entry date) and no
/// `published`; a feed without any dated entry says 1970-01-01T00:00:00Z.
enum AtomFeed {
    static let mediaType = "application/atom+xml"

    static func document(_ feed: Feed, selfURL: String) -> String {
        let t = XMLText.element
        let a = XMLText.attribute
        let updated = (feed.updated ?? Feed.epoch).rfc3339
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(a(feed.language))\">\n"
        xml += "  " + t("title", feed.title) + "\n"
        if !feed.description.isEmpty { xml += "  " + t("subtitle", feed.description) + "\n" }
        xml += "  <link rel=\"self\" type=\"\(mediaType)\" href=\"\(a(selfURL))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(a(feed.pageURL))\"/>\n"
        xml += "  " + t("id", selfURL) + "\n"
        xml += "  " + t("updated", updated) + "\n"
        xml += "  <author>" + t("name", feed.author) + "</author>\n"
        xml += "  " + t("generator", "Parley") + "\n"
        for entry in feed.entries {
            xml += "  <entry>\n"
            xml += "    <title type=\"text\">\(XMLText.text(entry.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(a(entry.url))\"/>\n"
            xml += "    " + t("id", entry.url) + "\n"
            if let day = entry.day { xml += "    " + t("published", day.rfc3339) + "\n" }
            xml += "    " + t("updated", entry.day?.rfc3339 ?? updated) + "\n"
            for author in entry.authors { xml += "    <author>" + t("name", author) + "</author>\n" }
            for category in entry.categories {
                xml += "    <category term=\"\(a(category.term))\" scheme=\"\(a(category.scheme))\" label=\"\(a(category.label))\"/>\n"
            }
            if !entry.summary.isEmpty { xml += "    <summary type=\"text\">\(XMLText.text(entry.summary))</summary>\n" }
            if let content = entry.contentHTML { xml += "    <content type=\"html\">\(XMLText.text(content))</content>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
