import ParleyCore

/// One article of the site, with its page address.
public struct ArticleEntry: Sendable {
    public var analyzed: AnalyzedArticle
    public var slug: String

    public var article: NormalizedArticle { analyzed.article }
    /// Path of the page from the site root: `articles/<slug>/index.html`.
    public var path: String { "articles/\(slug)/index.html" }
    public var folder: String { "articles/\(slug)/" }
    /// The normalized Markdown beside the page.
    public var markdownPath: String { folder + "index.md" }
}

/// A person and everything the site knows of them.
public struct PersonEntry: Sendable {
    public var person: Person
    /// Indexes into `Library.articles` (which is newest first), ascending.
    public var articles: [Int] = []
    /// Roles seen in articles, each with the articles that give it.
    public var roles: [(role: String, articles: [Int])] = []
    public var quotes: [(article: Int, quote: Quote)] = []
    /// People named in the same articles, most often first.
    public var companions: [(person: String, count: Int)] = []
    public var events: [String] = []

    public var folder: String { "people/\(person.id)/" }
    public var path: String { folder + "index.html" }
}

/// An event and everything the site knows of it.
public struct EventEntry: Sendable {
    public var event: Event
    public var articles: [Int] = []
    /// Person ids: registry participants and people named in its articles.
    public var people: [String] = []

    public var folder: String { "events/\(event.id)/" }
    public var path: String { folder + "index.html" }
}

/// The central library of the site: every article, person and event, cross-indexed.
/// Built once from the analyzed articles; every page is rendered from it.
public struct Library: Sendable {
    /// Newest first; undated articles last. Ties by title, then source path.
    public private(set) var articles: [ArticleEntry]
    /// Sorted by name.
    public private(set) var people: [PersonEntry]
    /// Chronological; undated events last.
    public private(set) var events: [EventEntry]
    /// Outlets (TASS, Reuters, …) with their articles, sorted by name.
    public private(set) var outlets: [CollectionEntry] = []
    /// Places articles are datelined in or name, sorted by name.
    public private(set) var places: [CollectionEntry] = []
    public private(set) var diagnostics: [Diagnostic] = []

    private var personIndex: [String: Int] = [:]
    private var eventIndex: [String: Int] = [:]
    private var outletIndex: [String: Int] = [:]
    private var placeIndex: [String: Int] = [:]

