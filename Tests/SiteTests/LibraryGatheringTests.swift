import ParleyCore
@testable import Site
import Testing

/// What the library gathers for each person and event (roles, companions, events, quotes,
/// people involved), worked out on all cores, is what one walk through the articles in order
/// gives: checked against that walk, written plainly here, on random archives with the cases
/// order decides (a person named twice in one article, a quote by someone first named in a
/// later article, registry participants named nowhere, events found only in the text).
@Suite struct LibraryGatheringTests {
    typealias Numbers = SortedWindowsTests.Numbers

    func archive(seed: Int) -> (articles: [AnalyzedArticle], registry: Registry) {
        var numbers = Numbers(state: UInt64(seed))
        let registered = (0..<6).map { Person(id: "r\($0)", name: "Registered \($0)") }
        let foundOnly = (0..<6).map { Person(id: "f\($0)", name: "Found \($0)", inRegistry: false) }
        let everyone = registered + foundOnly
        let registryEvents = (0..<3).map {
            Event(id: "e\($0)", name: "Event \($0)", start: Day(year: 2022, month: 3 + $0, day: 1),
                  participants: (0..<numbers.next(3)).map { _ in "r\(numbers.next(6))" } + ($0 == 2 ? ["nobody"] : []))
        }
        let textEvents = (0..<2).map { Event(id: "t\($0)", name: "Talks \($0)", start: $0 == 0 ? nil : Day(year: 2022, month: 1, day: 9)) }
        let roles = ["Minister", "Envoy", "Spokesman"]
        var articles: [AnalyzedArticle] = []
        for index in 0..<(20 + numbers.next(30)) {
            let source = SourceArticle(path: "articles/\(index).txt", format: .text, body: "")
            let day = numbers.next(4) == 0 ? nil : Day(year: 2022, month: 1 + numbers.next(12), day: 1 + numbers.next(28))
            var people: [PersonInArticle] = []
            for _ in 0..<numbers.next(5) {
                let person = everyone[numbers.next(everyone.count)]
                people.append(PersonInArticle(person: person, mentions: 1, roles: (0..<numbers.next(3)).map { _ in roles[numbers.next(3)] }))
            }
            if let first = people.first, numbers.next(5) == 0 { people.append(first) }
            let events = (0..<numbers.next(3)).map { _ in numbers.next(2) == 0 ? registryEvents[numbers.next(3)] : textEvents[numbers.next(2)] }
            let quotes = (0..<numbers.next(3)).map { q in Quote(speaker: everyone[numbers.next(everyone.count)].id, text: "Said \(index).\(q)", paragraph: 0) }
            let article = NormalizedArticle(source: source, title: "Story \(numbers.next(10))", date: ArticleDate(day: day, status: .exact),
                                            paragraphs: [Paragraph("Text.")])
            articles.append(AnalyzedArticle(article: article, people: people, events: events, quotes: quotes))
        }
        return (articles, Registry(people: registered, events: registryEvents))
    }

    /// The people and events of `library` as one walk through its articles, newest first,
    /// finds them.
    func walked(_ library: Library, registry: Registry) -> (people: [String: String], events: [String: [String]]) {
        var order: [String] = registry.people.map(\.id)
        var articlesOf: [String: [Int]] = [:], rolesOf: [String: [String: [Int]]] = [:]
        var companionsOf: [String: [String: Int]] = [:], eventsOf: [String: Set<String>] = [:]
        var quotesOf: [String: [String]] = [:], eventArticles: [String: [Int]] = [:]
        for (index, entry) in library.articles.enumerated() {
            let analyzed = entry.analyzed
            for seen in analyzed.people where !order.contains(seen.person.id) { order.append(seen.person.id) }
            for seen in analyzed.people {
                let mine = seen.person.id
                articlesOf[mine, default: []].append(index)
                for role in seen.roles { rolesOf[mine, default: [:]][role, default: []].append(index) }
                for other in analyzed.people where other.person.id != mine { companionsOf[mine, default: [:]][other.person.id, default: 0] += 1 }
                for event in analyzed.events { eventsOf[mine, default: []].insert(event.id) }
            }
            for quote in analyzed.quotes where order.contains(quote.speaker) { quotesOf[quote.speaker, default: []].append("\(index) \(quote.text)") }
            for event in analyzed.events { eventArticles[event.id, default: []].append(index) }
        }
        let eventOrder = library.events.map(\.event.id)
        var events: [String: [String]] = [:]
        for entry in library.events {
            var involved = entry.event.participants.filter { order.contains($0) }
            for index in eventArticles[entry.event.id] ?? [] {
                for seen in library.articles[index].analyzed.people where !involved.contains(seen.person.id) { involved.append(seen.person.id) }
            }
            for participant in entry.event.participants where order.contains(participant) {
                eventsOf[participant, default: []].insert(entry.event.id)
            }
            events[entry.event.id] = ["articles \(eventArticles[entry.event.id] ?? [])", "people \(involved)"]
        }
        var people: [String: String] = [:]
        for id in order {
            let roles = (rolesOf[id] ?? [:]).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map { "\($0.key) \($0.value)" }
            let companions = (companionsOf[id] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            let events = (eventsOf[id] ?? []).sorted { eventOrder.firstIndex(of: $0)! < eventOrder.firstIndex(of: $1)! }
            people[id] = "articles \(articlesOf[id] ?? []) roles \(roles) companions \(companions) events \(events) quotes \(quotesOf[id] ?? [])"
        }
        return (people, events)
    }

    @Test(arguments: 1...60)
    func gatheredAsOneWalkInOrderGathersThem(seed: Int) {
        let (articles, registry) = archive(seed: seed)
        let library = Library(articles: articles, registry: registry)
        let expected = walked(library, registry: registry)
        var people: [String: String] = [:]
        for entry in library.people {
            people[entry.person.id] = "articles \(entry.articles) roles \(entry.roles.map { "\($0.role) \($0.articles)" }) "
                + "companions \(entry.companions.map { "\($0.person) \($0.count)" }) events \(entry.events) "
                + "quotes \(entry.quotes.map { "\($0.article) \($0.quote.text)" })"
        }
        #expect(people == expected.people)
        var events: [String: [String]] = [:]
        for entry in library.events { events[entry.event.id] = ["articles \(entry.articles)", "people \(entry.people)"] }
        #expect(events == expected.events)
        #expect(library.people.count == expected.people.count)
    }
}
