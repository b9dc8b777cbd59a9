import Entities
import Ingest
import Normalize
import ParleyCore
import Render

/// Where a build reads from, and what it may override.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// Overrides `base_url` of `site.yml`.
    public var baseURL: String?

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates", baseURL: String? = nil) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.baseURL = baseURL
    }
}

/// The outcome of a build: the files of the site (in memory, unless they were written as they
/// were rendered) and what was found on the way.
public struct BuildResult: Sendable {
    /// The files, sorted by path; empty when the build wrote them as it went (`build(writingTo:)`).
    public var files: [OutputFile]
    public var articleCount: Int
    public var library: Library?
    public var diagnostics: [Diagnostic]
    /// Wall-clock and processor seconds per named step, in order.
    public var timings: [StepTime]
    /// Seconds spent in parts of the steps that run on all cores, summed over the threads.
    public var threadTimings: [(step: String, seconds: Double)] = []
    /// HTML pages and files in all (including the ones not kept in `files`).
    public var pageCount: Int
    public var fileCount: Int
    /// Set when writing the site failed; the output is then left as it was.
    public var writeError: WriteError?

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// `5 articles, 31 pages, 2 warnings, 0 errors`
    public var summary: String {
        [counted(articleCount, "article"), counted(pageCount, "page"), counted(warningCount, "warning"), counted(errorCount, "error")]
            .joined(separator: ", ")
    }
}

