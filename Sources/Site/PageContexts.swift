import Markdown
import ParleyCore
import Render

/// Builds the Mustache contexts of every page from the library.
///
/// Contexts are `TemplateObject`s whose names are numbered keys (`ContextKeys.swift`). Every link is
/// given as a path from the site root (`href`) and written in templates as `{{root}}{{href}}`,
/// where `root` leads from the page back to the root (`../../`), so the site works from any
/// folder and straight from the file system.
struct PageContexts {
    let library: Library
    let site: SiteConfig
    /// The cards of all articles when they were made beforehand.
    var cards: ArticleCards? = nil

    /// `../../` for `articles/x/index.html`, `` for `index.html`.
    static func root(for path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// The canonical, absolute address of a page: the folder for `…/index.html`.
    func canonical(_ path: String) -> String {
        let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return site.baseURL + pretty
    }

    func base(path: String, title: String, description: String, section: String) -> TemplateObject {
        [
            .site: [.title: .string(site.title), .description: .string(site.description), .language: .string(site.language),
                    .baseURL: .string(site.baseURL)],
            .root: .string(Self.root(for: path)),
            .pageTitle: .string(title == site.title ? site.title : "\(title) — \(site.title)"),
            .pageDescription: .string(description.isEmpty ? site.description : description),
            .canonical: .string(canonical(path)),
            .nav: [.home: .bool(section == "home"), .people: .bool(section == "people"), .events: .bool(section == "events"),
                   .timeline: .bool(section == "timeline"), .sources: .bool(section == "sources"), .places: .bool(section == "places"),
                   .search: .bool(section == "search")],
            .meta: .object(metadata(title: title)),
        ]
    }

    // MARK: Pieces shared by several pages

    /// A list for templates: `{"items": […], "count": n}` when non-empty, nothing otherwise, so a
    /// template can wrap it once: `{{#people}}<ul>{{#items}}<li>…</li>{{/items}}</ul>{{/people}}`.
    static func list(_ items: [TemplateValue]) -> TemplateValue {
        items.isEmpty ? false : [.items: .list(items), .count: .int(items.count)]
    }

    static func list(_ objects: [TemplateObject]) -> TemplateValue {
        list(objects.map(TemplateValue.object))
    }

    static func list(_ strings: [String]) -> TemplateValue {
        list(strings.map(TemplateValue.string))
    }

    /// An optional value for templates: `false` when absent, never missing, because Mustache
    /// would otherwise find the same name in an enclosing context (a card's missing `date`
    /// would show its page's date).
    static func value(_ value: String?) -> TemplateValue { value.map(TemplateValue.string) ?? false }

    static func value(_ value: TemplateObject?) -> TemplateValue { value.map(TemplateValue.object) ?? false }

    func dateFields(_ date: ArticleDate) -> TemplateObject {
        guard let day = date.day else { return [.undated: true, .date: false, .dateInferred: false] }
        return [.date: .string(day.longDescription), .dateISO: .string(day.iso), .dateInferred: .bool(date.status == .inferred),
                .dateBasis: .string(date.basis ?? ""), .undated: false]
    }

    func personLink(_ id: String) -> TemplateObject? {
        guard let i = library.personPosition(id) else { return nil }
        return [.name: .string(library.people[i].person.name), .href: .string(library.people[i].path),
                .inRegistry: .bool(library.people[i].person.inRegistry)]
    }

    func eventLink(_ id: String) -> TemplateObject? {
        guard let i = library.eventPosition(id) else { return nil }
        return [.name: .string(library.events[i].event.name), .href: .string(library.events[i].path),
                .date: Self.value(Self.when(library.events[i].event))]
    }

    /// The link of every person and event, made once and shared by all the cards that name
    /// them: a card holds a reference to the same dictionary instead of a copy of its own.
    final class SharedLinks: @unchecked Sendable {
        private let library: Library
        private let people: [TemplateObject?]
        private let events: [TemplateObject?]

        init(_ contexts: PageContexts) {
            library = contexts.library
            people = contexts.library.people.map { contexts.personLink($0.person.id) }
            events = contexts.library.events.map { contexts.eventLink($0.event.id) }
        }

        func person(_ id: String) -> TemplateObject? { library.personPosition(id).flatMap { people[$0] } }
        func event(_ id: String) -> TemplateObject? { library.eventPosition(id).flatMap { events[$0] } }
    }

    /// A place, with the address of its page when it has one.
    func placeLink(_ name: String) -> TemplateObject {
        [.name: .string(name), .href: Self.value(library.place(name)?.path)]
    }

    static func when(_ event: Event) -> String? {
        guard let start = event.start else { return nil }
        guard let end = event.end, end != start else { return start.longDescription }
        return "\(start.longDescription) – \(end.longDescription)"
    }

    /// An article as listed on the home page, a person's or an event's page.
    func card(_ index: Int) -> TemplateObject {
        if let cards { return cards.cards[index] }
        return library.cardShelf.card(index) { makeCard(index) }
    }

    func makeCard(_ index: Int, links: SharedLinks? = nil) -> TemplateObject {
        let entry = library.articles[index]
        let a = entry.article
        var card = dateFields(a.date)
        card[.title] = .string(a.title)
        card[.href] = .string(entry.path)
        let summary = entry.summary
        card[.summary] = Self.value(summary.isEmpty ? nil : summary)
        card[.dateline] = Self.value(a.dateline?.places.first)
        card[.source] = Self.value(a.outlet)
        let people = entry.analyzed.people.compactMap { links?.person($0.person.id) ?? personLink($0.person.id) }
        let events = entry.analyzed.events.compactMap { links?.event($0.id) ?? eventLink($0.id) }
        card[.people] = Self.list(people)
        card[.events] = Self.list(events)
        return card
    }

    func quoteContext(article index: Int, quote: Quote, withSpeaker: Bool) -> TemplateObject {
        let entry = library.articles[index]
        return [
            .text: .string(quote.text),
            .href: .string("\(entry.path)#p\(quote.paragraph + 1)"),
            .articleTitle: .string(entry.article.title),
            .date: Self.value(entry.article.date.day?.longDescription),
            .speaker: Self.value(withSpeaker ? personLink(quote.speaker) : nil),
        ]
    }

    // MARK: Pages

    static func homePages(_ library: Library) -> Pagination {
        homePages(articleCount: library.articles.count)
    }

    /// The home pages of a library of `articleCount` articles.
    static func homePages(articleCount: Int) -> Pagination {
        Pagination(folder: "", itemCount: articleCount, pageSize: Pagination.homePageSize)
    }

    func home(page: Int = 1) -> TemplateObject {
        let pages = Self.homePages(library)
        var context = base(path: pages.path(page), title: pages.title(site.title, page: page), description: site.description, section: "home")
        var days: [(day: Day, articles: [TemplateValue])] = []
        var undated: [TemplateObject] = []
        for index in pages.range(page) {
            let entry = library.articles[index]
            guard let day = entry.article.date.day else { undated.append(card(index)); continue }
            if let last = days.last, last.day.iso == day.iso {
                days[days.count - 1].articles.append(.object(card(index)))
            } else {
                days.append((day, [.object(card(index))]))
            }
        }
        context[.days] = Self.list(days.map { group -> TemplateObject in
            [.date: .string(group.day.longDescription), .dateISO: .string(group.day.iso), .articles: .list(group.articles)]
        })
        context[.undated] = Self.list(undated)
        context[.articleCount] = .int(library.articles.count)
        context[.hasArticles] = .bool(!library.articles.isEmpty)
        context[.firstPage] = .bool(page == 1)
        context[.pagination] = pages.context(page)
        return context
    }

    /// `links`: what `Library.links(of:)` gives for the article, when the caller has it.
    func article(_ index: Int, bodyHTML: String, links: ArticleLinks? = nil) -> TemplateObject {
        let entry = library.articles[index]
        let a = entry.article
        var context = base(path: entry.path, title: a.title, description: entry.summary, section: "article")
        context.merge(dateFields(a.date))
        context[.title] = .string(a.title)
        context[.titleDerived] = .bool(a.titleDerived)
        context[.standfirst] = Self.value(a.standfirst)
        context[.dateline] = Self.value(a.dateline?.raw)
        context[.source] = Self.value(a.outlet)
        context[.sourceHref] = Self.value(a.outlet.flatMap { library.outlet($0)?.path })
        context[.contributors] = Self.value(a.contributors.isEmpty ? nil : a.contributors.joined(separator: ", "))
        context[.corrections] = Self.list(a.corrections)
        context[.captions] = Self.list(a.captions)
        context[.body] = .string(bodyHTML)
        context[.markdownHref] = .string("\(entry.folder)index.md")
        context[.original] = .string(a.source.path)
        let people: [TemplateObject] = entry.analyzed.people.compactMap { seen in
            guard var link = personLink(seen.person.id) else { return nil }
            link[.roles] = Self.value(seen.roles.isEmpty ? nil : seen.roles.joined(separator: "; "))
            return link
        }
        let events = entry.analyzed.events.compactMap { eventLink($0.id) }
        context[.people] = Self.list(people)
        context[.events] = Self.list(events)
        context[.places] = Self.list(entry.analyzed.places.map(placeLink))
        context[.organizations] = Self.list(entry.analyzed.organizations)
        let links = links ?? library.links(of: index)
        context[.alsoReported] = Self.list(links.alsoReported.map(card))
        context[.related] = Self.list(links.related.map(card))
        context[.neighbours] = links.older == nil && links.newer == nil ? false
            : [.older: Self.value(links.older.map(neighbour)), .newer: Self.value(links.newer.map(neighbour))]
        context[.meta] = .object(articleMetadata(index))
        return context
    }

    /// The previous or next article in time, for the links at the foot of an article.
    private func neighbour(_ index: Int) -> TemplateObject {
        let entry = library.articles[index]
        return [.title: .string(entry.article.title), .href: .string(entry.path), .date: Self.value(entry.article.date.day?.longDescription)]
    }

    /// The articles shown on `page` of a paginated list, and the context keys every list page shares.
    private func listPage(_ pages: Pagination, _ page: Int, articles: [Int], into context: inout TemplateObject) -> [Int] {
        let shown = Array(articles[pages.range(page)])
        context[.articles] = Self.list(shown.map(card))
        context[.articleCount] = .int(articles.count)
        context[.firstPage] = .bool(page == 1)
        context[.pagination] = pages.context(page)
        return shown
    }

    /// How many articles a person's page links for each role seen (the newest).
    static let articlesPerRole = 5

    func person(_ entry: PersonEntry, page: Int = 1) -> TemplateObject {
        let p = entry.person
        let pages = Pagination(of: entry)
        let description = ([p.roles.first, p.country].compactMap { $0 }).joined(separator: ", ")
        var context = base(path: pages.path(page), title: pages.title(p.name, page: page),
                           description: description.isEmpty ? "\(p.name) in \(site.title)" : "\(p.name): \(description)", section: "people")
        context[.name] = .string(p.name)
        context[.inRegistry] = .bool(p.inRegistry)
        context[.country] = Self.value(p.country)
        context[.registryRoles] = Self.list(p.roles)
        context[.aliases] = Self.value(p.aliases.isEmpty ? nil : p.aliases.joined(separator: ", "))
        let shown = Set(listPage(pages, page, articles: entry.articles, into: &context))
        // The quotes from the articles on this page, so a long list pages with its quotes.
        context[.quotes] = Self.list(entry.quotes.filter { shown.contains($0.article) }
            .map { quoteContext(article: $0.article, quote: $0.quote, withSpeaker: false) })
        context[.meta] = .object(personMetadata(entry, page: page))
        guard page == 1 else {
            for key in [TemplateKey.rolesSeen, .companions, .events] { context[key] = false }
            return context
        }
        // Each role with its newest articles; a role seen in thousands of articles would
        // otherwise fill the page with links the article list below already gives.
        context[.rolesSeen] = Self.list(entry.roles.map { role -> TemplateObject in
            let newest = role.articles.prefix(Self.articlesPerRole)
            return [.role: .string(role.role), .count: .int(role.articles.count),
                    .articles: .list(newest.map { [.title: .string(library.articles[$0].article.title), .href: .string(library.articles[$0].path)] }),
                    .more: role.articles.count > newest.count ? .int(role.articles.count - newest.count) : false]
        })
        let companions: [TemplateObject] = entry.companions.prefix(12).compactMap { companion in
            guard var link = personLink(companion.person) else { return nil }
            link[.count] = .int(companion.count)
            return link
        }
        context[.companions] = Self.list(companions)
        context[.events] = Self.list(entry.events.compactMap(eventLink))
        return context
    }

    func event(_ entry: EventEntry, page: Int = 1) -> TemplateObject {
        let e = entry.event
        let pages = Pagination(of: entry)
        var context = base(path: pages.path(page), title: pages.title(e.name, page: page), description: e.summary ?? e.name, section: "events")
        context[.name] = .string(e.name)
        context[.date] = Self.value(Self.when(e))
        context[.dateISO] = Self.value(e.start?.iso)
        context[.place] = Self.value(e.place.map(placeLink))
        context[.summary] = Self.value(e.summary)
        let shown = listPage(pages, page, articles: entry.articles, into: &context)
        context[.people] = page == 1 ? Self.list(entry.people.compactMap(personLink)) : false
        // What each side said: quotes near the event's mentions in the articles on this page, by
        // the speaker's country.
        var bySide: [String: [TemplateValue]] = [:]
        for index in shown {
            for quote in Self.quotes(about: e, in: library.articles[index].analyzed) {
                let side = library.personPosition(quote.speaker).flatMap { library.people[$0].person.country } ?? "Other"
                bySide[side, default: []].append(.object(quoteContext(article: index, quote: quote, withSpeaker: true)))
            }
        }
        context[.sides] = Self.list(bySide.keys.sorted { ($0 == "Other" ? 1 : 0, $0) < ($1 == "Other" ? 1 : 0, $1) }
            .map { side -> TemplateObject in [.side: .string(side), .quotes: .list(bySide[side]!)] })
        context[.meta] = .object(eventMetadata(entry, page: page))
        return context
    }

    /// The quotes of an article that speak of an event. Every quote when the article is about
    /// the event: it is the newest event the article names, at most two weeks before the
    /// article's date, or an editor set it in the front matter (it is not named in the text).
    /// Otherwise the event is background, and only quotes in or next to a paragraph naming it count.
    static func quotes(about event: Event, in article: AnalyzedArticle) -> [Quote] {
        let named = Set(article.mentions.filter { $0.kind == .event && $0.entity == event.id }.map(\.paragraph))
        if named.isEmpty || isNews(event, of: article) { return article.quotes }
        return article.quotes.filter { quote in (quote.paragraph - 1...quote.paragraph + 1).contains { named.contains($0) } }
    }

    /// Whether `event` is what the article reports: the newest of its events, shortly before its date.
    static func isNews(_ event: Event, of article: AnalyzedArticle) -> Bool {
        guard let day = article.article.date.day, let start = event.start,
              start <= day, day.ordinal - start.ordinal <= 14 else { return false }
        return !article.events.contains { other in
            other.id != event.id && other.start.map { $0 > start && $0 <= day } ?? false
        }
    }

    /// An outlet's or a place's page.
    func collection(_ entry: CollectionEntry, page: Int = 1) -> TemplateObject {
        let kind = entry.kind
        let pages = Pagination(of: entry)
        let description = switch kind {
        case .source: "Articles from \(entry.name) in \(site.title)"
        case .place: "Articles datelined in or naming \(entry.name) in \(site.title)"
        }
        var context = base(path: pages.path(page), title: pages.title(entry.name, page: page), description: description, section: kind.section)
        context[.name] = .string(entry.name)
        context[.kind] = .string(kind.label)
        _ = listPage(pages, page, articles: entry.articles, into: &context)
        return context
    }

    func collectionIndex(_ kind: CollectionKind) -> TemplateObject {
        let (title, description) = switch kind {
        case .source: ("Sources", "The outlets whose stories \(site.title) carries")
        case .place: ("Places", "Places the articles of \(site.title) are datelined in or name")
        }
        var context = base(path: "\(kind.section)/index.html", title: title, description: description, section: kind.section)
        context[.heading] = .string(title)
        context[.entries] = Self.list(library.collections(kind).map { entry -> TemplateObject in
            [.name: .string(entry.name), .href: .string(entry.path), .articleCount: .int(entry.articles.count)]
        })
        return context
    }

    func peopleIndex() -> TemplateObject {
        var context = base(path: "people/index.html", title: "People", description: "Everyone named in \(site.title)", section: "people")
        func row(_ entry: PersonEntry) -> TemplateObject {
            [.name: .string(entry.person.name), .href: .string(entry.path), .articleCount: .int(entry.articles.count),
             .role: Self.value(entry.person.roles.first ?? entry.roles.first?.role), .country: Self.value(entry.person.country)]
        }
        let registry = library.people.filter(\.person.inRegistry).map(row)
        let detected = library.people.filter { !$0.person.inRegistry }.map(row)
        context[.registry] = Self.list(registry)
        context[.detected] = Self.list(detected)
        context[.count] = .int(library.people.count)
        return context
    }

    func eventsIndex() -> TemplateObject {
        var context = base(path: "events/index.html", title: "Events", description: "Events followed by \(site.title), in order", section: "events")
        context[.events] = Self.list(library.events.map { entry -> TemplateObject in
            [.name: .string(entry.event.name), .href: .string(entry.path), .articleCount: .int(entry.articles.count),
             .date: Self.value(Self.when(entry.event)), .dateISO: Self.value(entry.event.start?.iso),
             .place: Self.value(entry.event.place)]
        })
        return context
    }

    /// The search page: the theme loads Pagefind's interface there (the index is made after rendering).
    func search() -> TemplateObject {
        base(path: "search/index.html", title: "Search", description: "Search \(site.title) by word, person or event", section: "search")
    }

    func notFound() -> TemplateObject {
        var context = base(path: "404.html", title: "Page not found", description: "", section: "")
        // The 404 page is served for any address, so its links start from the site's own path.
        context[.root] = .string(SiteConfig.path(of: site.baseURL))
        return context
    }
}

extension SiteConfig {
    /// The path part of a base URL: `https://x.org/digest/` → `/digest/`.
    public static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
