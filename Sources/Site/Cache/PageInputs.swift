import ParleyCore
import Render

/// What a page is made from, as one digest, worked out without building its context: the
/// digests of the analyses of the articles it shows, the cards of the articles it lists, and
/// the names, addresses and countries of the people, events, places and outlets it links to.
/// With the same theme, settings, registries and code (`PageManifest.identity`), a page whose
/// inputs have the same digest as in the last build is the same page, and is not rendered again.
///
/// A page of a paginated list depends on the articles shown on that page and on the length of
/// the list, not on the rest of it, so an edit to one article renders one page of each list it
/// is in (unless it moves in the list: then the pages after it shift too). A list that shows
/// only cards (home, outlet, place pages; related articles) depends on the cards alone, so an
/// edit the card does not show renders none of them. Pages that gather the whole library
/// (timeline, indexes) depend on what they show of every entry.
///
/// Over-approximating is fine (a page rendered again for nothing costs time, not correctness);
/// missing an input is not, so `IncrementalBuildTests` edits articles in every way a page can
/// show and compares with a full build.
struct PageInputs: Sendable {
    let library: Library
    /// Per article (library index): its address, the digest of its analysis, and the people
    /// and events it links to as they are named and found.
    private let articles: [ContentDigest]
    /// Per article: the digest of its card, as listed on other pages (its facts where the card
    /// could not be digested).
    private let cards: [ContentDigest]
    /// Per person and per event of the library: the digest of its registry record (a link to it
    /// shows its name and address; a page shows more of it), written for each link in its place.
    private let people: [ContentDigest]
    private let events: [ContentDigest]

    init(library: Library, articleDigests: [ContentDigest], cardDigests: [ContentDigest]) {
        self.library = library
        people = library.people.indices.map { i in Self.digest { $0.write(library.people[i].person) } }
        events = library.events.indices.map { i in Self.digest { $0.write(library.events[i].event) } }
        let (people, events) = (people, events)
        let articles = parallelMap(Array(library.articles.indices)) { index in
            Self.articleFacts(index, library: library, analysis: articleDigests[index], people: people, events: events)
        }
        self.articles = articles
        cards = cardDigests
    }

    /// `links`: what `Library.links(of:)` gives for an article's page, when the caller has it.
    func digest(_ job: SiteRenderer.Job, paths: [String], links: ArticleLinks? = nil) -> ContentDigest {
        var w = ByteWriter()
        w.write(paths)
        switch job {
        case .article(let index):
            w.write("article")
            w.write(articles[index])
            let links = links ?? library.links(of: index)
            let (older, newer) = (links.older.map { [$0] } ?? [], links.newer.map { [$0] } ?? [])
            for (label, list) in [("also", links.alsoReported), ("related", links.related), ("older", older), ("newer", newer)] {
                w.write(label)
                w.write(UInt64(list.count))
                for other in list { w.write(cards[other]) }
            }
            let a = library.articles[index].analyzed
            w.write(a.article.outlet.flatMap { library.outlet($0)?.path })
            for place in a.places { w.write(library.place(place)?.path) }
        case let .person(index, page):
            let entry = library.people[index]
            w.write("person")
            w.write(people[index])
            // The quotes of the articles shown are on the page, so their analyses count.
            writeListPage(page, of: entry, facts: articles, &w)
            guard page == 1 else { break }
            for role in entry.roles {
                w.write(role.role)
                w.write(UInt64(role.articles.count))
                for article in role.articles {
                    w.write(library.articles[article].path)
                    w.write(library.articles[article].article.title)
                }
            }
            for companion in entry.companions.prefix(12) {
                w.write(companion.count)
                Self.link(companion.person, at: library.personPosition(companion.person), people, &w)
            }
            for event in entry.events { Self.link(event, at: library.eventPosition(event), events, &w) }
        case let .event(index, page):
            let entry = library.events[index]
            w.write("event")
            w.write(events[index])
            w.write(entry.event.place.flatMap { library.place($0)?.path })
            writeListPage(page, of: entry, facts: articles, &w)
            for id in entry.people { Self.link(id, at: library.personPosition(id), people, &w) }
        case let .collection(kind, index, page):
            let entry = library.collections(kind)[index]
            w.write("collection \(kind.section)")
            w.write(entry.name)
            writeListPage(page, of: entry, facts: cards, &w)
        case .home(let page):
            w.write("home")
            w.write(page)
            w.write(library.articles.count)
            for index in PageContexts.homePages(library).range(page) { w.write(cards[index]) }
        case .timeline:
            // Every article as its card shows it (title, address, date, outlet, dateline) and
            // every event, in library order.
            w.write("timeline")
            w.write(UInt64(cards.count))
            for card in cards { w.write(card) }
            for entry in library.events { Self.link(entry.event.id, at: library.eventPosition(entry.event.id), events, &w) }
        case .people:
            w.write("people")
            // Read in place (`library.people[i].…`): copying a whole entry costs a count per array.
            for i in library.people.indices {
                w.write(people[i])
                w.write(library.people[i].path)
                w.write(library.people[i].articles.count)
                w.write(library.people[i].roles.first?.role)
            }
        case .events:
            w.write("events")
            for entry in library.events {
                Self.link(entry.event.id, at: library.eventPosition(entry.event.id), events, &w)
                w.write(entry.articles.count)
            }
        case .collectionIndex(let kind):
            w.write("collections \(kind.section)")
            for entry in library.collections(kind) {
                w.write(entry.name)
                w.write(entry.path)
                w.write(entry.articles.count)
            }
        case .notFound:
            w.write("404")
        }
        return ContentDigest.of(w.bytes)
    }

    /// Page `page` of a paginated list of articles: its number, the length of the list, and
    /// `facts` of the articles shown on it, in order.
    private func writeListPage(_ page: Int, of list: some PagedArticleList, facts: [ContentDigest], _ w: inout ByteWriter) {
        w.write(page)
        w.write(UInt64(list.articles.count))
        for index in list.articles[Pagination(of: list).range(page)] { w.write(facts[index]) }
    }

    /// The Atom feed beside a person's or an event's page: the entries of its newest articles.
    func feedDigest(path: String, articles indices: ArraySlice<Int>) -> ContentDigest {
        var w = ByteWriter()
        w.write("feed")
        w.write(path)
        w.write(UInt64(indices.count))
        for index in indices { w.write(articles[index]) }
        return ContentDigest.of(w.bytes)
    }

    private static func articleFacts(_ index: Int, library: Library, analysis: ContentDigest,
                                     people: [ContentDigest], events: [ContentDigest]) -> ContentDigest {
        let entry = library.articles[index]
        var w = ByteWriter()
        w.write(entry.path)
        w.write(analysis)
        for seen in entry.analyzed.people { Self.link(seen.person.id, at: library.personPosition(seen.person.id), people, &w) }
        for event in entry.analyzed.events { Self.link(event.id, at: library.eventPosition(event.id), events, &w) }
        return ContentDigest.of(w.bytes)
    }

    /// The digest of what `write` writes.
    private static func digest(_ write: (inout ByteWriter) -> Void) -> ContentDigest {
        var w = ByteWriter()
        write(&w)
        return ContentDigest.of(w.bytes)
    }

    /// A link to a person or an event: the id, and the digest of its record (`digests` at its
    /// library `position`) when it has a page.
    private static func link(_ id: String, at position: Int?, _ digests: [ContentDigest], _ w: inout ByteWriter) {
        w.write(id)
        if let position {
            w.write(true)
            w.write(digests[position])
        } else {
            w.write(false)
        }
    }
}
