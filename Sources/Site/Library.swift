import ParleyCore

/// One article of the site, with its page address and what every page listing it shows.
///
/// Copied wherever a page lists the article, so everything is kept in one shared, immutable
/// object: a copy costs one reference count, not one per field of the analyzed article.
public struct ArticleEntry: Sendable {
    private final class Storage: Sendable {
        let analyzed: AnalyzedArticle
        let slug: String
        let path: String
        let folder: String
        let summary: String
        /// Set on an entry that stands in for an article whose analysis was not read
        /// (`standIn`): told whenever anything but its address is read.
        let probe: StandInProbe?

        init(analyzed: AnalyzedArticle, slug: String, summary: String?, probe: StandInProbe? = nil) {
            self.analyzed = analyzed
            self.slug = slug
            folder = "articles/\(slug)/"
            path = folder + "index.html"
            self.summary = summary ?? Summary.make(analyzed.article)
            self.probe = probe
        }

        /// The analysis, telling the probe of a stand-in it was read.
        var read: AnalyzedArticle {
            probe?.touch()
            return analyzed
        }
    }

    private let storage: Storage

    /// `summary`: the article's summary when it is known (from the build cache); made otherwise.
    init(analyzed: AnalyzedArticle, slug: String, summary: String? = nil) {
        storage = Storage(analyzed: analyzed, slug: slug, summary: summary)
    }

    /// An entry for the article at `slug` whose analysis is not at hand: its address is right,
    /// and reading anything else of it tells `probe` (and gives an empty article), so a page
    /// rendered from a partly read library (`LibraryOutline`) is known to be wrong.
    static func standIn(slug: String, probe: StandInProbe) -> ArticleEntry {
        ArticleEntry(storage: Storage(analyzed: StandInProbe.emptyArticle, slug: slug, summary: "", probe: probe))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// Whether this entry is a stand-in (`standIn`).
    var isStandIn: Bool { storage.probe != nil }

    public var analyzed: AnalyzedArticle { storage.read }
    /// Its people, quotes and events, read without copying the rest of the analysis.
    var people: [PersonInArticle] { storage.read.people }
    var quotes: [Quote] { storage.read.quotes }
    var events: [Event] { storage.read.events }
    var sourcePath: String { storage.read.article.source.path }
    public var slug: String { storage.slug }
    public var article: NormalizedArticle { storage.read.article }
    /// Path of the page from the site root: `articles/<slug>/index.html`.
    public var path: String { storage.path }
    public var folder: String { storage.folder }
    /// The normalized Markdown beside the page.
    public var markdownPath: String { folder + "index.md" }
    /// Its first sentences, for lists, descriptions and feeds (`Summary.make`), made once.
    public var summary: String {
        storage.probe?.touch()
        return storage.summary
    }
}

/// Told when a stand-in article entry (`ArticleEntry.standIn`) is read.
final class StandInProbe: Sendable {
    private let touched = Locked(false)

    func touch() { touched.withLock { $0 = true } }

    /// Whether a stand-in was read since the probe was made.
    var wasTouched: Bool { touched.withLock { $0 } }

    /// What a stand-in gives when read: an article with nothing in it.
    static let emptyArticle = AnalyzedArticle(article: NormalizedArticle(source: SourceArticle(path: "", format: .text, body: ""), title: "",
                                                                         paragraphs: []))
}

/// A person and everything the site knows of them.
public struct PersonEntry: Sendable {
    public let person: Person
    /// Indexes into `Library.articles` (which is newest first), ascending.
    public var articles: [Int] = []
    /// Roles seen in articles, each with the articles that give it.
    public var roles: [(role: String, articles: [Int])] = []
    public var quotes: [(article: Int, quote: Quote)] = []
    /// People named in the same articles, most often first.
    public var companions: [(person: String, count: Int)] = []
    public var events: [String] = []

    /// `people/<id>/`; stored, so reading it from `Library.people[i]` copies nothing else.
    public let folder: String
    public let path: String

