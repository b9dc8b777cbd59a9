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

/// The outcome of a build and what was found on the way; the files themselves went to the
/// build's `SiteSink` (`files` holds them for a build in memory).
public struct BuildResult: Sendable {
    /// The files, sorted by path, for a build in memory (`build()`); empty otherwise.
    public var files: [OutputFile] = []
    /// The path of every file of the site, sorted.
    public var paths: [String] = []
    public var articleCount: Int
    public var library: Library?
    public var diagnostics: [Diagnostic]
    /// Seconds per named step, in order.
    public var timings: [(step: String, seconds: Double)]
    /// Set when a file could not be written; the site is then incomplete and must not be used.
    public var writeError: WriteError?

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var pageCount: Int { paths.filter { $0.hasSuffix(".html") }.count }
    public var fileCount: Int { paths.count }

    /// `5 articles, 31 pages, 2 warnings, 0 errors`
    public var summary: String {
        [counted(articleCount, "article"), counted(pageCount, "page"), counted(warningCount, "warning"), counted(errorCount, "error")]
            .joined(separator: ", ")
    }
}

/// Runs the pipeline: ingest → normalize → entities → library → pages (rendered, checked and
/// handed to a `SiteSink` on all cores) → feeds and sitemap → link check. Reads through an
/// injected file system; where the files go is the sink's business.
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

    /// What became of one article file on the thread that read it.
    private struct ArticleOutcome: Sendable {
        var analyzed: AnalyzedArticle?
        var diagnostics: [Diagnostic]
        /// Thread seconds spent reading, normalizing and recognizing it.
        var seconds: (read: Double, normalize: Double, entities: Double) = (0, 0, 0)
    }

    func analyze(_ timer: inout StepTimer) -> Analysis {
        let loader = ContentLoader(root: options.contentDirectory, fileSystem: fileSystem)
        var (site, diagnostics) = loader.loadSite()
        let (registry, registryDiagnostics) = loader.loadRegistry()
        diagnostics += registryDiagnostics
        if let baseURL = options.baseURL { site.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        let paths = loader.articlePaths(into: &diagnostics)
        timer.lap("ingest")

        // Each article is read, normalized and recognized on one thread, on all cores, so the
        // raw text of the archive is never in memory all at once.
        let normalizer = Normalizer(places: registry.places)
        let recognizer = EntityRecognizer(registry: registry)
        let outcomes = parallelMap(paths) { path -> ArticleOutcome in
            let clock = ContinuousClock()
            let start = clock.now
            let (source, found) = loader.loadListedArticle(path)
            var outcome = ArticleOutcome(diagnostics: found)
            let read = clock.now
            outcome.seconds.read = (read - start).seconds
            guard let source else { return outcome }
            let normalized = normalizer.normalize(source)
            let done = clock.now
            outcome.seconds.normalize = (done - read).seconds
            outcome.analyzed = recognizer.analyze(normalized).compactedForLibrary()
            outcome.seconds.entities = (clock.now - done).seconds
            return outcome
        }
        var analyzed: [AnalyzedArticle] = []
        analyzed.reserveCapacity(outcomes.count)
        var seconds: (read: Double, normalize: Double, entities: Double) = (0, 0, 0)
        for outcome in outcomes {
            diagnostics += outcome.diagnostics
            seconds.read += outcome.seconds.read
            seconds.normalize += outcome.seconds.normalize
            seconds.entities += outcome.seconds.entities
            if let article = outcome.analyzed {
                analyzed.append(article)
                diagnostics += article.article.diagnostics + article.diagnostics
            }
        }
        timer.lap("analyze")
        timer.detail("read", seconds.read)
        timer.detail("normalize", seconds.normalize)
        timer.detail("entities", seconds.entities)

        let library = Library(articles: analyzed, registry: registry)
        diagnostics += library.diagnostics
        timer.lap("library")
        return Analysis(site: site, library: library, articleCount: analyzed.count, diagnostics: diagnostics)
    }

    /// Builds the site in memory (`files`); nothing is written. `progress`, if given, hears the
    /// name of each step as it completes (for a progress line).
    public func build(progress: ((String) -> Void)? = nil) -> BuildResult {
        let sink = MemorySink()
        var result = build(into: sink, progress: progress)
        result.files = sink.files
        return result
    }

    /// What became of one page job on the thread that rendered it.
    private struct JobOutcome: Sendable {
        var checks: [LinkChecker.PageCheck] = []
        var body: String?
        var templateError: TemplateError?
        var writeError: WriteError?
    }

    /// Builds the site, handing each file to `sink` as soon as it is rendered and checked, so
    /// the site is never held in memory whole. When the pages cannot be rendered (a template
    /// error, reported in the diagnostics) `paths` is empty; when a file cannot be put,
    /// `writeError` says so. Either way the caller must not use what the sink holds.
    public func build(into sink: any SiteSink, progress: ((String) -> Void)? = nil) -> BuildResult {
        var timer = StepTimer(onLap: progress)
        let analysis = analyze(&timer)
        let site = analysis.site
        let library = analysis.library
        var result = BuildResult(articleCount: analysis.articleCount, library: library, diagnostics: analysis.diagnostics, timings: [])

        do throws(TemplateError) {
            let theme = try loadTheme()
            let renderer = try SiteRenderer(library: library, site: site, templates: theme.templates)
            let jobs = renderer.jobs()
            let known = Set(jobs.flatMap(renderer.paths(of:)) + theme.assets.map(\.path))
            let checker = LinkChecker(basePath: SiteConfig.path(of: site.baseURL))
            let anchors = AnchorIndex()
            let cards = renderer.makeCards()
            @Sendable func deliver(_ file: OutputFile, _ outcome: inout JobOutcome) {
                if file.path.hasSuffix(".html") { outcome.checks.append(checker.check(page: file, paths: known, anchors: anchors)) }
                do { try sink.put(file) } catch { outcome.writeError = outcome.writeError ?? error }
            }
            let outcomes = parallelMap(jobs) { job -> JobOutcome in
                var outcome = JobOutcome()
                do throws(TemplateError) {
                    let rendered = try renderer.render(job, cards)
                    outcome.body = rendered.body
                    for file in rendered.files { deliver(file, &outcome) }
                } catch {
                    outcome.templateError = error
                }
                return outcome
            }
            timer.lap("pages")

            var links = LinkCheckResults()
            var bodies: [String] = []
            for outcome in outcomes {
                if let error = outcome.templateError { throw error }
                result.writeError = result.writeError ?? outcome.writeError
                outcome.checks.forEach { links.add($0) }
                if let body = outcome.body { bodies.append(body) }
            }
            // The search page, feeds and theme files, then the crawler files listing them all.
            let closing = Locked((paths: [String](), checks: [LinkChecker.PageCheck](), error: WriteError?.none))
            @Sendable func deliverClosing(_ file: OutputFile) {
                var outcome = JobOutcome()
                deliver(file, &outcome)
                closing.withLock {
                    $0.paths.append(file.path)
                    $0.checks += outcome.checks
                    $0.error = $0.error ?? outcome.writeError
                }
            }
            try renderer.closingFiles(feedBodies: bodies, into: deliverClosing)
            theme.assets.forEach(deliverClosing)
            var paths = known.union(closing.withLock { $0.paths })
            for file in CrawlerFiles.make(listing: paths, library: library, site: site) {
                deliverClosing(file)
                paths.insert(file.path)
            }
            closing.withLock { done in
                done.checks.forEach { links.add($0) }
                result.writeError = result.writeError ?? done.error
            }
            timer.lap("feeds")

            for broken in links.finish(paths: paths, anchors: anchors) {
                result.diagnostics.append(Diagnostic(.error, step: "link check", file: broken.page, "broken link to \(broken.target): \(broken.reason)"))
            }
            result.paths = paths.sorted()
            timer.lap("link check")
        } catch {
            result.diagnostics.append(error.diagnostic)
        }
        result.diagnostics.sort()
        result.timings = timer.laps
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

/// Measures named steps with a monotonic clock (for `--timings`; never written into a page).
struct StepTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var laps: [(step: String, seconds: Double)] = []
    private let onLap: ((String) -> Void)?

    init(onLap: ((String) -> Void)? = nil) {
        last = clock.now
        self.onLap = onLap
    }

    mutating func lap(_ step: String) {
        let now = clock.now
        laps.append((step, (now - last).seconds))
        last = now
        onLap?(step)
    }

    /// A part of the step just lapped, as seconds summed over the threads that did it (shown
    /// indented under the step, not added to the total).
    mutating func detail(_ part: String, _ threadSeconds: Double) {
        laps.append(("  " + part, threadSeconds))
    }
}
