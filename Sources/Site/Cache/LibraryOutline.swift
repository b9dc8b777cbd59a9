import ParleyCore
import Render

/// What the library of the last build held besides its articles' analyses: each person's and
/// event's lists of articles (by their place in the library), roles, companions and events, each
/// quote's place (the article and which of its quotes), the outlets and places with their
/// articles, the library's diagnostics, and the articles each article's page links to.
///
/// A build of surface edits (`SurfaceEdits`: an article's quotes or summary changed) renders
/// the pages showing them from it: the library is made again from the outline, with the
/// analyses of the articles those pages show read from the cache and the other articles stood
/// in for (`ArticleEntry.standIn`), instead of reading every analysis of the archive and
/// gathering the library again. Kept in the cache for the identity of the pages
/// (`PageManifest.identity`) and the surfaces of the articles but their summaries and the words
/// of their quotes (`key`): a body edit leaves it right, and so does an edit of a summary or of
/// a quote's words. A process that builds again and again (`parley serve`)
/// keeps it in memory too.
struct LibraryOutline: Sendable {
    /// The library's people (their quotes left empty) and, by the same index, their quotes.
    var people: [PersonEntry]
    var quotes: [[QuoteRef]]
    var events: [EventEntry]
    var outlets: [CollectionEntry]
    var places: [CollectionEntry]
    var diagnostics: [Diagnostic]
    /// By article: the articles its page links to (`Library.links(of:)`).
    var links: [ArticleLinks]

    /// A quote of a person: the article (its place in the library) and which of its quotes.
    struct QuoteRef: Sendable, Equatable {
        var article: Int
        var ordinal: Int
    }

    /// `links`: each article's, in library order.
    init(_ library: Library, links: [ArticleLinks]) {
        self.links = links
        var people = library.people
        quotes = people.indices.map { i in
            people[i].quotes.map { found in
                QuoteRef(article: found.article, ordinal: library.articles[found.article].quotes.firstIndex(of: found.quote) ?? 0)
            }
        }
        for i in people.indices { people[i].quotes = [] }
        self.people = people
        events = library.events
        outlets = library.outlets
        places = library.places
        diagnostics = library.diagnostics
    }

    /// The quotes of the article at `index` of the library, as an edit left them: where each
    /// speaker's list has them. False (and the outline unchanged) when a quote's speaker is not
    /// one of `named` (the article's people): whether the library gives such a quote to someone
    /// named in other articles is not told here.
    mutating func replaceQuotes(of index: Int, with new: [Quote], named: Set<String>) -> Bool {
        var position: [String: Int] = [:]
        for (i, entry) in people.enumerated() { position[entry.person.id] = i }
        guard new.allSatisfy({ named.contains($0.speaker) && position[$0.speaker] != nil }) else { return false }
        for i in quotes.indices { quotes[i].removeAll { $0.article == index } }
        for (ordinal, quote) in new.enumerated() {
            let i = position[quote.speaker]!
            let at = quotes[i].firstIndex { $0.article > index } ?? quotes[i].count
            // After this article's quotes already put back, which come before it in the article.
            quotes[i].insert(QuoteRef(article: index, ordinal: ordinal), at: at)
        }
        return true
    }

    // MARK: The file

    static let file = "library.bin"
    private static let kind = "parley library 2"

    /// What the outline of a library depends on besides the pages' identity: each article's
    /// address, surface but its summary and quotes, and the speakers of its quotes, in library
    /// order. An edit of a quote's words or of a summary leaves it as it was.
    static func key(identity: ContentDigest, articles: [PageManifest.ArticleState]) -> ContentDigest {
        var w = ByteWriter()
        w.write(identity)
        w.write(UInt64(articles.count))
        for article in articles {
            w.write(article.path)
            w.write(article.page)
            w.write(article.surface.rest)
            w.write(article.surface.speakers)
        }
        return ContentDigest.of(w.bytes)
    }

