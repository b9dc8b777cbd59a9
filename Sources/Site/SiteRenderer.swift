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
    enum Job: Sendable {
        case article(Int)
        case person(Int, page: Int)
        case event(Int, page: Int)
        case collection(CollectionKind, Int, page: Int)
        case home(page: Int)
        case collectionIndex(CollectionKind)
        case timeline, people, events, notFound
    }

    /// Every page of the site, in a fixed order.
    func jobs() -> [Job] {
        var jobs: [Job] = library.articles.indices.map { .article($0) }
        for (i, entry) in library.people.enumerated() {
            jobs += PageContexts.pages(folder: entry.folder, articles: entry.articles).pages.map { .person(i, page: $0) }
        }
        for (i, entry) in library.events.enumerated() {
            jobs += PageContexts.pages(folder: entry.folder, articles: entry.articles).pages.map { .event(i, page: $0) }
        }
        for kind in [CollectionKind.source, .place] {
            for (i, entry) in library.collections(kind).enumerated() {
                jobs += PageContexts.pages(folder: entry.folder, articles: entry.articles).pages.map { .collection(kind, i, page: $0) }
            }
        }
        jobs += PageContexts.homePages(library).pages.map { .home(page: $0) }
        return jobs + [.timeline, .people, .events, .collectionIndex(.source), .collectionIndex(.place), .notFound]
    }

    /// All pages, the Markdown of every article and the feeds, rendered on all cores.
    /// Template errors are thrown.
    public func render() throws(TemplateError) -> [OutputFile] {
        // Every article's card, made once for all the pages that list it.
        let cards = ArticleCards(library: library, site: site, fragments: templates.fragments)
        let rendered = parallelMap(jobs()) { [self] job -> Result<Rendered, TemplateError> in
            do throws(TemplateError) {
                return .success(try render(job, cards))
            } catch {
                return .failure(error)
            }
        }
        var files: [OutputFile] = []
        var bodies: [String] = []
        for result in rendered {
            let page = try result.get()
            files += page.files
            if let body = page.body { bodies.append(body) }
        }
        if templates.has("search") { files.append(try page("search/index.html", "search", PageContexts(library: library, site: site).search())) }
        files += Feeds(contexts: PageContexts(library: library, site: site), bodies: bodies).files()
        return files
    }

    /// The files of one job; an article also gives its body HTML, for the feeds.
    private struct Rendered: Sendable {
        var files: [OutputFile]
        var body: String? = nil
    }

    private func render(_ job: Job, _ cards: ArticleCards) throws(TemplateError) -> Rendered {
        let contexts = PageContexts(library: library, site: site, cards: cards)
        switch job {
        case .article(let index):
            return try renderArticle(index)
        case let .person(index, number):
            let entry = library.people[index]
            let path = PageContexts.pages(folder: entry.folder, articles: entry.articles).path(number)
            return try single(path, "person", contexts.person(entry, page: number))
        case let .event(index, number):
            let entry = library.events[index]
            let path = PageContexts.pages(folder: entry.folder, articles: entry.articles).path(number)
            return try single(path, "event", contexts.event(entry, page: number))
        case let .collection(kind, index, number):
            let entry = library.collections(kind)[index]
            let path = PageContexts.pages(folder: entry.folder, articles: entry.articles).path(number)
            return try single(path, "collection", contexts.collection(entry, page: number))
        case .home(let number):
            return try single(PageContexts.homePages(library).path(number), "home", contexts.home(page: number))
        case .timeline:
            return try single("timeline/index.html", "timeline", contexts.timeline())
        case .people:
            return try single("people/index.html", "people", contexts.peopleIndex())
        case .events:
            return try single("events/index.html", "events", contexts.eventsIndex())
        case .collectionIndex(let kind):
            return try single("\(kind.section)/index.html", "collections", contexts.collectionIndex(kind))
        case .notFound:
            return try single("404.html", "404", contexts.notFound())
        }
    }

    private func single(_ path: String, _ template: String, _ context: [String: Any]) throws(TemplateError) -> Rendered {
        Rendered(files: [try page(path, template, context)])
    }

    private func renderArticle(_ index: Int) throws(TemplateError) -> Rendered {
        let entry = library.articles[index]
        let markdown = ArticleMarkdown(entry.analyzed, linker: linker(from: entry.path))
        let paragraphs = markdown.paragraphs
        let body = Self.bodyHTML(paragraphs)
        let contexts = PageContexts(library: library, site: site)
        let html = try page(entry.path, "article", contexts.article(index, bodyHTML: body))
        let document = ArticleMarkdown.compose(frontMatter: markdown.frontMatter, paragraphs: paragraphs)
        return Rendered(files: [html, OutputFile(path: entry.folder + "index.md", text: document)], body: body)
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
            case .person: library.person(id).map { "\(root)\($0.path)" }
            case .event: library.event(id).map { "\(root)\($0.path)" }
            case .place, .organization: nil
            }
        }
    }

    private func page(_ path: String, _ template: String, _ context: [String: Any]) throws(TemplateError) -> OutputFile {
        OutputFile(path: path, text: try templates.render(template, context))
    }
}
