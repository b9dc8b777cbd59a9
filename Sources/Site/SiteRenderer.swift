import Markdown
import ParleyCore
import Render

/// Renders every page of the site from the library with the theme's templates.
public struct SiteRenderer: Sendable {
    /// The templates a theme must have, one per page kind.
    public static let requiredTemplates = ["home", "article", "person", "people", "event", "events", "timeline",
                                           "collection", "collections", "404"]

    public let library: Library
    public let site: SiteConfig
    public let templates: TemplateSet

    public init(library: Library, site: SiteConfig, templates: TemplateSet) throws(TemplateError) {
        for name in Self.requiredTemplates where !templates.has(name) {
            throw TemplateError(file: "\(name).mustache", message: "the theme has no '\(name)' template, which renders the \(name) page")
        }
        self.library = library
        self.site = site
        self.templates = templates
    }

    /// One page (or, for an article, its page and its Markdown) to render.
    enum Job: Sendable, Hashable {
        case article(Int)
        case person(Int, page: Int)
        case event(Int, page: Int)
        case collection(CollectionKind, Int, page: Int)
        case home(page: Int)
        case collectionIndex(CollectionKind)
        case timeline, people, events, notFound
    }

    /// Every page of the site, in a fixed order. The timeline, which lists every article on one
    /// page, comes first: its context and page are the largest things a single job holds, and
    /// they are gone again before the rendered cards of the list pages pile up.
    func jobs() -> [Job] {
        var jobs: [Job] = [.timeline]
        jobs += library.articles.indices.map { .article($0) }
        for (i, entry) in library.people.enumerated() {
            jobs += Pagination(of: entry).pages.map { .person(i, page: $0) }
        }
        for (i, entry) in library.events.enumerated() {
            jobs += Pagination(of: entry).pages.map { .event(i, page: $0) }
        }
        for kind in [CollectionKind.source, .place] {
            for (i, entry) in library.collections(kind).enumerated() {
                jobs += Pagination(of: entry).pages.map { .collection(kind, i, page: $0) }
            }
        }
        jobs += PageContexts.homePages(library).pages.map { .home(page: $0) }
        return jobs + [.people, .events, .collectionIndex(.source), .collectionIndex(.place), .notFound]
    }

    /// Every article's card, made once for all the pages that list it.
    func makeCards() -> ArticleCards {
        ArticleCards(library: library, site: site, fragments: templates.fragments)
    }

    /// The files of one job, and for an article its body HTML (for the feeds, and to find it
    /// in the page: `BodySpan`).
    struct Rendered: Sendable {
        var files: [OutputFile]
        var body: String? = nil
    }

    /// The paths of the files `job` makes, known before it is rendered.
    func paths(of job: Job) -> [String] {
        switch job {
        case .article(let index):
            let entry = library.articles[index]
            return [entry.path, entry.folder + "index.md"]
        case let .person(index, number):
            let entry = library.people[index]
            return [Pagination(of: entry).path(number)]
        case let .event(index, number):
            let entry = library.events[index]
            return [Pagination(of: entry).path(number)]
        case let .collection(kind, index, number):
            return [Pagination(of: library.collections(kind)[index]).path(number)]
        case .home(let number): return [PageContexts.homePages(library).path(number)]
        case .timeline: return ["timeline/index.html"]
        case .people: return ["people/index.html"]
        case .events: return ["events/index.html"]
        case .collectionIndex(let kind): return ["\(kind.section)/index.html"]
        case .notFound: return ["404.html"]
        }
    }

    /// The files made once every page is rendered: the search page and the feeds (whose
    /// entries carry the bodies of the newest articles, in the library's order), each handed to
    /// `put` as it is made, from several threads.
    /// Returns the whole-site feed.
    @discardableResult
    func closingFiles(feedBodies: [String], into put: @Sendable (OutputFile) -> Void,
                      keepFeed: @Sendable (_ path: String, _ articles: ArraySlice<Int>) -> Bool = { _, _ in false }) throws(TemplateError) -> Feed {
        if templates.has("search") { put(try page("search/index.html", "search", PageContexts(library: library, site: site).search())) }
        return Feeds(contexts: PageContexts(library: library, site: site), bodies: feedBodies).files(into: put, keep: keepFeed)
    }