    init(person: Person) {
        self.person = person
        folder = Self.folder(of: person.id)
        path = folder + "index.html"
    }

    /// The folder of the page of the person with this id.
    static func folder(of id: String) -> String { "people/\(id)/" }
}

/// An event and everything the site knows of it.
public struct EventEntry: Sendable {
    public let event: Event
    public var articles: [Int] = []
    /// Person ids: registry participants and people named in its articles.
    public var people: [String] = []

    /// `events/<id>/`; stored, so reading it from `Library.events[i]` copies nothing else.
    public let folder: String
    public let path: String

    init(event: Event) {
        self.event = event
        folder = Self.folder(of: event.id)
        path = folder + "index.html"
    }

    /// The folder of the page of the event with this id.
    static func folder(of id: String) -> String { "events/\(id)/" }
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

    /// Article cards made for pages of this library (`PageContexts.card`), kept for the others.
    let cardShelf = CardShelf()

    private var personIndex: [String: Int] = [:]
    private var eventIndex: [String: Int] = [:]
    private var outletIndex: [String: Int] = [:]
    private var placeIndex: [String: Int] = [:]

    /// `summaries`: each article's summary when it is known (from the build cache), by the
    /// index of `analyzed`; made otherwise.
    public init(articles analyzed: [AnalyzedArticle], registry: Registry, summaries: [String?] = []) {
        // Slugs are given in the order of source paths, so they are stable from build to build.
        var taken = SlugSet()
        var slugs = [String](repeating: "", count: analyzed.count)
        var diagnostics: [Diagnostic] = []
        // What decides each article's place in the library (its path among it), read once.
        let keys = analyzed.indices.map { Order(analyzed[$0].article) }
        let bySourcePath = analyzed.indices.sorted { keys[$0].path < keys[$1].path }
        // The slug each article asks for, on all cores; then made unique in order.
        let bases = parallelMap(bySourcePath) { index in
            let article = analyzed[index].article
            return Slug.make(article.source.frontMatter?.slug ?? article.title, fallback: Slug.make(article.source.stem, fallback: "article"))
        }
        for (index, base) in zip(bySourcePath, bases) {
            if let requested = analyzed[index].article.source.frontMatter?.slug, base != requested {
                diagnostics.append(Diagnostic(.warning, step: "site", file: analyzed[index].article.source.path,
                                              "slug '\(requested)' is not a safe address; using '\(base)'"))
            }
            slugs[index] = Slug.unique(base, in: &taken)
        }
        // Newest first, on the keys (not once per comparison); then the entries, which make the
        // summaries not known yet, on all cores. (Places are sorted, not the keys: moving a key
        // would count references to its strings.)
        let order = analyzed.indices.sorted { Order.newestFirst(keys[$0], keys[$1]) }
        let given = slugs
        articles = parallelMap(order) { index in
            ArticleEntry(analyzed: analyzed[index], slug: given[index], summary: index < summaries.count ? summaries[index] : nil)
        }
        // Outlets and places on another thread while people and events are gathered here.
        let listed = articles
        let collections = Pending { (outlets: Library.outlets(of: listed), places: Library.places(of: listed)) }

        // People: the registry first, then people found only in the text. Each person gets a
        // slot (a number) the first time they are met, so the counting below hashes an id once
        // per article instead of once per pair of people. This pass, in article order, does
        // only what order decides: slots, each person's articles and quotes (a quote counts
        // when its speaker was met by then), each event's articles.
        var slotOf: [String: Int] = [:]
        var found: [PersonEntry] = []
        func slot(_ person: Person) -> Int {
            if let known = slotOf[person.id] { return known }
            slotOf[person.id] = found.count
            found.append(PersonEntry(person: person))
            return found.count - 1
        }
        /// The slot of the person named at `position` in `people`, the person copied only when new.
        func slot(at position: Int, of people: [PersonInArticle]) -> Int {
            slotOf[people[position].person.id] ?? slot(people[position].person)
        }
        for person in registry.people { _ = slot(person) }
        var eventsByID: [String: EventEntry] = [:]
        for event in registry.events where eventsByID[event.id] == nil {
            eventsByID[event.id] = EventEntry(event: event)
        }
        // The slots of the people of each article, in the order they are named.
        var articleSlots: [[Int]] = []
        articleSlots.reserveCapacity(articles.count)
        for index in articles.indices {
            let people = articles[index].people
            let slots = people.indices.map { slot(at: $0, of: people) }
            articleSlots.append(slots)
            for mine in slots { found[mine].articles.append(index) }
            for quote in articles[index].quotes {
                if let speaker = slotOf[quote.speaker] { found[speaker].quotes.append((index, quote)) }
            }
            for event in articles[index].events {
                if eventsByID[event.id] == nil { eventsByID[event.id] = EventEntry(event: event) }
                eventsByID[event.id]!.articles.append(index)
            }
        }
        // Events in order once; a person's events are then sorted by their place in it.
        var events = Array(eventsByID.values)
        events.sort { Library.chronological($0.event, $1.event) }
        var eventPositions: [String: Int] = [:]
        for (i, e) in events.enumerated() { eventPositions[e.event.id] = i }
        var participations = [[Int]](repeating: [], count: found.count)
        for (position, entry) in events.enumerated() {
            for participant in entry.event.participants {
                if let mine = slotOf[participant] { participations[mine].append(position) }
            }
        }
        // Then each person's roles, companions and events, and each event's people, on all
        // cores: each from the articles that name them.
        let gathered = Gathered(articles: articles, slots: articleSlots, found: found)
        let (participating, positions) = (participations, eventPositions)
        let details = parallelMap(Array(found.indices)) { mine in
            gathered.details(of: mine, participations: participating[mine], eventPositions: positions)
        }
        for (mine, detail) in details.enumerated() {
            // The lists were built by appending; the library keeps them until the site is written.
            found[mine].articles = detail.articles
            found[mine].quotes = detail.quotes
            found[mine].roles = detail.roles
            found[mine].companions = detail.companions
            found[mine].events = detail.events.map { events[$0].event.id }
        }
        let ordered = events, known = slotOf
        let involved = parallelMap(Array(events.indices)) { position in
            (gathered.people(of: ordered[position], slotOf: known).compacted(), ordered[position].articles.compacted())
        }
        for position in events.indices { (events[position].people, events[position].articles) = involved[position] }
        for event in registry.events {
            for participant in event.participants where slotOf[participant] == nil {
                diagnostics.append(Diagnostic(.warning, step: "site", file: "events.yml",
                                              "event '\(event.name)' lists participant '\(participant)', who is not in people.yml"))
            }
        }
        let paths = articles.map(\.sourcePath)
        for entry in found where !entry.person.inRegistry {
            guard let first = entry.articles.map({ paths[$0] }).min() else { continue }
            diagnostics.append(Diagnostic(.warning, step: "entities", file: first,
                                          "\(entry.person.name) is not in people.yml (named in \(counted(entry.articles.count, "article"))); `parley entities --unknown` prints an entry to add"))
        }
        // People by name: their places sorted, each entry then moved once.
        let byName = found.indices.sorted { (found[$0].person.name, found[$0].person.id) < (found[$1].person.name, found[$1].person.id) }
        self.people = byName.map { found[$0] }
        self.events = events
        self.diagnostics = diagnostics
        for (i, p) in self.people.enumerated() { personIndex[p.person.id] = i }
        eventIndex = eventPositions
        (outlets, places) = collections.take()
        for (i, o) in outlets.enumerated() { outletIndex[o.name] = i }
        for (i, p) in places.enumerated() { placeIndex[p.name] = i }
    }

