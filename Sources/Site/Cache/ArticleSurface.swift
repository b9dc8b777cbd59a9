import ParleyCore
import Render

/// What pages other than an article's own show of it, and what the library makes of it: its
/// analysis but for the text of its paragraphs and where in them each mention stands, plus its
/// summary. An edit that leaves this digest as it was (a paragraph added or reworded, naming no
/// one new, quoting no one, past the summary) changes the article's own page and nothing else:
/// the library, every list, person, event and place page, feed and the sitemap are the same.
///
/// Which paragraph a mention is in stays in: an event's page shows the quotes next to the
/// paragraphs naming it. Over-approximating is fine (the build then reads the whole library);
/// leaving out something another page shows is not.
enum ArticleSurface {
    static func digest(_ analyzed: AnalyzedArticle, summary: String, registry: RegistryIndex) -> ContentDigest {
        var surface = analyzed
        surface.article.paragraphs = []
        surface.mentions = analyzed.mentions.map {
            Mention(kind: $0.kind, entity: $0.entity, paragraph: $0.paragraph, start: 0, end: 0)
        }
        var w = ByteWriter()
        w.write(surface, registry: registry)
        w.write(summary)
        return ContentDigest.of(w.bytes)
    }
}
