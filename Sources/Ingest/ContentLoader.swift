import ParleyCore

/// Everything read from the content folder.
public struct Content: Sendable {
    public var site: SiteConfig
    public var registry: Registry
    public var articles: [SourceArticle]
    public var diagnostics: [Diagnostic]

    public init(site: SiteConfig, registry: Registry, articles: [SourceArticle], diagnostics: [Diagnostic]) {
        self.site = site
        self.registry = registry
        self.articles = articles
        self.diagnostics = diagnostics
    }
}

/// Reads a content folder:
///
///     content/
///       site.yml            title, description, base_url, language
///       people.yml          the people registry
///       events.yml          the events registry
///       places.yml          optional: places and their spellings
///       organizations.yml   optional: organizations and their spellings
///       articles/           *.txt as delivered, *.md with YAML front matter
///
/// Nothing is lost: a file that cannot be read becomes an error diagnostic naming it.
public struct ContentLoader: Sendable {
    public let fileSystem: any FileSystem
    public let root: String

    public init(root: String, fileSystem: any FileSystem = DiskFileSystem()) {
        self.root = root
        self.fileSystem = fileSystem
    }

    public static let articleExtensions: Set<String> = ["txt", "md", "markdown"]

    public func load() -> Content {
        let (site, siteDiagnostics) = loadSite()
        let (registry, registryDiagnostics) = loadRegistry()
        var diagnostics = siteDiagnostics + registryDiagnostics
        let articles = loadArticles(into: &diagnostics)
        return Content(site: site, registry: registry, articles: articles, diagnostics: diagnostics)
    }

    /// `site.yml`, or the defaults when there is none.
    public func loadSite() -> (SiteConfig, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let text = readText("site.yml", into: &diagnostics) else { return (SiteConfig(), diagnostics) }
        do {
            let (config, warnings) = try RegistryParser.site(text, file: "site.yml")
            return (config, diagnostics + warnings)
        } catch {
            return (SiteConfig(), diagnostics + [Diagnostic(.error, step: "ingest", file: "site.yml", line: error.line, error.message)])
        }
    }