    /// The library `outline` describes, with `articles` in its order (`LibraryOutline`): the
    /// entries of the articles read, and stand-ins (`ArticleEntry.standIn`) for the others. A
    /// person's quotes are those of the articles read (a page shows the quotes of the articles
    /// it lists, which must be read).
    init(outline: LibraryOutline, articles: [ArticleEntry]) {
        self.articles = articles
        var people = outline.people
        for (i, refs) in outline.quotes.enumerated() {
            people[i].quotes = refs.compactMap { ref in
                let entry = articles[ref.article]
                guard !entry.isStandIn else { return nil }
                let quotes = entry.quotes
                return ref.ordinal < quotes.count ? (ref.article, quotes[ref.ordinal]) : nil
            }
        }
        self.people = people
        events = outline.events
        outlets = outline.outlets
        places = outline.places
        diagnostics = outline.diagnostics
        for (i, p) in people.enumerated() { personIndex[p.person.id] = i }
        for (i, e) in events.enumerated() { eventIndex[e.event.id] = i }
        for (i, o) in outlets.enumerated() { outletIndex[o.name] = i }
        for (i, p) in places.enumerated() { placeIndex[p.name] = i }
    }

    /// The articles with the people each names (by slot), and each person's articles, as
    /// gathered in article order.
    private struct Gathered: Sendable {
        let articles: [ArticleEntry]
        let slots: [[Int]]
        let found: [PersonEntry]

