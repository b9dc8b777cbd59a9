import ParleyCore

/// The normalized Markdown of an article: YAML front matter with what Parley found,
/// then the cleaned body with the first mention of each person and event linked
/// (Wikipedia's convention).
public struct ArticleMarkdown: Sendable {
    /// Where a person's or event's page is, relative to the article page; nil: no link.
    public typealias Linker = @Sendable (EntityKind, String) -> String?

    public let article: AnalyzedArticle
    private let linker: Linker

    public init(_ article: AnalyzedArticle, linker: @escaping Linker) {
        self.article = article
        self.linker = linker
    }

    /// The whole page: front matter, blank line, body.
    public var document: String {
        Self.compose(frontMatter: frontMatter, paragraphs: paragraphs)
    }

    public static func compose(frontMatter: String, paragraphs: [String]) -> String {
        "---\n" + frontMatter + "---\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }

    public var frontMatter: String {
        let a = article.article
        var yaml = YAMLWriter()
        yaml.field("title", a.title)
        yaml.field("date", a.date.day?.iso)
        yaml.field("date_status", a.date.status.rawValue)
        yaml.field("source", a.outlet)
        yaml.field("dateline", a.dateline?.raw)
        yaml.field("dateline_places", a.dateline?.places ?? [])
        yaml.field("people", article.people.map(\.person.name))
        yaml.field("events", article.events.map(\.name))
        yaml.field("places", article.places)
        yaml.field("organizations", article.organizations)
        yaml.field("contributors", a.contributors)
        yaml.field("corrections", a.corrections)
        let names = Dictionary(article.people.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { x, _ in x })
        yaml.field("quotes", records: article.quotes.map { [("speaker", names[$0.speaker] ?? $0.speaker), ("text", $0.text)] })
        yaml.field("original", a.source.path)
        return yaml.text
    }

    /// One Markdown block per paragraph of the article, in order.
    public var paragraphs: [String] {
        let a = article.article
        let isMarkdown = a.source.format == .markdown
        var linked = Set<LinkedEntity>()
        var byParagraph: [Int: [Mention]] = [:]
        for mention in article.mentions where mention.kind == .person || mention.kind == .event {
            byParagraph[mention.paragraph, default: []].append(mention)
        }
        return a.paragraphs.enumerated().map { index, paragraph in
            var text = paragraph.text
            return text.withUTF8 { bytes in
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count + 64)
                var cursor = 0
                for mention in (byParagraph[index] ?? []).sorted(by: { $0.start < $1.start }) {
                    let key = LinkedEntity(kind: mention.kind, entity: mention.entity)
                    guard !linked.contains(key), mention.start >= cursor, mention.end <= bytes.count,
                          mention.start < mention.end,
                          let href = linker(mention.kind, mention.entity),
                          !isMarkdown || Self.isPlainTextPosition(bytes, mention.start)
                    else { continue }
                    linked.insert(key)
                    Self.append(bytes, cursor..<mention.start, markdown: isMarkdown, startsLine: cursor == 0, endsLine: false, to: &out)
                    out.append(UInt8(ascii: "["))
                    Self.append(bytes, mention.start..<mention.end, markdown: isMarkdown, startsLine: false, endsLine: false, to: &out)
                    out.append(contentsOf: "](".utf8)
                    out.append(contentsOf: MarkdownEscaper.linkDestination(href).utf8)
                    out.append(UInt8(ascii: ")"))
                    cursor = mention.end
                }
                Self.append(bytes, cursor..<bytes.count, markdown: isMarkdown, startsLine: cursor == 0, endsLine: true, to: &out)
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// A person or event already linked in the article.
    private struct LinkedEntity: Hashable {
        let kind: EntityKind
        let entity: String
    }

    /// `bytes[range]` as Markdown: as it is in an editor's Markdown, escaped in plain text.
    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, markdown: Bool, startsLine: Bool, endsLine: Bool,
                               to out: inout [UInt8]) {
        let piece = UnsafeBufferPointer(rebasing: bytes[range])
        if markdown {
            out.append(contentsOf: piece)
        } else {
            MarkdownEscaper.escape(piece, atLineStart: startsLine, atLineEnd: endsLine, into: &out)
        }
    }

    /// In an editor's Markdown, a link may only be added outside existing links and code spans.
    static func isPlainTextPosition(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        var depth = 0, ticks = 0, escaped = false
        for b in bytes[..<offset] {
            if escaped { escaped = false; continue }
            switch b {
            case UInt8(ascii: "\\"): escaped = true
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: "`"): ticks += 1
            case UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: ">"): depth = max(0, depth - 1)
            default: break
            }
        }
        return depth == 0 && ticks % 2 == 0
    }
}
