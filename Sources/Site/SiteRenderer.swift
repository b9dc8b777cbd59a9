import Markdown
import ParleyCore
import Render

/// Renders every page of the site from the library with the theme's templates.
public struct SiteRenderer: Sendable {
    /// The templates a theme must have, one per page kind.
    public static let requiredTemplates = ["home", "article", "person", "people", "event", "events", "404"]

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

    /// All pages and the Markdown of every article, in memory. Template errors are thrown.
    public func render() throws(TemplateError) -> [OutputFile] {
        try renderArticles { $0 } + renderListings { $0 }
    }

    /// The page and the Markdown of every article, rendered on all cores; each file is handed to
    /// `each` on the thread that rendered it (to be checked and written there), and what `each`
    /// returns is kept, in order. The files themselves need not stay in memory.
    public func renderArticles<R: Sendable>(_ each: @Sendable (OutputFile) -> R) throws(TemplateError) -> [R] {
        let results = parallelMap(Array(library.articles.indices)) { [self] index -> Result<[R], TemplateError> in
            do throws(TemplateError) {
                return .success(try renderArticle(index).map(each))
            } catch {
                return .failure(error)
            }
        }
        var out: [R] = []
        for result in results { out += try result.get() }
        return out
    }

    /// A page that lists articles.
    enum Listing: Sendable {
        case person(Int), event(Int), home, people, events, notFound
    }

    var listings: [Listing] {
        library.people.indices.map(Listing.person) + library.events.indices.map(Listing.event) + [.home, .people, .events, .notFound]
    }

    /// The pages that list articles: people, events, the home page and the indexes; rendered on
    /// all cores after the article pages, like `renderArticles`.
    public func renderListings<R: Sendable>(_ each: @Sendable (OutputFile) -> R) throws(TemplateError) -> [R] {
        let contexts = PageContexts(library: library, site: site, cards: ArticleCards(library: library, site: site, fragments: templates.fragments))
        let results = parallelMap(listings) { [self] listing -> Result<R, TemplateError> in
            do throws(TemplateError) {
                return .success(each(try render(listing, contexts)))
            } catch {
                return .failure(error)
            }
        }
        var out: [R] = []
        for result in results { out.append(try result.get()) }
        return out
    }

    private func render(_ listing: Listing, _ contexts: PageContexts) throws(TemplateError) -> OutputFile {
        let path = path(of: listing)
        switch listing {
        case .person(let i): return try page(path, "person", contexts.person(library.people[i]))
        case .event(let i): return try page(path, "event", contexts.event(library.events[i]))
        case .home: return try page(path, "home", contexts.home())
        case .people: return try page(path, "people", contexts.peopleIndex())
        case .events: return try page(path, "events", contexts.eventsIndex())
        case .notFound: return try page(path, "404", contexts.notFound())
        }
    }

    private func path(of listing: Listing) -> String {
        switch listing {
        case .person(let i): library.people[i].path
        case .event(let i): library.events[i].path
        case .home: "index.html"
        case .people: "people/index.html"
        case .events: "events/index.html"
        case .notFound: "404.html"
        }
    }

    /// The path of every file `render()` makes, known before anything is rendered.
    public var paths: [String] {
        library.articles.flatMap { [$0.path, $0.markdownPath] } + listings.map(path(of:))
    }

    private func renderArticle(_ index: Int) throws(TemplateError) -> [OutputFile] {
        let entry = library.articles[index]
        let markdown = ArticleMarkdown(entry.analyzed, linker: linker(from: entry.path))
        let paragraphs = markdown.paragraphs
        let body = Self.bodyHTML(paragraphs)
        let contexts = PageContexts(library: library, site: site)
        let html = try page(entry.path, "article", contexts.article(index, bodyHTML: body))
        let document = ArticleMarkdown.compose(frontMatter: markdown.frontMatter, paragraphs: paragraphs)
        return [html, OutputFile(path: entry.markdownPath, text: document)]
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
        OutputFile(path: path, bytes: try templates.renderBytes(template, context))
    }
}
