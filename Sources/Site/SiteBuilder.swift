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

/// The outcome of a build: the files of the site (not yet written) and what was found on the way.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var articleCount: Int
    public var library: Library?
    public var diagnostics: [Diagnostic]
    /// Seconds per named step, in order.
    public var timings: [(step: String, seconds: Double)]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }

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

    /// `progress`, if given, hears the name of each step as it completes (for a progress line).
    public func build(progress: ((String) -> Void)? = nil) -> BuildResult {
        var timer = StepTimer(onLap: progress)
        let analysis = analyze(&timer)
        let site = analysis.site
        let library = analysis.library
        var diagnostics = analysis.diagnostics

        var files: [OutputFile] = []
        do throws(TemplateError) {
            let theme = try loadTheme()
            let renderer = try SiteRenderer(library: library, site: site, templates: theme.templates)
            files = try renderer.render() + theme.assets
            files += CrawlerFiles.make(listing: files, library: library, site: site)
        } catch {
            diagnostics.append(error.diagnostic)
        }
        timer.lap("render")

        if !files.isEmpty {
            for broken in LinkChecker(basePath: SiteConfig.path(of: site.baseURL)).check(files) {
                diagnostics.append(Diagnostic(.error, step: "link check", file: broken.page, "broken link to \(broken.target): \(broken.reason)"))
            }
        }
        timer.lap("link check")

        return BuildResult(files: files.sorted { $0.path < $1.path }, articleCount: analysis.articleCount, library: library,
                           diagnostics: diagnostics.sorted(), timings: timer.laps)
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
}
