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

    /// All pages and the Markdown of every article. Template errors are thrown.
    public func render() throws(TemplateError) -> [OutputFile] {
        let contexts = PageContexts(library: library, site: site)
        var files: [OutputFile] = []
        let articlePages = parallelMap(Array(library.articles.indices)) { [self] index -> Result<[OutputFile], TemplateError> in
            do throws(TemplateError) {
                return .success(try renderArticle(index))
            } catch {
                return .failure(error)
            }
        }
        for page in articlePages { files += try page.get() }
        for entry in library.people {
            files.append(try page(entry.path, "person", contexts.person(entry)))
        }
        for entry in library.events {
            files.append(try page(entry.path, "event", contexts.event(entry)))
        }
        files.append(try page("index.html", "home", contexts.home()))
        files.append(try page("people/index.html", "people", contexts.peopleIndex()))
        files.append(try page("events/index.html", "events", contexts.eventsIndex()))
        files.append(try page("404.html", "404", contexts.notFound()))
        return files
    }

    private func renderArticle(_ index: Int) throws(TemplateError) -> [OutputFile] {
        let entry = library.articles[index]
        let markdown = ArticleMarkdown(entry.analyzed, linker: linker(from: entry.path))
        let paragraphs = markdown.paragraphs
        let body = Self.bodyHTML(paragraphs)
        let contexts = PageContexts(library: library, site: site)
        let html = try page(entry.path, "article", contexts.article(index, bodyHTML: body))
        let document = ArticleMarkdown.compose(frontMatter: markdown.frontMatter, paragraphs: paragraphs)
        return [html, OutputFile(path: entry.folder + "index.md", text: document)]
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
