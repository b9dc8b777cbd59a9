import ParleyCore

/// Turns a source article into a normalized one: boilerplate out, metadata found,
/// text in paragraphs. Pure: no I/O, no clock.
public struct Normalizer: Sendable {
    /// Known places (canonical name and spellings), used to name dateline places.
    public let places: [NamedEntity]

    public init(places: [NamedEntity] = []) {
        self.places = places
    }

    public func normalize(_ source: SourceArticle) -> NormalizedArticle {
        var paragraphs: [Paragraph] = []
        var line = source.bodyStartLine
        var current: [String] = []
        var currentLine = line
        for raw in source.body.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = raw.trimmed
            if text.isEmpty {
                if !current.isEmpty { paragraphs.append(Paragraph(current.joined(separator: " "), line: currentLine)) }
                current = []
            } else {
                if current.isEmpty { currentLine = line }
                current.append(text)
            }
            line += 1
        }
        if !current.isEmpty { paragraphs.append(Paragraph(current.joined(separator: " "), line: currentLine)) }
        let fm = source.frontMatter
        let title = fm?.title ?? paragraphs.first?.text ?? source.stem
        let date = fm?.date.map { ArticleDate.exact($0, basis: "front matter") } ?? .undated
        return NormalizedArticle(source: source, title: title, date: date, outlet: fm?.source, paragraphs: paragraphs)
    }
}

