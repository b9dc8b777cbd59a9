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
        Feed(title: try readString(), description: try readString(), pageURL: try readString(), language: try readString(),
             author: try readString(), entries: try readArray { r throws(Damaged) in try r.readFeedEntry() })
    }

    private mutating func readFeedEntry() throws(Damaged) -> Feed.Entry {
        Feed.Entry(title: try readString(), url: try readString(), day: try readDay(), summary: try readString(),
                   contentHTML: try readOptionalString(), authors: try readStrings(),
                   categories: try readArray { r throws(Damaged) in
                       Feed.Category(term: try r.readString(), label: try r.readString(), scheme: try r.readString())
                   })
    }
}
