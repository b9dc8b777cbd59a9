import ParleyCore

/// Feeds in the build cache's page manifest: every field, in declaration order.
extension ByteWriter {
    mutating func write(_ feed: Feed) {
        write(feed.title)
        write(feed.description)
        write(feed.pageURL)
        write(feed.language)
        write(feed.author)
        write(UInt64(feed.entries.count))
        for entry in feed.entries {
            write(entry.title)
            write(entry.url)
            write(entry.day)
            write(entry.summary)
            write(entry.contentHTML)
            write(entry.authors)
            write(UInt64(entry.categories.count))
            for category in entry.categories {
                write(category.term)
                write(category.label)
                write(category.scheme)
            }
        }
    }
}

extension ByteReader {
    mutating func readFeed() throws(Damaged) -> Feed {
        var feed = Feed(title: try readString(), description: try readString(), pageURL: try readString(), language: try readString(),
                        author: try readString(), entries: [])
        for _ in 0..<(try readCount()) {
            var entry = Feed.Entry(title: try readString(), url: try readString(), day: try readDay(), summary: try readString(),
                                   contentHTML: try readOptionalString(), authors: try readStrings(), categories: [])
            for _ in 0..<(try readCount()) {
                entry.categories.append(Feed.Category(term: try readString(), label: try readString(), scheme: try readString()))
            }
            feed.entries.append(entry)
        }
        return feed
    }
}
