import ParleyCore
import Render

/// What pages other than an article's own show of it, and what the library makes of it: its
/// analysis but for the text of its paragraphs and where in them each mention stands, plus its
/// summary. An edit that leaves it as it was (a paragraph added or reworded, naming no
/// one new, quoting no one, past the summary) changes the article's own page and nothing else:
/// the library, every list, person, event and place page, feed and the sitemap are the same.
///
/// It comes in three digests: the summary, the quotes, and everything else. The summary shows
/// in the article's card, wherever the article is listed; the quotes on the pages of the people
/// and events that list it. An edit that changes them alone leaves the library's outline as it
/// was (`LibraryOutline`: every list, its order, what links to what), and the pages showing them
/// can be told from it (`SurfaceEdits`).
///
/// Which paragraph a mention is in stays in: an event's page shows the quotes next to the
/// paragraphs naming it. Over-approximating is fine (the build then reads the whole library);
/// leaving out something another page shows is not.
struct ArticleSurface: Sendable, Equatable {
    /// Everything but the summary and the quotes; the summary; the quotes.
    var rest: ContentDigest
    var summary: ContentDigest
    var quotes: ContentDigest
    /// Who says each quote, in order: what the library's outline holds of the quotes (which
    /// person's page shows which of them), without their words.
    var speakers: ContentDigest

    init(rest: ContentDigest, summary: ContentDigest, quotes: ContentDigest, speakers: ContentDigest) {
        self.rest = rest
        self.summary = summary
        self.quotes = quotes
        self.speakers = speakers
    }

    init(_ analyzed: AnalyzedArticle, summary: String, registry: RegistryIndex) {
        var surface = analyzed
        surface.article.paragraphs = []
        surface.mentions = analyzed.mentions.map {
            Mention(kind: $0.kind, entity: $0.entity, paragraph: $0.paragraph, start: 0, end: 0)
        }
        surface.quotes = []
        var w = ByteWriter()
        w.write(surface, registry: registry)
        rest = ContentDigest.of(w.bytes)
        self.summary = ContentDigest.of(Array(summary.utf8))
        var q = ByteWriter()
        q.write(UInt64(analyzed.quotes.count))
        for quote in analyzed.quotes {
            q.write(quote.speaker)
            q.write(quote.text)
            q.write(quote.paragraph)
        }
        quotes = ContentDigest.of(q.bytes)
        var who = ByteWriter()
        who.write(analyzed.quotes.map(\.speaker))
        speakers = ContentDigest.of(who.bytes)
    }
}
