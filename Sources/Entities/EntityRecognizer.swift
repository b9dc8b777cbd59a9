import ParleyCore

/// Finds people, events, places, organizations and quotes in a normalized article,
/// resolved against the registry. Pure: no I/O.
public struct EntityRecognizer: Sendable {
    public let registry: Registry

    public init(registry: Registry) {
        self.registry = registry
    }

    public func analyze(_ article: NormalizedArticle) -> AnalyzedArticle {
        var mentions: [Mention] = []
        var order: [String] = []
        var counts: [String: Int] = [:]
        for (index, paragraph) in article.paragraphs.enumerated() {
            let bytes = Array(paragraph.text.utf8)
            for person in registry.people {
                for name in [person.name] + person.aliases {
                    let needle = Array(name.utf8)
                    guard !needle.isEmpty, needle.count <= bytes.count else { continue }
                    var i = 0
                    while i + needle.count <= bytes.count {
                        if bytes[i..<(i + needle.count)].elementsEqual(needle) {
                            mentions.append(Mention(kind: .person, entity: person.id, paragraph: index,
                                                    start: i, end: i + needle.count, text: name))
                            if counts[person.id] == nil { order.append(person.id) }
                            counts[person.id, default: 0] += 1
                            i += needle.count
                        } else {
                            i += 1
                        }
                    }
                }
            }
        }
        mentions.sort { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) }
        let byID = Dictionary(registry.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let people = order.compactMap { id in byID[id].map { PersonInArticle(person: $0, mentions: counts[id] ?? 0) } }
        return AnalyzedArticle(article: article, people: people, mentions: mentions)
    }
}
