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
    /// The build cache folder (`BuildCache`); nil builds everything from scratch and keeps nothing.
    public var cacheFolder: String?
    /// What this process keeps of the cache between its builds (`parley serve`), or nil.
    public var memory: BuildMemory?

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates", baseURL: String? = nil,
                cacheFolder: String? = nil, memory: BuildMemory? = nil) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.baseURL = baseURL
        self.cacheFolder = cacheFolder
        self.memory = memory
    }

    /// The build cache, when there is one.
    var cache: BuildCache? { cacheFolder.map { BuildCache(folder: $0, memory: memory) } }
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
    /// Page jobs rendered, of all page jobs (the others were kept from the last build).
    public var pagesRendered = 0
    public var pageJobs = 0
    /// Built as body edits (`BodyEdits`): only the edited articles' pages were made, from the
    /// last build's, without building the library (`library` is then nil), and for quote or
    /// summary edits the pages showing them (`SurfaceEdits`).
    public var bodyEditsOnly = false
    /// When a build of body or surface edits was tried and given up (the whole library was then
    /// read): why.
    public var wholeLibraryBecause: String?
    /// The pages the search indexes, with their digests, in no order (`SearchScope`).
    public var searchMarked: [SearchScope.Page] = []
    /// What the search index is made from (`SearchScope.of`): the glob of the pages the indexer
    /// looks at (nil for every page), the digest of their paths and bytes (nil when the theme
    /// marks none), and the pages by path. Worked out when asked: a build without search does not.
    public var searchInputs: (glob: String?, digest: ContentDigest?, pages: [SearchScope.Page]) { SearchScope.of(searchMarked) }
    /// The glob of `searchInputs`.
    public var searchScope: String? { SearchScope.glob(marked: searchMarked.map(\.path)) }

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
        /// The build cache, when there is one and it could be used: with the digest of each
        /// article's analysis (by library index) and of the registries and code.
        var cache: BuildCache?
        var articleDigests: [ContentDigest]?
        var identity: ContentDigest?
        /// With the cache: each article's file as it was read (by library index, nil when the
        /// file system gives no fingerprints), what the build reported before reading any
        /// article, and the registry the analyses were coded against.
        var articleFingerprints: [FileFingerprint]?
        var inputDiagnostics = ContentDigest(high: 0, low: 0)
        var registryIndex: RegistryIndex?
    }

    public func analyze() -> Analysis {
        var timer = StepTimer()
        return analyze(readInputs(), &timer)
    }

    /// What a build reads before any article: the site settings, the registries and the list
    /// of article files, with what reading them reported.
    struct Inputs {
        var loader: ContentLoader
        var site: SiteConfig
        var registry: Registry
        var paths: [String]
        var diagnostics: [Diagnostic]
    }

    func readInputs() -> Inputs {
        let loader = ContentLoader(root: options.contentDirectory, fileSystem: fileSystem)
        var (site, diagnostics) = loader.loadSite()
        let (registry, registryDiagnostics) = loader.loadRegistry()
        diagnostics += registryDiagnostics
        if let baseURL = options.baseURL { site.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        let paths = loader.articlePaths(into: &diagnostics)
        return Inputs(loader: loader, site: site, registry: registry, paths: paths, diagnostics: diagnostics)
    }

    /// What became of one article file on the thread that read it.
    private struct ArticleOutcome: Sendable {
        var analyzed: AnalyzedArticle?
        var diagnostics: [Diagnostic]
        /// The digest of the analysis and the summary (with a build cache).
        var digest: ContentDigest?
        var summary: String?
        var fingerprint: FileFingerprint?
        /// Thread seconds spent reading, normalizing and recognizing it.
        var seconds: (read: Double, normalize: Double, entities: Double) = (0, 0, 0)
        var fromCache = false
        var cacheProblem: WriteError?
    }

    /// `fingerprints`: article files already looked at in this build, by source path;
    /// `recognizer`: one already made for this registry.
    func analyze(_ inputs: Inputs, _ timer: inout StepTimer, fingerprints known: [String: FileFingerprint] = [:],
                 recognizer made: EntityRecognizer? = nil) -> Analysis {
        let (loader, site, registry, paths) = (inputs.loader, inputs.site, inputs.registry, inputs.paths)
        var diagnostics = inputs.diagnostics
        let inputDiagnostics = Self.digest(of: diagnostics)
        var usableCache = options.cache
        if let folder = usableCache {
            do throws(WriteError) {
                try folder.prepare(BuildCache.articlesFolder)
            } catch {
                diagnostics.append(Diagnostic(.warning, step: "cache", file: folder.folder, "\(error.message); building without the cache"))
                usableCache = nil
            }
        }
        let cache = usableCache
        let identity = cache.map { _ in BuildCache.analysisIdentity(registry) }
        let registryIndex = RegistryIndex(registry)
        timer.lap("ingest")

        // Each article is read, normalized and recognized on one thread, on all cores, so the
        // raw text of the archive is never in memory all at once. With a cache, an article file
        // whose fingerprint did not change is not read, and one whose text did not change is
        // not analyzed again.
        let normalizer = Normalizer(places: registry.places)
        // Made when an article is to be analyzed: not for a build that takes every analysis from the cache.
        let recognizer = Lazy { made ?? EntityRecognizer(registry: registry) }
        let outcomes = parallelMap(paths) { path -> ArticleOutcome in
            let clock = ContinuousClock()
            let start = clock.now
            let fingerprint = cache == nil ? nil : known[path] ?? loader.fingerprint(path)
            let cached = cache.flatMap { $0.loadArticle(path, identity: identity!, registry: registryIndex) }
            if let cached, let fingerprint, cached.fingerprint == fingerprint {
                var outcome = ArticleOutcome(analyzed: cached.analyzed, diagnostics: cached.diagnostics, digest: cached.digest,
                                             summary: cached.summary, fingerprint: fingerprint, fromCache: true)
                outcome.seconds.read = (clock.now - start).seconds
                return outcome
            }
            let (source, found) = loader.loadListedArticle(path)
            var outcome = ArticleOutcome(diagnostics: found, fingerprint: fingerprint)
            let read = clock.now
            outcome.seconds.read = (read - start).seconds
            var record = BuildCache.ArticleRecord(fingerprint: fingerprint, key: source.map(BuildCache.key(of:)), diagnostics: found)
            if let source {
                if let cached, cached.key == record.key, cached.analyzed != nil {
                    record.analyzed = cached.analyzed
                    record.digest = cached.digest
                    record.summary = cached.summary
                    outcome.fromCache = true
                } else {
                    let normalized = normalizer.normalize(source)
                    let done = clock.now
                    outcome.seconds.normalize = (done - read).seconds
                    record.analyzed = recognizer.value.analyze(normalized).compactedForLibrary()
                    outcome.seconds.entities = (clock.now - done).seconds
                }
            }
            if let cache {
                do throws(WriteError) {
                    record = try cache.saveArticle(path, record, identity: identity!, registry: registryIndex)
                } catch {
                    outcome.cacheProblem = error
                }
            }
            outcome.analyzed = record.analyzed
            outcome.digest = record.digest
            outcome.summary = record.summary
            return outcome
        }
        var analyzed: [AnalyzedArticle] = []
        analyzed.reserveCapacity(outcomes.count)
        var summaries: [String?] = []
        summaries.reserveCapacity(outcomes.count)
        var digests: [String: ContentDigest] = [:]
        var fingerprints: [String: FileFingerprint] = [:]
        var seconds: (read: Double, normalize: Double, entities: Double) = (0, 0, 0)
        var cacheProblem: WriteError?
        var reused = 0
        for outcome in outcomes {
            diagnostics += outcome.diagnostics
            seconds.read += outcome.seconds.read
            seconds.normalize += outcome.seconds.normalize
            seconds.entities += outcome.seconds.entities
            cacheProblem = cacheProblem ?? outcome.cacheProblem
            if outcome.fromCache { reused += 1 }
            if let article = outcome.analyzed {
                analyzed.append(article)
                summaries.append(outcome.summary)
                diagnostics += article.article.diagnostics + article.diagnostics
                if let digest = outcome.digest { digests[article.article.source.path] = digest }
                if let fingerprint = outcome.fingerprint { fingerprints[article.article.source.path] = fingerprint }
            }
        }
        if let cache, let cacheProblem {
            diagnostics.append(Diagnostic(.warning, step: "cache", file: cache.folder, "cannot keep the analysis: \(cacheProblem.description)"))
        }
        if let cache, reused < paths.count { cache.pruneArticles(keeping: paths) }
        timer.lap("analyze")
        timer.detail("read", seconds.read)
        timer.detail("normalize", seconds.normalize)
        timer.detail("entities", seconds.entities)

        let library = Library(articles: analyzed, registry: registry, summaries: summaries)
        diagnostics += library.diagnostics
        timer.lap("library")
        var analysis = Analysis(site: site, library: library, articleCount: analyzed.count, diagnostics: diagnostics)
        if cache != nil, cacheProblem == nil {
            let ordered = library.articles.map { digests[$0.article.source.path] }
            if ordered.allSatisfy({ $0 != nil }) {
                analysis.cache = cache
                analysis.articleDigests = ordered.map { $0! }
                analysis.identity = identity
                analysis.inputDiagnostics = inputDiagnostics
                analysis.registryIndex = registryIndex
                let read = library.articles.map { fingerprints[$0.article.source.path] }
                if read.allSatisfy({ $0 != nil }) { analysis.articleFingerprints = read.map { $0! } }
            }
        }
        return analysis
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
        /// With a build cache: what the page was made from; `rendered` false when it was kept.
        var kept: PageManifest.Entry?
        var rendered = false
        /// Its page and the page's digest, when the page holds what marks the pages the search
        /// indexes (`SearchScope`).
        var searchable: SearchScope.Page?
        var body: String?
        /// For an article's page: its library index and the other articles it links to.
        var links: (index: Int, links: ArticleLinks)?
        var templateError: TemplateError?
        var writeError: WriteError?
        /// Thread seconds spent working out the page's inputs, rendering it, and checking and
        /// writing its files.
        var seconds: (inputs: Double, render: Double, deliver: Double) = (0, 0, 0)
    }

    /// Builds the site, handing each file to `sink` as soon as it is rendered and checked, so
    /// the site is never held in memory whole. When the pages cannot be rendered (a template
    /// error, reported in the diagnostics) `paths` is empty; when a file cannot be put,
    /// `writeError` says so. Either way the caller must not use what the sink holds.
    public func build(into sink: any SiteSink, progress: ((String) -> Void)? = nil) -> BuildResult {
        var timer = StepTimer(onLap: progress)
        let inputs = readInputs()
        var carryover = BodyEdits.Carryover()
        if let edits = buildBodyEdits(inputs, into: sink, timer: &timer, carryover: &carryover) { return edits }
        if !timer.laps.isEmpty { timer.collapse(into: "body edits (not taken)") }
        let analysis = analyze(inputs, &timer, fingerprints: carryover.fingerprints, recognizer: carryover.recognizer)
        let site = analysis.site
        let library = analysis.library
        var result = BuildResult(articleCount: analysis.articleCount, library: library, diagnostics: analysis.diagnostics, timings: [])
        result.wholeLibraryBecause = carryover.notTaken

        do throws(TemplateError) {
            let theme = if let carried = carryover.theme { carried } else { try loadTheme() }
            let renderer = try SiteRenderer(library: library, site: site, templates: theme.templates)
            let jobs = renderer.jobs()
            let known = Set(jobs.flatMap(renderer.paths(of:)) + theme.assets.map(\.path))
            let checker = LinkChecker(site: site, templates: theme.templates)
            let knownPaths = KnownPaths(known)
            let anchors = AnchorIndex()
            timer.lap("page list")
            let cards = renderer.makeCards()
            // Whether an article's page holds its body once, as it is, so that a later build
            // of a body edit can write the new body into it (`BodyEdits`).
            let bodyInPlace = theme.templates.rendersOnce("body", unescapedIn: "article")
            timer.lap("cards")
            // Incremental: pages whose inputs did not change since the last build are kept.
            let inputs = analysis.articleDigests.map { PageInputs(library: library, articleDigests: $0, cardDigests: cards.digests) }
            let cache = analysis.cache
            let pageIdentity = analysis.identity.map { PageManifest.identity(analysis: $0, theme: theme.digest, site: site) }
            // The manifests the body-edit attempt read, when it read them for the same pages.
            let carried = (last: carryover.lastPages?.take(), reused: carryover.reusedPages?.take())
            let useCarried = carryover.identity != nil && carryover.identity == pageIdentity
            var previous: PageManifest?
            if let cache, let pageIdentity, let stamp = sink.previousStamp {
                previous = useCarried ? carried.last : PageManifest.load(cache, identity: pageIdentity, output: stamp, parts: [.pages, .articles])
            }
            let last = previous
            timer.lap("page manifests")
            // The site the sink starts from (the one before the last), when it has one: its pages
            // whose inputs did not change are already in place. When what it holds is not known,
            // it is emptied.
            var reusedSite: PageManifest?
            // Its files, looked at, when its list is not known: a file there that is the last
            // site's own (a link of it) is kept as it is, and the others are replaced or removed.
            var reusedFiles: [String] = []
            if let stamp = sink.reusedStamp {
                if let cache, let pageIdentity {
                    reusedSite = useCarried ? carried.reused
                        : PageManifest.load(cache, file: PageManifest.previousFile, identity: pageIdentity, output: stamp, parts: .pages)
                }
                if reusedSite == nil { reusedFiles = sink.heldFiles() }
            }
            let reused = reusedSite
            /// The entry of a page whose inputs did not change: already in the reused site, or
            /// kept from the last one; nil when the page must be rendered.
            @Sendable func unchanged(_ paths: [String], digest: ContentDigest) -> PageManifest.Entry? {
                if let there = reused?.entry(for: paths, digest: digest) { return there }
                if let kept = last?.entry(for: paths, digest: digest), paths.allSatisfy(sink.keep) { return kept }
                return nil
            }
            @Sendable func deliver(_ file: OutputFile, _ outcome: inout JobOutcome) {
                if file.path.hasSuffix(".html") { outcome.checks.append(checker.check(page: file, paths: knownPaths, anchors: anchors)) }
                // A page rendered again that came out the same is kept, not rewritten.
                if last != nil, sink.isUnchanged(file), sink.keep(file.path) { return }
                do { try sink.put(file) } catch { outcome.writeError = outcome.writeError ?? error }
            }
            let outcomes = parallelMap(jobs) { job -> JobOutcome in
                var outcome = JobOutcome()
                let clock = ContinuousClock()
                let start = clock.now
                let paths = renderer.paths(of: job)
                // An article's links to other articles, worked out once for its inputs and its page.
                var links: ArticleLinks?
                if case .article(let index) = job {
                    links = library.links(of: index)
                    if analysis.cache != nil { outcome.links = (index, links!) }
                }
                let digest = inputs?.digest(job, paths: paths, links: links)
                var lap = clock.now
                outcome.seconds.inputs = (lap - start).seconds
                if let digest, let kept = unchanged(paths, digest: digest) {
                    anchors.insert(kept.anchors)
                    outcome.kept = kept
                    outcome.searchable = kept.searchDigest.map { SearchScope.Page(path: paths[0], digest: $0) }
                    if case .article(let index) = job, index < Feeds.limit { outcome.body = renderer.articleBody(index) }
                    return outcome
                }
                var body: BodySpan?
                do throws(TemplateError) {
                    let rendered = try renderer.render(job, paths: paths, cards, links: links)
                    if case .article(let index) = job, let html = rendered.body {
                        if index < Feeds.limit { outcome.body = html }
                        if inputs != nil, bodyInPlace { body = BodySpan.find(Array(html.utf8), in: rendered.files[0].bytes) }
                    }
                    let rendering = clock.now
                    outcome.seconds.render = (rendering - lap).seconds
                    lap = rendering
                    for file in rendered.files { deliver(file, &outcome) }
                    outcome.seconds.deliver = (clock.now - lap).seconds
                } catch {
                    outcome.templateError = error
                }
                outcome.searchable = outcome.checks.lazy.compactMap(\.searchPage).first
                if let digest {
                    outcome.kept = PageManifest.Entry(digest: digest, paths: paths, anchors: outcome.checks.flatMap(\.anchors),
                                                      broken: outcome.checks.flatMap(\.broken), body: body, searchDigest: outcome.searchable?.digest)
                    outcome.rendered = true
                }
                outcome.checks = outcome.checks.compactMap(\.unsettled)
                return outcome
            }
            timer.lap("pages")
            timer.detail("inputs", outcomes.reduce(0) { $0 + $1.seconds.inputs })
            timer.detail("rendering", outcomes.reduce(0) { $0 + $1.seconds.render })
            timer.detail("checks and writes", outcomes.reduce(0) { $0 + $1.seconds.deliver })
            // The pages that list article cards are done: what was kept to render those lists
            // once per article is not needed for the search page, the feeds and the link check.
            theme.templates.fragments.removeAll()
            library.cardShelf.release()
            Self.returnFreedMemory()

            var links = LinkCheckResults()
            var articleLinks = [ArticleLinks?](repeating: nil, count: analysis.cache != nil ? library.articles.count : 0)
            var bodies: [String] = []
            var manifest = PageManifest()
            var searchable: [SearchScope.Page] = []
            result.pageJobs = outcomes.count
            for outcome in outcomes {
                if let error = outcome.templateError { throw error }
                if let page = outcome.searchable { searchable.append(page) }
                result.writeError = result.writeError ?? outcome.writeError
                outcome.checks.forEach { links.add($0) }
                if let body = outcome.body { bodies.append(body) }
                if let (index, found) = outcome.links { articleLinks[index] = found }
                if let kept = outcome.kept {
                    manifest.entries[kept.paths[0]] = kept
                    if outcome.rendered { result.pagesRendered += 1 } else { links.add(broken: kept.broken) }
                } else {
                    result.pagesRendered += 1
                }
            }
            // The search page, feeds and theme files, then the crawler files listing them all.
            let closing = Locked((paths: [String](), checks: [LinkChecker.PageCheck](), error: WriteError?.none,
                                  feeds: [PageManifest.Entry]()))
            @Sendable func deliverClosing(_ file: OutputFile) {
                var outcome = JobOutcome()
                deliver(file, &outcome)
                closing.withLock {
                    $0.paths.append(file.path)
                    $0.checks += outcome.checks
                    $0.error = $0.error ?? outcome.writeError
                }
            }
            // A feed beside a person's or an event's page is kept when its entries did not change.
            @Sendable func keepFeed(_ path: String, _ articles: ArraySlice<Int>) -> Bool {
                guard let inputs else { return false }
                let entry = PageManifest.Entry(digest: inputs.feedDigest(path: path, articles: articles), paths: [path], anchors: [], broken: [])
                closing.withLock { $0.feeds.append(entry) }
                guard unchanged([path], digest: entry.digest) != nil else { return false }
                closing.withLock { $0.paths.append(path) }
                return true
            }
            manifest.siteFeed = try renderer.closingFiles(feedBodies: bodies, into: deliverClosing, keepFeed: keepFeed)
            theme.assets.forEach(deliverClosing)
            var paths = known.union(closing.withLock { $0.paths })
            for file in CrawlerFiles.make(listing: paths, library: library, site: site) {
                deliverClosing(file)
                paths.insert(file.path)
            }
            closing.withLock { done in
                manifest.searchClosing = done.checks.compactMap(\.searchPage)
                searchable += manifest.searchClosing
                done.checks.forEach { links.add($0) }
                result.writeError = result.writeError ?? done.error
                for feed in done.feeds { manifest.entries[feed.paths[0]] = feed }
            }
            if sink.reusedStamp != nil { sink.removeLeftovers(keeping: paths, had: reused?.files ?? reusedFiles) }
            timer.lap("feeds")

            for broken in links.finish(paths: paths, anchors: anchors) {
                result.diagnostics.append(broken.diagnostic)
            }
            result.paths = paths.sorted()
            manifest.files = result.paths
            result.searchMarked = searchable
            timer.lap("link check")
            if let cache, let pageIdentity, let stamp = sink.stamp, result.writeError == nil {
                if let fingerprints = analysis.articleFingerprints, let digests = analysis.articleDigests, let registry = analysis.registryIndex {
                    manifest.articles = BodyEdits.articleStates(library, fingerprints: fingerprints, analyses: digests,
                                                                registry: registry, last: last)
                    manifest.inputDiagnostics = analysis.inputDiagnostics
                    // Sorted here once for both: the sort below finds them in order.
                    result.diagnostics.sort()
                    manifest.diagnostics = result.diagnostics
                }
                // What a later build of surface edits renders pages from, made and kept on
                // another thread meanwhile.
                let outlineKept: Pending<WriteError?>?
                if !manifest.articles.isEmpty, articleLinks.allSatisfy({ $0 != nil }) {
                    let (links, key) = (articleLinks.map { $0! }, LibraryOutline.key(identity: pageIdentity, articles: manifest.articles))
                    outlineKept = Pending { () -> WriteError? in
                        do throws(WriteError) {
                            try LibraryOutline(library, links: links).save(cache, key: key)
                            return nil
                        } catch {
                            return error
                        }
                    }
                } else {
                    outlineKept = nil
                }
                var failure: WriteError?
                do throws(WriteError) {
                    try manifest.save(cache, identity: pageIdentity, output: stamp)
                } catch {
                    failure = error
                }
                if let error = outlineKept?.take() { failure = failure ?? error }
                if let failure {
                    result.diagnostics.append(Diagnostic(.warning, step: "cache", file: cache.folder, "cannot keep the page list: \(failure.description)"))
                }
                timer.lap("page manifest kept")
            }
        } catch {
            result.diagnostics.append(error.diagnostic)
        }
        result.diagnostics.sort()
        result.timings = timer.laps
        return result
    }

    /// The templates (`*.mustache`) and the static files (`static/…`, copied to the site root).
    func loadTheme() throws(TemplateError) -> (templates: TemplateSet, assets: [OutputFile], digest: ContentDigest) {
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
        var digest = ByteWriter()
        for name in sources.keys.sorted() {
            digest.write(name)
            digest.write(sources[name]!)
        }
        for asset in assets {
            digest.write(asset.path)
            digest.write(asset.bytes)
        }
        return (try TemplateSet(sources: sources), assets, ContentDigest.of(digest.bytes))
    }
}

extension SiteBuilder {
    /// Hands the memory freed so far back to the system. The C allocator keeps what a build
    /// frees (the rendered cards of every list, each thread's buffers) for later allocations,
    /// which the last steps of a build are too few to use: without this, the peak memory of a
    /// large build is set at its end by memory it no longer holds.
    public static func returnFreedMemory() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }

    /// The digest of a list of diagnostics, in order.
    static func digest(of diagnostics: [Diagnostic]) -> ContentDigest {
        var w = ByteWriter()
        w.write(diagnostics)
        return ContentDigest.of(w.bytes)
    }
}

#if canImport(Glibc)
/// glibc's `malloc_trim` (declared in `malloc.h`, which the Glibc module leaves out).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

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

    /// Ends a step now and makes every step so far one step, `step` (the time of work that
    /// was given up).
    mutating func collapse(into step: String) {
        lap(step)
        let total = laps.filter { !$0.step.hasPrefix(" ") }.reduce(0) { $0 + $1.seconds }
        laps = [(step, total)]
    }

    /// A part of the step just lapped, as seconds summed over the threads that did it (shown
    /// indented under the step, not added to the total).
    mutating func detail(_ part: String, _ threadSeconds: Double) {
        laps.append(("  " + part, threadSeconds))
    }
}
