import ParleyCore
import Render

/// Edits that change an article's quotes and nothing else other pages show of it
/// (`ArticleSurface`: the same title, date, summary, people, roles, events, places; other
/// quotes). Beyond the article's own page (written as for a body edit, `BodyEdits`), they show
/// on the pages of the people and events whose lists hold the article: a person's page shows the
/// quotes of the articles it lists, an event's page what each side said in them. Those pages
/// alone are rendered again, from the library of the last build as its outline gives it
/// (`LibraryOutline`), with the analyses of the articles they list read from the cache; every
/// other page, the feeds of people and events (which show summaries) and the lists are kept.
///
/// A page that reads an article it was not given (a stand-in) means the guess of what it shows
/// was wrong: the build then goes the whole way.
enum QuoteEdits {
    /// How many articles a person's page links for each role, as `PageContexts` shows them.
    static let roleArticles = PageContexts.articlesPerRole

    /// The pages of people and events that list the article at `index` (of the library),
    /// whose people and events are `people` and `events` (ids), as `outline` has them.
    static func jobs(showing index: Int, people: [String], events: [String], outline: LibraryOutline) -> [SiteRenderer.Job] {
        var jobs: [SiteRenderer.Job] = []
        let wantedPeople = Set(people), wantedEvents = Set(events)
        for (i, entry) in outline.people.enumerated() where wantedPeople.contains(entry.person.id) {
            for page in pages(holding: index, in: entry.articles, size: PersonEntry.pageSize) { jobs.append(.person(i, page: page)) }
        }
        for (i, entry) in outline.events.enumerated() where wantedEvents.contains(entry.event.id) {
            for page in pages(holding: index, in: entry.articles, size: EventEntry.pageSize) { jobs.append(.event(i, page: page)) }
        }
        return jobs
    }

    /// The numbers of the pages of `list` (`size` articles a page) that show `index`.
    private static func pages(holding index: Int, in list: [Int], size: Int) -> [Int] {
        var pages: [Int] = []
        for (position, article) in list.enumerated() where article == index {
            let page = position / size + 1
            if pages.last != page { pages.append(page) }
        }
        return pages
    }

    /// The articles whose analyses a person's or an event's page reads: those it lists, and on
    /// a person's first page the newest of each role.
    static func articlesRead(by job: SiteRenderer.Job, outline: LibraryOutline) -> [Int] {
        switch job {
        case let .person(i, page):
            let entry = outline.people[i]
            var read = Array(entry.articles[Pagination(of: entry).range(page)])
            if page == 1 { read += entry.roles.flatMap { $0.articles.prefix(roleArticles) } }
            return read
        case let .event(i, page):
            let entry = outline.events[i]
            return Array(entry.articles[Pagination(of: entry).range(page)])
        default:
            return []
        }
    }

    /// `articles/<slug>/index.html` → `<slug>`.
    static func slug(ofPage page: String) -> String? {
        guard page.hasPrefix("articles/"), page.hasSuffix("/index.html") else { return nil }
        return String(page.dropFirst("articles/".count).dropLast("/index.html".count))
    }
}

extension SiteBuilder {
    /// The pages of people and events showing the quotes of the `quoted` articles (by library
    /// index, with their new analyses and summaries), rendered from `outline` (whose quotes are
    /// brought up to date here); nil when they cannot be made this way.
    /// `states`: every article of the build, in library order.
    func renderQuotePages(_ quoted: [(index: Int, analyzed: AnalyzedArticle, summary: String)], outline: inout LibraryOutline,
                          states: [PageManifest.ArticleState], cache: BuildCache, identity: ContentDigest, registry: RegistryIndex,
                          site: SiteConfig, templates: TemplateSet) -> [OutputFile]? {
        var jobs: [SiteRenderer.Job] = []
        var read: Set<Int> = []
        for edit in quoted {
            let people = edit.analyzed.people.map(\.person.id)
            guard outline.replaceQuotes(of: edit.index, with: edit.analyzed.quotes, named: Set(people)) else { return nil }
            jobs += QuoteEdits.jobs(showing: edit.index, people: people, events: edit.analyzed.events.map(\.id), outline: outline)
        }
        for job in jobs { read.formUnion(QuoteEdits.articlesRead(by: job, outline: outline)) }
        // The analyses of the articles the pages show: the edited ones as they are now, the
        // others as the last build had them (the cache holds them, under the same digest).
        var given: [Int: ArticleEntry] = [:]
        var wanted: [Int] = []
        for index in read.sorted() {
            guard index < states.count, let slug = QuoteEdits.slug(ofPage: states[index].page) else { return nil }
            if let edit = quoted.first(where: { $0.index == index }) {
                given[index] = ArticleEntry(analyzed: edit.analyzed, slug: slug, summary: edit.summary)
            } else {
                wanted.append(index)
            }
        }
        let loaded = parallelMap(wanted) { index -> ArticleEntry? in
            let state = states[index]
            guard let record = cache.loadArticle(state.path, identity: identity, registry: registry), record.digest == state.analysis,
                  let analyzed = record.analyzed, let slug = QuoteEdits.slug(ofPage: state.page) else { return nil }
            return ArticleEntry(analyzed: analyzed, slug: slug, summary: record.summary)
        }
        for (index, entry) in zip(wanted, loaded) {
            guard let entry else { return nil }
            given[index] = entry
        }
        let probe = StandInProbe()
        var articles: [ArticleEntry] = []
        articles.reserveCapacity(states.count)
        for (index, state) in states.enumerated() {
            if let entry = given[index] {
                articles.append(entry)
            } else {
                guard let slug = QuoteEdits.slug(ofPage: state.page) else { return nil }
                articles.append(.standIn(slug: slug, probe: probe))
            }
        }
        let library = Library(outline: outline, articles: articles)
        guard let renderer = try? SiteRenderer(library: library, site: site, templates: templates) else { return nil }
        var files: [OutputFile] = []
        for job in jobs {
            guard let rendered = try? renderer.render(job, paths: renderer.paths(of: job), nil) else { return nil }
            files += rendered.files
        }
        return probe.wasTouched ? nil : files
    }
}