/// Runs the pipeline: ingest → normalize → entities → library → render → link check.
/// Reads through an injected file system and returns the files; writing is `SiteWriter`'s job.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    public let fileSystem: any FileSystem

    public init(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// The content read, recognized and gathered into the library: everything but pages.
    public struct Analysis: Sendable {
        public var site: SiteConfig
        public var library: Library
        public var articleCount: Int
        public var diagnostics: [Diagnostic]
    }

    public func analyze() -> Analysis {
        var timer = StepTimer()
        return analyze(&timer)
    }

    func analyze(_ timer: inout StepTimer) -> Analysis {
        var diagnostics: [Diagnostic] = []
        let content = ContentLoader(root: options.contentDirectory, fileSystem: fileSystem).load()
        diagnostics += content.diagnostics
        var site = content.site
        if let baseURL = options.baseURL { site.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        timer.lap("ingest")

        let normalizer = Normalizer(places: content.registry.places)
        let normalized = parallelMap(content.articles) { normalizer.normalize($0) }
        timer.lap("normalize")

        let recognizer = EntityRecognizer(registry: content.registry)
        let analyzed = parallelMap(normalized) { recognizer.analyze($0) }
        for article in analyzed {
            diagnostics += article.article.diagnostics + article.diagnostics
        }
        timer.lap("entities")

        let library = Library(articles: analyzed, registry: content.registry)
        diagnostics += library.diagnostics
        timer.lap("library")
        return Analysis(site: site, library: library, articleCount: analyzed.count, diagnostics: diagnostics)
    }

    /// Builds the site in memory (`files`); nothing is written.
    public func build() -> BuildResult {
        build(destination: nil)
    }

    /// Builds the site and writes each file into `writer`'s staging folder as soon as it is
    /// rendered, so the site is never held in memory whole; the new site is swapped into place
    /// at the end unless the pages could not be rendered or written (`writeError`), in which
    /// case the output stays as it was.
    public func build(writingTo writer: SiteWriter) -> BuildResult {
        build(destination: writer)
    }

    /// What became of one file in the thread that rendered it.
    private struct FileOutcome: Sendable {
        var file: OutputFile?
        var check: LinkChecker.PageCheck?
        var isPage: Bool
        var writeError: WriteError?
        var checkSeconds: Double
        var writeSeconds: Double
    }

    private func build(destination writer: SiteWriter?) -> BuildResult {
        var timer = StepTimer()
        let analysis = analyze(&timer)
        let site = analysis.site
        let library = analysis.library
        var diagnostics = analysis.diagnostics
        var result = BuildResult(files: [], articleCount: analysis.articleCount, library: library, diagnostics: [],
                                 timings: [], pageCount: 0, fileCount: 0)

        var outcomes: [FileOutcome] = []
        var staging: SiteWriter.Staging?
        do throws(TemplateError) {
            let theme = try loadTheme()
            let renderer = try SiteRenderer(library: library, site: site, templates: theme.templates)
            timer.lap("theme")
            if let writer {
                do {
                    staging = try writer.begin()
                } catch {
                    result.writeError = error
                }
            }
            if result.writeError == nil {
                let checker = LinkChecker(basePath: SiteConfig.path(of: site.baseURL))
                let paths = Set(renderer.paths + theme.assets.map(\.path))
                let keep = writer == nil
                let target = staging
                @Sendable func handle(_ file: OutputFile, knownIDs: [String: Set<String>]) -> FileOutcome {
                    let clock = ContinuousClock()
                    var outcome = FileOutcome(file: keep ? file : nil, check: nil, isPage: file.path.hasSuffix(".html"),
                                              writeError: nil, checkSeconds: 0, writeSeconds: 0)
                    let start = clock.now
                    if outcome.isPage { outcome.check = checker.check(page: file, paths: paths, knownIDs: knownIDs) }
                    let checked = clock.now
                    outcome.checkSeconds = (checked - start).seconds
                    if let target {
                        do { try target.write(file) } catch { outcome.writeError = error }
                        outcome.writeSeconds = (clock.now - checked).seconds
                    }
                    return outcome
                }
                outcomes = try renderer.renderArticles { handle($0, knownIDs: [:]) }
                timer.lap("article pages")
                var known: [String: Set<String>] = [:]
                for outcome in outcomes { if let check = outcome.check { known[check.path] = check.ids } }
                let ids = known
                outcomes += try renderer.renderListings { handle($0, knownIDs: ids) }
                outcomes += theme.assets.map { handle($0, knownIDs: ids) }
                timer.lap("listing pages")
            }
        } catch {
            diagnostics.append(error.diagnostic)
            outcomes = []
        }

        var links = LinkCheckResults()
        for outcome in outcomes {
            if let check = outcome.check { links.add(check) }
            if result.writeError == nil, let error = outcome.writeError { result.writeError = error }
        }
        for broken in links.finish() {
            diagnostics.append(Diagnostic(.error, step: "link check", file: broken.page, "broken link to \(broken.target): \(broken.reason)"))
        }
        timer.lap("link check")

        if let staging {
            if outcomes.isEmpty || result.writeError != nil {
                staging.discard()
            } else {
                do { try staging.commit() } catch { result.writeError = error }
            }
            timer.lap("swap")
        }

        result.files = outcomes.compactMap(\.file).sorted { $0.path < $1.path }
        result.pageCount = outcomes.filter(\.isPage).count
        result.fileCount = outcomes.count
        result.diagnostics = diagnostics.sorted()
        result.timings = timer.laps
        result.threadTimings = [("link check", outcomes.reduce(0) { $0 + $1.checkSeconds })]
            + (writer == nil ? [] : [("write", outcomes.reduce(0) { $0 + $1.writeSeconds })])
        return result
    }

    /// The templates (`*.mustache`) and the static files (`static/…`, copied to the site root).
    func loadTheme() throws(TemplateError) -> (templates: TemplateSet, assets: [OutputFile]) {
        let root = options.templatesDirectory
        guard fileSystem.isDirectory(root) else {
            throw TemplateError(file: root, message: "no templates folder here; pass --templates DIR")
        }
        let names: [String]
        do {
            names = try fileSystem.listFiles(in: root)
        } catch {
            throw TemplateError(file: root, message: "cannot list the templates folder: \(error)")
        }
        var sources: [String: String] = [:]
        var assets: [OutputFile] = []
        for name in names {
            let path = joinPath(root, name)
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.readFile(path)
            } catch {
                throw TemplateError(file: name, message: "cannot read: \(error)")
            }
            if name.hasPrefix("static/") {
                assets.append(OutputFile(path: String(name.dropFirst("static/".count)), bytes: bytes))
            } else if name.hasSuffix(".mustache") {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw TemplateError(file: name, message: "not valid UTF-8")
                }
                sources[name] = text
            }
        }
        return (try TemplateSet(sources: sources), assets)
    }
}