    /// The files of `job`, whose paths (`paths(of:)`) the caller has worked out.
    /// `links`: for an article's page, what `Library.links(of:)` gives, when the caller has it.
    func render(_ job: Job, paths: [String], _ cards: ArticleCards?, links: ArticleLinks? = nil) throws(TemplateError) -> Rendered {
        let contexts = PageContexts(library: library, site: site, cards: cards)
        let path = paths[0]
        switch job {
        case .article(let index):
            return try renderArticle(index, contexts, links: links)
        case let .person(index, number):
            return try single(path, "person", contexts.person(library.people[index], page: number))
        case let .event(index, number):
            return try single(path, "event", contexts.event(library.events[index], page: number))
        case let .collection(kind, index, number):
            return try single(path, "collection", contexts.collection(library.collections(kind)[index], page: number))
        case .home(let number):
            // Each article is on one home page only, so a card's fragment kept from here could
            // serve only another kind of page indenting cards the same way, which the default
            // theme has not: it would be kept for nothing (the bytes are the same either way).
            return Rendered(files: [try page(path, "home", contexts.home(page: number), reusingFragments: false)])
        case .timeline:
            return try single(path, "timeline", contexts.timeline())
        case .people:
            return try single(path, "people", contexts.peopleIndex())
        case .events:
            return try single(path, "events", contexts.eventsIndex())
        case .collectionIndex(let kind):
            return try single(path, "collections", contexts.collectionIndex(kind))
        case .notFound:
            return try single(path, "404", contexts.notFound())
        }
    }

    private func single(_ path: String, _ template: String, _ context: TemplateObject) throws(TemplateError) -> Rendered {
        Rendered(files: [try page(path, template, context)])
    }

    private func renderArticle(_ index: Int, _ contexts: PageContexts, links: ArticleLinks?) throws(TemplateError) -> Rendered {
        let entry = library.articles[index]
        let text = Self.articleText(entry.analyzed, linker: linker(from: entry.path))
        let html = try page(entry.path, "article", contexts.article(index, bodyHTML: text.body, links: links))
        return Rendered(files: [html, OutputFile(path: entry.markdownPath, text: text.markdown)], body: text.body)
    }

    /// An article's body HTML and its normalized Markdown file, with links made by `linker`.
    static func articleText(_ analyzed: AnalyzedArticle, linker: @escaping ArticleMarkdown.Linker) -> (body: String, markdown: String) {
        let markdown = ArticleMarkdown(analyzed, linker: linker)
        let paragraphs = markdown.paragraphs
        return (bodyHTML(paragraphs), ArticleMarkdown.compose(frontMatter: markdown.frontMatter, paragraphs: paragraphs))
    }

    /// The body HTML of an article, as on its page (for the feeds of a build that did not
    /// render the page again).
    func articleBody(_ index: Int) -> String {
        Self.bodyHTML(markdown(index).paragraphs)
    }

    /// An article's normalized Markdown, its links relative to its page.
    private func markdown(_ index: Int) -> ArticleMarkdown {
        let entry = library.articles[index]
        return ArticleMarkdown(entry.analyzed, linker: linker(from: entry.path))
    }

    /// Each paragraph rendered by cmark, its first element given the anchor `p1`, `p2`, …
    /// so quotes can link to the paragraph they come from.
    static func bodyHTML(_ paragraphs: [String]) -> String {
        var html = ""
        for (index, paragraph) in paragraphs.enumerated() {
            let rendered = CommonMark.html(paragraph)
            let anchor = "id=\"p\(index + 1)\""
            if rendered.hasPrefix("<p>") {
                html += "<p \(anchor)>" + rendered.dropFirst(3)
            } else {
                html += "<div \(anchor)>\n\(rendered)</div>\n"
            }
        }
        return html
    }

    /// Links from an article page to person and event pages, relative to the page.
    private func linker(from path: String) -> ArticleMarkdown.Linker {
        let root = PageContexts.root(for: path)
        return { [library] kind, id in
            switch kind {
            case .person: library.personPosition(id).map { "\(root)\(library.people[$0].path)" }
            case .event: library.eventPosition(id).map { "\(root)\(library.events[$0].path)" }
            case .place, .organization: nil
            }
        }
    }

    private func page(_ path: String, _ template: String, _ context: TemplateObject, reusingFragments: Bool = true) throws(TemplateError) -> OutputFile {
        OutputFile(path: path, bytes: try templates.renderBytes(template, context, reusingFragments: reusingFragments))
    }
}
