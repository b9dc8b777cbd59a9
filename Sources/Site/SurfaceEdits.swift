import ParleyCore
import Render

/// Edits that change what other pages show of an article without changing where it is listed
/// or what links to it: its quotes, its summary (`ArticleSurface`: everything else the same:
/// title, date, people, roles, events, places, outlet). The library's outline is then the
/// last build's (`LibraryOutline`: every list and its order, what each page links to), and the
/// pages showing what changed can be told from it:
///
/// - its quotes show on the pages of the people and events listing it (a person's page shows
///   the quotes of the articles it lists, an event's page what each side said in them);
/// - its summary shows in its card, wherever it is listed: the pages of its people, events,
///   outlet and places, the home page holding it, the pages of the articles that list it as
///   related or also reported, the feeds of its people and events (and the site's feeds, made
///   from the last build's by `BodyEdits`); and on its own page, as its description.
///
/// Those pages alone are rendered again, from the outline, with the analyses of the articles
/// they show read from the cache; every other page is kept. A page that reads an article it was
/// not given (a stand-in: `ArticleEntry.standIn`) means the guess of what it shows was wrong,
/// and the build goes the whole way.
enum SurfaceEdits {
    /// An edited article whose surface changed, as it is now: its library index, analysis and
    /// summary, and what changed.
    struct Edit: Sendable {
        var index: Int
        var analyzed: AnalyzedArticle
        var summary: String
        var quotesChanged: Bool
        var summaryChanged: Bool
        /// The speakers of its quotes changed (a quote added, taken away or given to another):
        /// the outline's quotes change with them.
        var speakersChanged: Bool
    }

    /// What is made again.
    enum Made: Sendable {
        /// An article's page and Markdown file (`index` in the library), with its body HTML.
        case article(index: Int, files: [OutputFile], body: String)
        /// Another page.
        case page(OutputFile)
        /// The feed beside a person's or an event's page.
        case feed(OutputFile)
    }

    /// The pages showing what changed of `edit`, as `outline` has the library.
    static func jobs(for edit: Edit, outline: LibraryOutline) -> [SiteRenderer.Job] {
        let index = edit.index
        var jobs: [SiteRenderer.Job] = []
        let people = Set(edit.analyzed.people.map(\.person.id)), events = Set(edit.analyzed.events.map(\.id))
        for (i, entry) in outline.people.enumerated() where people.contains(entry.person.id) {
            jobs += pages(holding: index, in: entry).map { .person(i, page: $0) }
        }
        for (i, entry) in outline.events.enumerated() where events.contains(entry.event.id) {
            jobs += pages(holding: index, in: entry).map { .event(i, page: $0) }
        }
        guard edit.summaryChanged else { return jobs }
        jobs.append(.article(index))
        for (other, links) in outline.links.enumerated() where links.alsoReported.contains(index) || links.related.contains(index) {
            jobs.append(.article(other))
        }
        jobs.append(.home(page: PageContexts.homePages(articleCount: outline.links.count).page(holding: index)))
        for (kind, collections) in [(CollectionKind.source, outline.outlets), (.place, outline.places)] {
            for (i, entry) in collections.enumerated() {
                jobs += pages(holding: index, in: entry).map { .collection(kind, i, page: $0) }
            }
        }
        return jobs
    }

    /// The feeds beside the pages of the people and events listing `edit` among their newest.
    static func feeds(for edit: Edit, outline: LibraryOutline) -> [Feeds.PageFeed] {
        guard edit.summaryChanged else { return [] }
        let people = Set(edit.analyzed.people.map(\.person.id)), events = Set(edit.analyzed.events.map(\.id))
        return outline.people.indices.filter { people.contains(outline.people[$0].person.id) && articles(of: .person($0), outline).contains(edit.index) }
            .map(Feeds.PageFeed.person)
            + outline.events.indices.filter { events.contains(outline.events[$0].event.id) && articles(of: .event($0), outline).contains(edit.index) }
            .map(Feeds.PageFeed.event)
    }

    /// The articles of a person's or an event's feed, as `outline` has the library.
    static func articles(of feed: Feeds.PageFeed, _ outline: LibraryOutline) -> ArraySlice<Int> {
        switch feed {
        case .person(let i): Feeds.newest(outline.people[i].articles)
        case .event(let i): Feeds.newest(outline.events[i].articles)
        }
    }

    /// The numbers of the pages of `list` that show `index`.
    private static func pages(holding index: Int, in list: some PagedArticleList) -> [Int] {
        let pagination = Pagination(of: list)
        var pages: [Int] = []
        for (position, article) in list.articles.enumerated() where article == index {
            let page = pagination.page(holding: position)
            if pages.last != page { pages.append(page) }
        }
        return pages
    }

