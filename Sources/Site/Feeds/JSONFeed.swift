/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Undated items have no `date_published`.
enum JSONFeed {
    static let mediaType = "application/feed+json"
    static let version = "https://jsonfeed.org/version/1.1"

    static func document(_ feed: Feed, selfURL: String) -> String {
        let items: [JSONValue] = feed.entries.map { entry in
            .members([
                ("id", .string(entry.url)),
                ("url", .string(entry.url)),
                ("title", .string(entry.title)),
                // JSON Feed requires content: the summary stands in for a body left out.
                entry.contentHTML.map { ("content_html", .string($0)) } ?? ("content_text", .string(entry.summary)),
                ("summary", .nonEmpty(entry.summary)),
                ("date_published", entry.day.map { .string($0.rfc3339) }),
                ("authors", .nonEmpty(entry.authors.map { .object([("name", .string($0))]) })),
                ("tags", .nonEmpty(entry.categories.map { .string($0.label) })),
            ])
        }
        return JSONValue.members([
            ("version", .string(version)),
            ("title", .string(feed.title)),
            ("home_page_url", .string(feed.pageURL)),
            ("feed_url", .string(selfURL)),
            ("description", .nonEmpty(feed.description)),
            ("language", .string(feed.language)),
            ("authors", .array([.object([("name", .string(feed.author))])])),
            ("items", .array(items)),
        ]).pretty
    }
}
