import ParleyCore
import Render

/// What a page is made from, as one digest, worked out without building its context: the
/// digests of the analyses of the articles it shows or lists, their addresses, and the names,
/// addresses and countries of the people, events, places and outlets it links to. With the
/// same theme, settings, registries and code (`PageManifest.identity`), a page whose inputs
/// have the same digest as in the last build is the same page, and is not rendered again.
///
/// Pages that gather the whole library (timeline, indexes, 404) have no digest: they are
/// always rendered. Over-approximating is fine (a page rendered again for nothing costs time,
/// not correctness); missing an input is not, so `IncrementalBuildTests` edits articles in
/// every way a page can show and compares with a full build.
///
/// Each article's part is digested once, and each person's, event's, outlet's and place's
/// list of articles once, so the digests of all pages take time linear in the library.
struct PageInputs: Sendable {
    let library: Library
    /// Per article (library index): its address, the digest of its analysis, and the people
    /// and events it links to as they are named and found.
    private let articles: [ContentDigest]
    /// Per person, event, outlet and place: the digest of its list of articles.
    private let people: [ContentDigest]
    private let events: [ContentDigest]
    private let collections: [CollectionKind: [ContentDigest]]

    init(library: Library, articleDigests: [ContentDigest]) {
        self.library = library
        let articles = parallelMap(Array(library.articles.indices)) { index in
            Self.articleFacts(index, library: library, analysis: articleDigests[index])
        }
        self.articles = articles
        func lists(_ all: [[Int]]) -> [ContentDigest] {
            parallelMap(all) { indices in
                var w = ByteWriter()
                w.write(UInt64(indices.count))
                for index in indices { w.write(articles[index]) }
                return ContentDigest.of(w.bytes)
            }
        }
        people = lists(library.people.map(\.articles))
        events = lists(library.events.map(\.articles))
        var collections: [CollectionKind: [ContentDigest]] = [:]
        for kind in [CollectionKind.source, .place] { collections[kind] = lists(library.collections(kind).map(\.articles)) }
        self.collections = collections
    }

    func digest(_ job: SiteRenderer.Job, paths: [String]) -> ContentDigest? {
        var w = ByteWriter()
        w.write(paths)
        switch job {
        case .article(let index):
            w.write("article")
            w.write(articles[index])
            let also = library.alsoReported(index)
            let related = library.related(to: index, excluding: Set(also))
            let (older, newer) = library.neighboursInTime(index)
            for (label, list) in [("also", also), ("related", related), ("older", older.map { [$0] } ?? []), ("newer", newer.map { [$0] } ?? [])] {
                w.write(label)
                w.write(UInt64(list.count))
                for other in list { w.write(articles[other]) }
            }
            let a = library.articles[index].analyzed
            w.write(a.article.outlet.flatMap { library.outlet($0)?.path })
            for place in a.places { w.write(library.place(place)?.path) }
        case let .person(index, page):
            let entry = library.people[index]
            w.write("person")
            w.write(page)
            w.write(entry.person)
            w.write(people[index])
            for companion in entry.companions.prefix(12) {
                w.write(companion.count)
                Self.personLink(companion.person, library: library, &w)
            }
            for event in entry.events { Self.eventLink(event, library: library, &w) }
        case let .event(index, page):
            let entry = library.events[index]
            w.write("event")
            w.write(page)
            w.write(entry.event)
            w.write(entry.event.place.flatMap { library.place($0)?.path })
            w.write(events[index])
            for id in entry.people { Self.personLink(id, library: library, &w) }
        case let .collection(kind, index, page):
            let entry = library.collections(kind)[index]
            w.write("collection \(kind.section)")
            w.write(page)
            w.write(entry.name)
            w.write(collections[kind]![index])
        case .home(let page):
            w.write("home")
            w.write(page)
            w.write(library.articles.count)
            for index in PageContexts.homePages(library).range(page) { w.write(articles[index]) }
        case .timeline, .people, .events, .collectionIndex, .notFound:
            return nil
        }
        return ContentDigest.of(w.bytes)
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

    private static func articleFacts(_ index: Int, library: Library, analysis: ContentDigest) -> ContentDigest {
        let entry = library.articles[index]
        var w = ByteWriter()
        w.write(entry.path)
        w.write(analysis)
        for seen in entry.analyzed.people { personLink(seen.person.id, library: library, &w) }
        for event in entry.analyzed.events { eventLink(event.id, library: library, &w) }
        return ContentDigest.of(w.bytes)
    }

    private static func personLink(_ id: String, library: Library, _ w: inout ByteWriter) {
        w.write(id)
        if let entry = library.person(id) {
            w.write(true)
            w.write(entry.person)
        } else {
            w.write(false)
        }
    }

    private static func eventLink(_ id: String, library: Library, _ w: inout ByteWriter) {
        w.write(id)
        if let entry = library.event(id) {
            w.write(true)
            w.write(entry.event)
        } else {
            w.write(false)
        }
    }
}