    /// The articles whose analyses a page reads: those it lists (or, for an article's page, the
    /// article and those it links to), and on a person's first page the newest of each role.
    static func articlesRead(by job: SiteRenderer.Job, outline: LibraryOutline, articleCount: Int) -> [Int] {
        switch job {
        case let .person(i, page):
            let entry = outline.people[i]
            var read = Array(entry.articles[Pagination(of: entry).range(page)])
            if page == 1 { read += entry.roles.flatMap { $0.articles.prefix(PageContexts.articlesPerRole) } }
            return read
        case let .event(i, page):
            let entry = outline.events[i]
            return Array(entry.articles[Pagination(of: entry).range(page)])
        case let .collection(kind, i, page):
            let entry = (kind == .source ? outline.outlets : outline.places)[i]
            return Array(entry.articles[Pagination(of: entry).range(page)])
        case .home(let page):
            return Array(PageContexts.homePages(articleCount: articleCount).range(page))
        case .article(let index):
            let links = outline.links[index]
            return [index] + links.alsoReported + links.related + [links.older, links.newer].compactMap { $0 }
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
    /// The pages and feeds showing what changed of the `edits` articles, rendered from `outline`
    /// (whose quotes are brought up to date here); nil when they cannot be made this way.
    /// `states`: every article of the build, in library order.
    func renderSurfaceEdits(_ edits: [SurfaceEdits.Edit], outline: inout LibraryOutline, states: [PageManifest.ArticleState],
                            cache: BuildCache, identity: ContentDigest, registry: RegistryIndex, site: SiteConfig,
                            templates: TemplateSet) -> [SurfaceEdits.Made]? {
        var jobs: [SiteRenderer.Job] = []
        var feeds: [Feeds.PageFeed] = []
        for edit in edits where edit.speakersChanged {
            guard outline.replaceQuotes(of: edit.index, with: edit.analyzed.quotes, named: Set(edit.analyzed.people.map(\.person.id)))
            else { return nil }
        }
        guard outline.links.count == states.count else { return nil }
        for edit in edits {
            jobs += SurfaceEdits.jobs(for: edit, outline: outline)
            feeds += SurfaceEdits.feeds(for: edit, outline: outline)
        }
        // Each page once, in a fixed order.
        var seenJobs: Set<SiteRenderer.Job> = [], seenFeeds: Set<Feeds.PageFeed> = []
        jobs = jobs.filter { seenJobs.insert($0).inserted }
        feeds = feeds.filter { seenFeeds.insert($0).inserted }
        var read: Set<Int> = []
        for job in jobs { read.formUnion(SurfaceEdits.articlesRead(by: job, outline: outline, articleCount: states.count)) }
        for feed in feeds { read.formUnion(SurfaceEdits.articles(of: feed, outline)) }
        // The analyses of the articles the pages show: the edited ones as they are now, the
        // others as the last build had them (the cache holds them, under the same digest).
        let found = states.map { SurfaceEdits.slug(ofPage: $0.page) }
        guard found.allSatisfy({ $0 != nil }) else { return nil }
        let slugs = found.map { $0! }
        var given: [Int: ArticleEntry] = [:]
        var wanted: [Int] = []
        for index in read.sorted() {
            guard index < states.count else { return nil }
            if let edit = edits.first(where: { $0.index == index }) {
                given[index] = ArticleEntry(analyzed: edit.analyzed, slug: slugs[index], summary: edit.summary)
            } else {
                wanted.append(index)
            }
        }
        let loaded = parallelMap(wanted) { index -> ArticleEntry? in
            let state = states[index]
            guard let record = cache.loadArticle(state.path, identity: identity, registry: registry), record.digest == state.analysis,
                  let analyzed = record.analyzed else { return nil }
            return ArticleEntry(analyzed: analyzed, slug: slugs[index], summary: record.summary)
        }
        for (index, entry) in zip(wanted, loaded) {
            guard let entry else { return nil }
            given[index] = entry
        }
        let probe = StandInProbe()
        let articles = states.indices.map { given[$0] ?? .standIn(slug: slugs[$0], probe: probe) }
        let library = Library(outline: outline, articles: articles)
        guard let renderer = try? SiteRenderer(library: library, site: site, templates: templates) else { return nil }
        let links = outline.links
        let rendered = parallelMap(jobs) { job -> SurfaceEdits.Made? in
            if case .article(let index) = job {
                guard let made = try? renderer.render(job, paths: renderer.paths(of: job), nil, links: links[index]), let body = made.body
                else { return nil }
                return .article(index: index, files: made.files, body: body)
            }
            guard let made = try? renderer.render(job, paths: renderer.paths(of: job), nil), made.files.count == 1 else { return nil }
            return .page(made.files[0])
        }
        let feedFiles = Locked([OutputFile]())
        Feeds(contexts: PageContexts(library: library, site: site), bodies: []).pageFeeds(feeds) { file in
            feedFiles.withLock { $0.append(file) }
        }
        guard !probe.wasTouched, rendered.allSatisfy({ $0 != nil }) else { return nil }
        return rendered.map { $0! } + feedFiles.withLock { $0 }.sorted { $0.path < $1.path }.map(SurfaceEdits.Made.feed)
    }
}