    /// The registries; missing files are empty registries.
    public func loadRegistry() -> (registry: Registry, diagnostics: [Diagnostic]) {
        // The events on another thread while the people and the rest are read here: the two
        // long files, read at the start of every build.
        let events = Pending { [self] in
            var diagnostics: [Diagnostic] = []
            let events = parseRegistry("events.yml", into: &diagnostics) { text, file throws(YAMLError) in try RegistryParser.events(text, file: file) }
            return (events, diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        var registry = Registry()
        registry.people = parseRegistry("people.yml", into: &diagnostics) { text, file throws(YAMLError) in try RegistryParser.people(text, file: file) }
        var later: [Diagnostic] = []
        registry.places = parseRegistry("places.yml", into: &later) { text, file throws(YAMLError) in
            try RegistryParser.namedEntities(text, file: file, listKey: "places")
        }
        registry.organizations = parseRegistry("organizations.yml", into: &later) { text, file throws(YAMLError) in
            try RegistryParser.namedEntities(text, file: file, listKey: "organizations")
        }
        // What was found, in the order of the files as always.
        let (parsedEvents, eventDiagnostics) = events.take()
        registry.events = parsedEvents
        diagnostics += eventDiagnostics + later
        diagnostics += RegistryValidator.validate(registry)
        return (registry, diagnostics)
    }

    /// Reads one article file (path relative to the content folder).
    public func loadArticle(_ relativePath: String) -> (SourceArticle?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let text = readText(relativePath, required: true, into: &diagnostics) else { return (nil, diagnostics) }
        let ext = relativePath.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if ext == "txt" {
            return (SourceArticle(path: relativePath, format: .text, body: text), diagnostics)
        }
        do {
            let parsed = try FrontMatterParser.parse(text, file: relativePath)
            diagnostics += parsed.diagnostics
            let article = SourceArticle(path: relativePath, format: .markdown, body: parsed.body,
                                        bodyStartLine: parsed.bodyStartLine, frontMatter: parsed.frontMatter)
            return (article, diagnostics)
        } catch {
            diagnostics.append(Diagnostic(.error, step: "ingest", file: relativePath, line: error.line,
                                          "front matter: \(error.message); the article is left out"))
            return (nil, diagnostics)
        }
    }

    private func loadArticles(into diagnostics: inout [Diagnostic]) -> [SourceArticle] {
        var articles: [SourceArticle] = []
        for path in articlePaths(into: &diagnostics) {
            let (article, found) = loadListedArticle(path)
            diagnostics += found
            if let article { articles.append(article) }
        }
        return articles
    }

    /// The articles of `articles/` (paths from the content folder, in name order); other files
    /// there are reported and skipped.
    public func articlePaths(into diagnostics: inout [Diagnostic]) -> [String] {
        let folder = joinPath(root, "articles")
        guard fileSystem.isDirectory(folder) else {
            diagnostics.append(Diagnostic(.error, step: "ingest", file: "articles/",
                                          "no articles folder at \(folder): put the articles in content/articles/"))
            return []
        }
        let names: [String]
        do {
            names = try fileSystem.listFiles(in: folder)
        } catch {
            diagnostics.append(Diagnostic(.error, step: "ingest", file: "articles/", "cannot list the articles folder: \(error)"))
            return []
        }
        var paths: [String] = []
        for name in names {
            let path = "articles/" + name
            let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard name.utf8.contains(UInt8(ascii: ".")), Self.articleExtensions.contains(ext) else {
                diagnostics.append(Diagnostic(.warning, step: "ingest", file: path,
                                              "not an article (articles end in .txt, .md or .markdown); ignored"))
                continue
            }
            paths.append(path)
        }
        return paths
    }

    /// The fingerprint of an article file (path from the content folder), when the file system
    /// gives one.
    public func fingerprint(_ relativePath: String) -> FileFingerprint? {
        fileSystem.fingerprint(joinPath(root, relativePath))
    }

    /// One article listed by `articlePaths`, or nil (with the reason) when it is left out:
    /// unreadable, binary, bad front matter, or empty. Safe to call from several threads.
    public func loadListedArticle(_ path: String) -> (SourceArticle?, [Diagnostic]) {
        var (article, diagnostics) = loadArticle(path)
        if let body = article?.body, body.allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(.error, step: "ingest", file: path, "the article is empty; it is left out"))
            article = nil
        }
        return (article, diagnostics)
    }

    private func readText(_ relativePath: String, required: Bool = false, into diagnostics: inout [Diagnostic]) -> String? {
        let path = joinPath(root, relativePath)
        guard fileSystem.isFile(path) else {
            if !required && !fileSystem.isDirectory(path) { return nil }
            let what = fileSystem.isDirectory(path) ? "a folder, not a file" : "no such file"
            diagnostics.append(Diagnostic(.error, step: "ingest", file: relativePath, "cannot read: \(what)"))
            return nil
        }
        do {
            let bytes = try fileSystem.readFile(path)
            let decoded = try TextDecoder.decode(bytes, file: relativePath)
            diagnostics += decoded.diagnostics
            return decoded.text
        } catch let error as TextDecoder.Failure {
            switch error {
            case .binary(let offset):
                diagnostics.append(Diagnostic(.error, step: "ingest", file: relativePath,
                                              "binary file (NUL byte at offset \(offset)), not text; it is left out"))
            }
        } catch {
            diagnostics.append(Diagnostic(.error, step: "ingest", file: relativePath, "cannot read: \(error)"))
        }
        return nil
    }

    private func parseRegistry<Entry>(
        _ file: String, into diagnostics: inout [Diagnostic],
        parse: (String, String) throws(YAMLError) -> RegistryParser.Parsed<Entry>
    ) -> [Entry] {
        guard let text = readText(file, into: &diagnostics) else { return [] }
        do {
            let parsed = try parse(text, file)
            diagnostics += parsed.diagnostics
            return parsed.entries
        } catch {
            diagnostics.append(Diagnostic(.error, step: "ingest", file: file, line: error.line, error.message))
            return []
        }
    }
}
