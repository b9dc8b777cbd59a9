/// Arrays built by appending keep up to twice the room they need. A library of a large archive
/// holds every analyzed article until the site is written, so the arrays it keeps are copied
/// to their exact size once recognition is done.
extension Array {
    /// The same elements in storage of exactly their count.
    public func compacted() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(fromContentsOf: self)
            initialized = count
        }
    }
}

extension AnalyzedArticle {
    /// This article with its arrays at their exact size and without the raw text of its source,
    /// which nothing reads after recognition (the paragraphs stay).
    public func compactedForLibrary() -> AnalyzedArticle {
        var copy = self
        copy.article.source.body = ""
        copy.article.paragraphs = article.paragraphs.compacted()
        copy.article.diagnostics = article.diagnostics.compacted()
        copy.people = people.compacted()
        copy.events = events.compacted()
        copy.places = places.compacted()
        copy.organizations = organizations.compacted()
        copy.mentions = mentions.compacted()
        copy.quotes = quotes.compacted()
        copy.diagnostics = diagnostics.compacted()
        return copy
    }
}