        /// A person's roles (most often given first), companions (most often named with
        /// first) and events (by their place in the library's list), from the articles that
        /// name them: each place the person holds in an article counts.
        func details(of mine: Int, participations: [Int], eventPositions: [String: Int])
            -> (articles: [Int], quotes: [(article: Int, quote: Quote)], roles: [(role: String, articles: [Int])],
                companions: [(person: String, count: Int)], events: [Int]) {
            var roles: [String: [Int]] = [:]
            var companions: [Int: Int] = [:]
            var events = Set(participations)
            var last = -1
            // An article naming the person twice is in their list twice: walked once.
            for index in found[mine].articles where index != last {
                last = index
                let slots = self.slots[index]
                let article = articles[index]
                for (position, slot) in slots.enumerated() where slot == mine {
                    for role in article.people[position].roles { roles[role, default: []].append(index) }
                    for other in slots where other != mine { companions[other, default: 0] += 1 }
                    for event in article.events {
                        if let place = eventPositions[event.id] { events.insert(place) }
                    }
                }
            }
            return (found[mine].articles.compacted(), found[mine].quotes.compacted(),
                    roles.map { (role: $0.key, articles: $0.value.compacted()) }
                        .sorted { ($0.articles.count, $1.role) > ($1.articles.count, $0.role) },
                    companions.map { (person: found[$0.key].person.id, count: $0.value) }
                        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.person < $1.person },
                    events.sorted())
        }

        /// The people of an event: its registry participants, then the people of its
        /// articles in the order they are named.
        func people(of entry: EventEntry, slotOf: [String: Int]) -> [String] {
            var involved = entry.event.participants.filter { slotOf[$0] != nil }
            var seenSlots = Set(involved.map { slotOf[$0]! })
            for index in entry.articles {
                for other in slots[index] where seenSlots.insert(other).inserted {
                    involved.append(found[other].person.id)
                }
            }
            return involved
        }
    }

    public func person(_ id: String) -> PersonEntry? { personIndex[id].map { people[$0] } }
    /// Where the person is in `people`: read fields through it (`people[i].person.name`)
    /// rather than copy the whole entry with `person(_:)`.
    func personPosition(_ id: String) -> Int? { personIndex[id] }
    func eventPosition(_ id: String) -> Int? { eventIndex[id] }
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

    /// What places an article in the library's list: newest first, undated last, ties by
    /// title, then source path.
    private struct Order: Sendable {
        let day: Day?
        let title: String
        let path: String

        init(_ article: NormalizedArticle) {
            day = article.date.day
            title = article.title
            path = article.source.path
        }

        static func newestFirst(_ a: Order, _ b: Order) -> Bool {
            switch (a.day, b.day) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                if a.title != b.title { return a.title < b.title }
                return a.path < b.path
            }
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
