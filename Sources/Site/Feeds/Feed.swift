import ParleyCore

/// A feed, whatever its format: a page of the site (the home page, a person's, an event's) and
/// its newest articles, with absolute URLs.
struct Feed: Sendable {
    /// A person or event an entry names, as a category.
    struct Category: Sendable {
        /// The person's or event's id: `sergei-lavrov`.
        var term: String
        var label: String
        /// The folder of such pages: `https://example.org/people/`.
        var scheme: String
    }

    struct Entry: Sendable {
        var title: String
        /// The canonical URL of the article page; also the entry's id.
        var url: String
        /// Nil for an undated article: no date is made up for it.
        var day: Day?
        var summary: String
        /// The article's body, its links absolute; nil in the feeds of a person or event, which
        /// give the summary only (the whole-site feeds carry the bodies once).
        var contentHTML: String?
        /// Contributors when credited, else the outlet when known; empty: the feed's author.
        var authors: [String]
        var categories: [Category]
    }

    var title: String
    var description: String
    /// The page the feed follows.
    var pageURL: String
    var language: String
    /// The site, author of the feed as a whole.
    var author: String
    /// Newest first, undated last.
    var entries: [Entry]

    /// The newest date of the entries: the feed's `updated`. Nil when no entry is dated.
    var updated: Day? { entries.compactMap(\.day).max() }

    /// What Atom writes when it must give a date and no entry has one: the Unix epoch, a fixed
    /// value rather than the build's clock.
    static let epoch = Day(year: 1970, month: 1, day: 1)!
}
