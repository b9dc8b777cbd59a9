import ParleyCore
import Render

/// What pages other than an article's own show of it, and what the library makes of it: its
/// analysis but for the text of its paragraphs and where in them each mention stands, plus its
/// summary. An edit that leaves this digest as it was (a paragraph added or reworded, naming no
/// one new, quoting no one, past the summary) changes the article's own page and nothing else:
/// the library, every list, person, event and place page, feed and the sitemap are the same.
///
/// It comes in two digests: the quotes, and everything else. The quotes show on the pages of
/// the people and events that list the article, and nowhere else outside its own page: an
/// edit that changes its quotes alone (`QuoteEdits`) leaves every other page as it was.
///
/// Which paragraph a mention is in stays in: an event's page shows the quotes next to the
/// paragraphs naming it. Over-approximating is fine (the build then reads the whole library);
/// leaving out something another page shows is not.
struct ArticleSurface: Sendable, Equatable {
    /// Everything but the quotes, and the quotes.
    var rest: ContentDigest
    var quotes: ContentDigest

    init(rest: ContentDigest, quotes: ContentDigest) {
        self.rest = rest
        self.quotes = quotes
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
        w.write(summary)
        rest = ContentDigest.of(w.bytes)
        var q = ByteWriter()
        q.write(UInt64(analyzed.quotes.count))
        for quote in analyzed.quotes {
            q.write(quote.speaker)
            q.write(quote.text)
            q.write(quote.paragraph)
        }
        quotes = ContentDigest.of(q.bytes)
    }
}
