/// RSS 2.0, with `content:encoded` for the article body, `dc:creator` for authors (RSS's own
/// `author` must be an e-mail address) and an Atom `self` link.
///
/// Undated articles have no `pubDate` (RSS makes it optional); the channel's `lastBuildDate`
/// is its newest entry date, left out when no entry is dated.
enum RSSFeed {
    static let mediaType = "application/rss+xml"

    static func document(_ feed: Feed, selfURL: String) -> String {
        let t = XMLText.element
        let a = XMLText.attribute
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        xml += "  <channel>\n"
        xml += "    " + t("title", feed.title) + "\n"
        xml += "    " + t("link", feed.pageURL) + "\n"
        // RSS requires a description; the title stands in when the site has none.
        xml += "    " + t("description", feed.description.isEmpty ? feed.title : feed.description) + "\n"
        xml += "    " + t("language", feed.language) + "\n"
        xml += "    <atom:link rel=\"self\" type=\"\(mediaType)\" href=\"\(a(selfURL))\"/>\n"
        if let updated = feed.updated { xml += "    " + t("lastBuildDate", updated.rfc822) + "\n" }
        xml += "    " + t("generator", "Parley") + "\n"
        for entry in feed.entries {
            xml += "    <item>\n"
            xml += "      " + t("title", entry.title) + "\n"
            xml += "      " + t("link", entry.url) + "\n"
            xml += "      <guid isPermaLink=\"true\">\(XMLText.text(entry.url))</guid>\n"
            if let day = entry.day { xml += "      " + t("pubDate", day.rfc822) + "\n" }
            for author in entry.authors { xml += "      " + t("dc:creator", author) + "\n" }
            for category in entry.categories {
                xml += "      <category domain=\"\(a(category.scheme))\">\(XMLText.text(category.label))</category>\n"
            }
            if !entry.summary.isEmpty { xml += "      " + t("description", entry.summary) + "\n" }
            if let content = entry.contentHTML { xml += "      " + t("content:encoded", content) + "\n" }
            xml += "    </item>\n"
        }
        return xml + "  </channel>\n</rss>\n"
    }
}