    public init(articles analyzed: [AnalyzedArticle], registry: Registry) {
        // Slugs are given in the order of source paths, so they are stable from build to build.
        var taken = Set<String>()
        var slugged: [ArticleEntry] = []
        var diagnostics: [Diagnostic] = []
        for item in analyzed.sorted(by: { $0.article.source.path < $1.article.source.path }) {
            let requested = item.article.source.frontMatter?.slug
            let base = Slug.make(requested ?? item.article.title, fallback: Slug.make(item.article.source.stem, fallback: "article"))
            if let requested, base != requested {
                diagnostics.append(Diagnostic(.warning, step: "site", file: item.article.source.path,
                                              "slug '\(requested)' is not a safe address; using '\(base)'"))
            }
            let slug = Slug.unique(base, in: &taken)
            slugged.append(ArticleEntry(analyzed: item, slug: slug))
        }
        articles = slugged.sorted(by: Library.newestFirst)

        // People: the registry first, then people found only in the text.
        var people: [String: PersonEntry] = [:]
        for person in registry.people where people[person.id] == nil {
            people[person.id] = PersonEntry(person: person)
        }
        var eventsByID: [String: EventEntry] = [:]
        for event in registry.events where eventsByID[event.id] == nil {
            eventsByID[event.id] = EventEntry(event: event)
        }
        var roles: [String: [String: [Int]]] = [:]
        var companions: [String: [String: Int]] = [:]
        var personEvents: [String: Set<String>] = [:]
        for (index, entry) in articles.enumerated() {
            let analyzed = entry.analyzed
            for seen in analyzed.people {
                let id = seen.person.id
                if people[id] == nil { people[id] = PersonEntry(person: seen.person) }
                people[id]!.articles.append(index)
                for role in seen.roles { roles[id, default: [:]][role, default: []].append(index) }
                for other in analyzed.people where other.person.id != id {
                    companions[id, default: [:]][other.person.id, default: 0] += 1
                }
                for event in analyzed.events { personEvents[id, default: []].insert(event.id) }
            }
            for quote in analyzed.quotes where people[quote.speaker] != nil {
                people[quote.speaker]!.quotes.append((index, quote))
            }
            for event in analyzed.events {
                if eventsByID[event.id] == nil { eventsByID[event.id] = EventEntry(event: event) }
                eventsByID[event.id]!.articles.append(index)
            }
        }
        for (id, byRole) in roles {
            people[id]?.roles = byRole.map { (role: $0.key, articles: $0.value) }
                .sorted { ($0.articles.count, $1.role) > ($1.articles.count, $0.role) }
        }
        for (id, counts) in companions {
            people[id]?.companions = counts.map { (person: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.person < $1.person }
        }
        for (id, var entry) in eventsByID {
            var involved = entry.event.participants.filter { people[$0] != nil }
            var seenIDs = Set(involved)
            for index in entry.articles {
                for seen in articles[index].analyzed.people where seenIDs.insert(seen.person.id).inserted {
                    involved.append(seen.person.id)
                }
            }
            entry.people = involved
            eventsByID[id] = entry
            for participant in entry.event.participants where people[participant] != nil {
                personEvents[participant, default: []].insert(id)
            }
        }
        for (id, events) in personEvents {
            people[id]?.events = events.sorted { a, b in
                Library.chronological(eventsByID[a]?.event, eventsByID[b]?.event)
            }
        }
        for event in registry.events {
            for participant in event.participants where people[participant] == nil {
                diagnostics.append(Diagnostic(.warning, step: "site", file: "events.yml",
                                              "event '\(event.name)' lists participant '\(participant)', who is not in people.yml"))
            }
        }
        let paths = articles.map(\.article.source.path)
        for entry in people.values where !entry.person.inRegistry {
            guard let first = entry.articles.map({ paths[$0] }).min() else { continue }
            diagnostics.append(Diagnostic(.warning, step: "entities", file: first,
                                          "\(entry.person.name) is not in people.yml (named in \(counted(entry.articles.count, "article"))); `parley entities --unknown` prints an entry to add"))
        }
        self.people = people.values.sorted { ($0.person.name, $0.person.id) < ($1.person.name, $1.person.id) }
        self.events = eventsByID.values.sorted { Library.chronological($0.event, $1.event) }
        self.diagnostics = diagnostics
        for (i, p) in self.people.enumerated() { personIndex[p.person.id] = i }
        for (i, e) in self.events.enumerated() { eventIndex[e.event.id] = i }
        outlets = Library.outlets(of: articles)
        places = Library.places(of: articles)
        for (i, o) in outlets.enumerated() { outletIndex[o.name] = i }
        for (i, p) in places.enumerated() { placeIndex[p.name] = i }
    }

    public func person(_ id: String) -> PersonEntry? { personIndex[id].map { people[$0] } }
    public func event(_ id: String) -> EventEntry? { eventIndex[id].map { events[$0] } }
    public func outlet(_ name: String) -> CollectionEntry? { outletIndex[name.trimmed].map { outlets[$0] } }
    public func place(_ name: String) -> CollectionEntry? { placeIndex[name.trimmed].map { places[$0] } }
    /// The outlets or the places.
    public func collections(_ kind: CollectionKind) -> [CollectionEntry] {
        switch kind {
        case .source: outlets
        case .place: places
        }
    }

    static func newestFirst(_ a: ArticleEntry, _ b: ArticleEntry) -> Bool {
        switch (a.article.date.day, b.article.date.day) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.article.title != b.article.title { return a.article.title < b.article.title }
            return a.article.source.path < b.article.source.path
        }
    }

    static func chronological(_ a: Event?, _ b: Event?) -> Bool {
        switch (a?.start, b?.start) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a?.name ?? "", a?.id ?? "") < (b?.name ?? "", b?.id ?? "")
        }
    }
}
