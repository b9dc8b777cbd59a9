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
struct PageInputs: Sendable {
    let library: Library
    /// The digest of each article's analysis, by library index.
    let articleDigests: [ContentDigest]

    func digest(_ job: SiteRenderer.Job, paths: [String]) -> ContentDigest? {
        var w = ByteWriter()
        w.write(paths)
        switch job {
        case .article(let index):
            w.write("article")
            article(index, &w)
            let also = library.alsoReported(index)
            let related = library.related(to: index, excluding: Set(also))
            let (older, newer) = library.neighboursInTime(index)
            for (label, list) in [("also", also), ("related", related), ("older", older.map { [$0] } ?? []), ("newer", newer.map { [$0] } ?? [])] {
                w.write(label)
                w.write(UInt64(list.count))
                for other in list { article(other, &w) }
            }
            let a = library.articles[index].analyzed
            w.write(a.article.outlet.flatMap { library.outlet($0)?.path })
            for place in a.places { w.write(library.place(place)?.path) }
        case let .person(index, page):
            let entry = library.people[index]
            w.write("person")
            w.write(page)
            person(entry.person, &w)
            articles(entry.articles, &w)
            for companion in entry.companions.prefix(12) {
                w.write(companion.count)
                personLink(companion.person, &w)
            }
            for event in entry.events { eventLink(event, &w) }
        case let .event(index, page):
            let entry = library.events[index]
            w.write("event")
            w.write(page)
            event(entry.event, &w)
            w.write(entry.event.place.flatMap { library.place($0)?.path })
            articles(entry.articles, &w)
            for id in entry.people { personLink(id, &w) }
        case let .collection(kind, index, page):
            let entry = library.collections(kind)[index]
            w.write("collection \(kind.section)")
            w.write(page)
            w.write(entry.name)
            articles(entry.articles, &w)
        case .home(let page):
            w.write("home")
            w.write(page)
            w.write(library.articles.count)
            articles(Array(PageContexts.homePages(library).range(page)), &w)
        case .timeline, .people, .events, .collectionIndex, .notFound:
            return nil
        }
        return ContentDigest.of(w.bytes)
    }

    /// The Atom feed beside a person's or an event's page: the entries of its newest articles.
    func feedDigest(path: String, articles: ArraySlice<Int>) -> ContentDigest {
        var w = ByteWriter()
        w.write("feed")
        w.write(path)
        self.articles(Array(articles), &w)
        return ContentDigest.of(w.bytes)
    }

    /// An article as shown anywhere: its address, its analysis, and the people and events it
    /// links to as they are named and found.
    private func article(_ index: Int, _ w: inout ByteWriter) {
        let entry = library.articles[index]
        w.write(entry.path)
        w.write(articleDigests[index])
        for seen in entry.analyzed.people { personLink(seen.person.id, &w) }
        for event in entry.analyzed.events { eventLink(event.id, &w) }
    }

    private func articles(_ indices: [Int], _ w: inout ByteWriter) {
        w.write(UInt64(indices.count))
        for index in indices { article(index, &w) }
    }

    private func personLink(_ id: String, _ w: inout ByteWriter) {
        w.write(id)
        if let entry = library.person(id) {
            w.write(true)
            person(entry.person, &w)
        } else {
            w.write(false)
        }
    }

    private func eventLink(_ id: String, _ w: inout ByteWriter) {
        w.write(id)
        if let entry = library.event(id) {
            w.write(true)
            event(entry.event, &w)
        } else {
            w.write(false)
        }
    }

    private func person(_ person: Person, _ w: inout ByteWriter) {
        w.write(person)
    }

    private func event(_ event: Event, _ w: inout ByteWriter) {
        w.write(event)
    }
}