    func save(_ cache: BuildCache, key: ContentDigest) throws(WriteError) {
        var w = ByteWriter()
        w.write(key)
        w.write(UInt64(people.count))
        for (entry, refs) in zip(people, quotes) {
            w.write(entry.person)
            Self.write(entry.articles, &w)
            w.write(UInt64(entry.roles.count))
            for role in entry.roles {
                w.write(role.role)
                Self.write(role.articles, &w)
            }
            w.write(UInt64(refs.count))
            for ref in refs {
                w.write(ref.article)
                w.write(ref.ordinal)
            }
            w.write(UInt64(entry.companions.count))
            for companion in entry.companions {
                w.write(companion.person)
                w.write(companion.count)
            }
            w.write(entry.events)
        }
        w.write(UInt64(events.count))
        for entry in events {
            w.write(entry.event)
            Self.write(entry.articles, &w)
            w.write(entry.people)
        }
        for collections in [outlets, places] {
            w.write(UInt64(collections.count))
            for entry in collections {
                w.write(entry.name)
                w.write(entry.slug)
                Self.write(entry.articles, &w)
            }
        }
        w.write(diagnostics)
        w.write(UInt64(links.count))
        for article in links {
            Self.write(article.alsoReported, &w)
            Self.write(article.related, &w)
            w.write(article.older)
            w.write(article.newer)
        }
        do throws(WriteError) {
            try cache.prepare()
            try CacheFile.write(cache.path(Self.file), kind: Self.kind, w.bytes)
            cache.memory?.keep(self, key: key)
        } catch {
            cache.memory?.keep(nil, key: key)
            throw error
        }
    }

    /// The outline kept for `key`; nil when there is none, or it is damaged.
    static func load(_ cache: BuildCache, key: ContentDigest) -> LibraryOutline? {
        if let kept = cache.memory?.outline(key: key) { return kept }
        guard var r = CacheFile.read(cache.path(file), kind: kind) else { return nil }
        do throws(ByteReader.Damaged) {
            guard try r.readDigest() == key else { return nil }
            var people: [PersonEntry] = []
            var quotes: [[QuoteRef]] = []
            let count = try r.readCount()
            people.reserveCapacity(count)
            quotes.reserveCapacity(count)
            for _ in 0..<count {
                var entry = PersonEntry(person: try r.readPerson())
                entry.articles = try readInts(&r)
                entry.roles = try r.readArray { r throws(ByteReader.Damaged) in (role: try r.readString(), articles: try readInts(&r)) }
                quotes.append(try r.readArray { r throws(ByteReader.Damaged) in QuoteRef(article: try r.readInt(), ordinal: try r.readInt()) })
                entry.companions = try r.readArray { r throws(ByteReader.Damaged) in (person: try r.readString(), count: try r.readInt()) }
                entry.events = try r.readStrings()
                people.append(entry)
            }
            let events = try r.readArray { r throws(ByteReader.Damaged) in
                var entry = EventEntry(event: try r.readEvent())
                entry.articles = try readInts(&r)
                entry.people = try r.readStrings()
                return entry
            }
            var collections: [[CollectionEntry]] = []
            for kind in [CollectionKind.source, .place] {
                collections.append(try r.readArray { r throws(ByteReader.Damaged) in
                    CollectionEntry(name: try r.readString(), slug: try r.readString(), articles: try readInts(&r), kind: kind)
                })
            }
            let diagnostics = try r.readDiagnostics()
            let links = try r.readArray { r throws(ByteReader.Damaged) in
                ArticleLinks(alsoReported: try readInts(&r), related: try readInts(&r), older: try r.readOptionalInt(), newer: try r.readOptionalInt())
            }
            guard r.atEnd else { return nil }
            return LibraryOutline(people: people, quotes: quotes, events: events, outlets: collections[0], places: collections[1],
                                  diagnostics: diagnostics, links: links)
        } catch {
            return nil
        }
    }

    private init(people: [PersonEntry], quotes: [[QuoteRef]], events: [EventEntry], outlets: [CollectionEntry],
                 places: [CollectionEntry], diagnostics: [Diagnostic], links: [ArticleLinks]) {
        (self.people, self.quotes, self.events, self.outlets, self.places) = (people, quotes, events, outlets, places)
        (self.diagnostics, self.links) = (diagnostics, links)
    }

    private static func write(_ values: [Int], _ w: inout ByteWriter) {
        w.write(UInt64(values.count))
        for value in values { w.write(value) }
    }

    private static func readInts(_ r: inout ByteReader) throws(ByteReader.Damaged) -> [Int] {
        try r.readArray { r throws(ByteReader.Damaged) in try r.readInt() }
    }
}
