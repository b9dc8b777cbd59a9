import Entities
import Ingest
import Normalize
import ParleyCore
import Render

/// A build after edits that no page but the edited article's own can show.
///
/// When the article files that changed since the last build still say, to every other page,
/// what they said (`ArticleSurface`: the same title, date, people, roles, events, places,
/// quotes and summary), the library is the same and so is every page but theirs: each edited
/// article's page is the last one with the new body written where the old one stood
/// (`BodySpan`), and its Markdown file is made again. Everything else is kept from the last
/// build, without reading the other articles' analyses: the build costs a look at each article
/// file, the analysis of the edited ones and the manifest of the last build, not a build of
/// the whole library.
///
/// The site's feeds, which carry the bodies of the newest articles, are made again from the
/// last build's feed (kept in the manifest) with the new bodies.
///
/// An edit that changes the article's quotes or summary and nothing else other pages show of it
/// is taken this way too: the pages showing them are then made again from the outline of the
/// last build's library (`SurfaceEdits`).
///
/// Any doubt gives nil, and the caller builds the whole way (which then reuses all it can):
/// articles added or removed, a name in the new text that the library would link and this
/// article alone cannot tell, anchors lost, a theme that does not put the body in the page
/// once as it is, a last build whose manifest is missing or was made with other code,
/// registries, theme or settings.
enum BodyEdits {
    /// At most this many changed article files are taken this way; more are built the whole way.
    static let limit = 64

    /// What the manifest keeps of each article of `library` (in library order) for the next
    /// build: the surface digest of an article whose analysis did not change is taken from the
    /// last build's manifest rather than worked out again.
    static func articleStates(_ library: Library, fingerprints: [FileFingerprint], analyses: [ContentDigest], registry: RegistryIndex,
                              last: PageManifest?) -> [PageManifest.ArticleState] {
        var known: [String: PageManifest.ArticleState] = [:]
        for state in last?.articles ?? [] { known[state.path] = state }
        let lastStates = known
        return parallelMap(Array(library.articles.indices)) { index in
            let entry = library.articles[index]
            let path = entry.article.source.path
            let surface = lastStates[path].flatMap { $0.analysis == analyses[index] ? $0.surface : nil }
                ?? ArticleSurface(entry.analyzed, summary: entry.summary, registry: registry)
            return PageManifest.ArticleState(path: path, page: entry.path, fingerprint: fingerprints[index], analysis: analyses[index],
                                             surface: surface)
        }
    }

    /// The digest a page made by a build of body edits is listed with: never one that
    /// `PageInputs` gives, so the next whole build renders the page again rather than trust it.
    static func digest(replacing digest: ContentDigest, analysis: ContentDigest) -> ContentDigest {
        var w = ByteWriter()
        w.write("body edit")
        w.write(digest)
        w.write(analysis)
        return ContentDigest.of(w.bytes)
    }

    /// What an attempt that was not taken had read and worked out, for the whole build that
    /// follows to use instead of doing it again: each one as of this build, or nil.
    struct Carryover {
        /// The theme, loaded once for both.
        var theme: (templates: TemplateSet, assets: [OutputFile], digest: ContentDigest)?
        /// The recognizer made for the registry, when one was.
        var recognizer: EntityRecognizer?
        /// Every article file looked at, by source path.
        var fingerprints: [String: FileFingerprint] = [:]
        /// The last build's manifest (all parts) and the one of the site the sink starts
        /// from (its pages), read for `identity`; the whole build uses them only under the
        /// same identity.
        var identity: ContentDigest?
        var lastPages: Pending<PageManifest?>?
        var reusedPages: Pending<PageManifest?>?
        /// Why the attempt was given up, once it was made.
        var notTaken: String?
    }

    /// The new files of an edited article: its page and its Markdown file, with what the link
    /// check found in the page.
    struct Rebuilt {
        /// The first path of its page job.
        var key: String
        var entry: PageManifest.Entry
        var files: [OutputFile]
        /// Its links to anchors of other pages, until `resolvePending` looks at them.
        var pending: [LinkChecker.Pending]
    }

    /// Whether `diagnostic` reports a broken link to `file`: to the file missing, or to an
    /// anchor not in it (`LinkChecker`).
    static func isBrokenLink(_ diagnostic: Diagnostic, to file: String) -> Bool {
        guard diagnostic.step == LinkChecker.step else { return false }
        let message = diagnostic.message
        return message.hasSuffix(": no such file \(file)") || (message.hasSuffix("' in \(file)") && message.contains(": no element with id '"))
    }

    /// The links of `rebuilt` pages to anchors of other pages, looked at among the anchors of
    /// the pages they point to: the new pages' own, the others' as the last build found them;
    /// those not there are added to each page's broken links. `files`: every file of the site.
    static func resolvePending(_ rebuilt: inout [Rebuilt], manifest: PageManifest, files: Set<String>) {
        guard rebuilt.contains(where: { !$0.pending.isEmpty }) else { return }
        var made: [String: [AnchorKey]] = [:]
        for page in rebuilt { made[page.key] = page.entry.anchors }
        let anchors = AnchorIndex()
        for target in Set(rebuilt.flatMap { $0.pending.map(\.file) }) {
            if let keys = made[target] ?? manifest.entries[target]?.anchors { anchors.insert(keys) }
        }
        for i in rebuilt.indices where !rebuilt[i].pending.isEmpty {
            var results = LinkCheckResults()
            results.add(LinkChecker.PageCheck(path: rebuilt[i].key, anchors: [], broken: rebuilt[i].entry.broken, pending: rebuilt[i].pending))
            rebuilt[i].entry.broken = results.finish(paths: files, anchors: anchors)
            rebuilt[i].pending = []
        }
    }
}

extension SiteBuilder {
    /// The build of body edits (`BodyEdits`) into `sink`, or nil when the build must go the
    /// whole way, with what was read on the way left in `carryover` for it. Nothing is put
    /// into the sink before the build is sure to be taken this way, but files of the last site
    /// may have been linked into it: the whole build that follows a nil copes with that, as
    /// with any reused site.
    func buildBodyEdits(_ inputs: Inputs, into sink: any SiteSink, timer: inout StepTimer,
                        carryover: inout BodyEdits.Carryover) -> BuildResult? {
        guard let cache = options.cache, let previousStamp = sink.previousStamp, let stamp = sink.stamp else { return nil }
        let (loader, site, registry, paths, diagnostics) = (inputs.loader, inputs.site, inputs.registry, inputs.paths, inputs.diagnostics)
        let identity = BuildCache.analysisIdentity(registry)
        guard let theme = try? loadTheme() else { return nil }
        carryover.theme = theme
        let pageIdentity = PageManifest.identity(analysis: identity, theme: theme.digest, site: site)
        // The articles of the last build first: most builds that cannot take this way (an
        // article added or removed) are told by them alone.
        carryover.notTaken = "the last build was made with other code, registries, theme or settings (or its cache is gone)"
        guard let last = PageManifest.loadArticles(cache, identity: pageIdentity, output: previousStamp), !last.articles.isEmpty else { return nil }
        carryover.notTaken = "articles were added or removed"
        guard last.articles.count == paths.count else { return nil }
        var states = last.articles
        var position: [String: Int] = [:]
        for (index, state) in states.enumerated() { position[state.path] = index }
        guard paths.allSatisfy({ position[$0] != nil }) else { return nil }
        carryover.notTaken = "the settings, the registries or the articles folder report something new"
        guard last.inputDiagnostics == Self.digest(of: diagnostics) else { return nil }
        carryover.notTaken = "the last build's pages could not be reused as they are"
        // The pages of the last build (with its articles, read above), and the list of the site
        // the sink starts from, are read on other threads while the articles are looked at here.
        let reusedStamp = sink.reusedStamp
        let lastArticles = last
        let lastPages = Pending {
            var manifest = PageManifest.load(cache, identity: pageIdentity, output: previousStamp, parts: [.pages, .report])
            manifest?.articles = lastArticles.articles
            manifest?.inputDiagnostics = lastArticles.inputDiagnostics
            return manifest
        }
        let reusedPages = Pending {
            reusedStamp.flatMap { PageManifest.load(cache, file: PageManifest.previousFile, identity: pageIdentity, output: $0, parts: .pages) }
        }
        // Until they are taken here, they are the whole build's if this way is not taken.
        (carryover.identity, carryover.lastPages, carryover.reusedPages) = (pageIdentity, lastPages, reusedPages)
        timer.lap("ingest")

        // The article files that changed, by library index: each file looked at on all cores
        // (a status call each, for every article of the archive).
        let looked = parallelMap(states.map(\.path)) { loader.fingerprint($0) }
        var changed: [(index: Int, fingerprint: FileFingerprint)] = []
        var fingerprints: [String: FileFingerprint] = [:]
        fingerprints.reserveCapacity(states.count)
        for (index, state) in states.enumerated() {
            guard let fingerprint = looked[index] else { return nil }
            fingerprints[state.path] = fingerprint
            if fingerprint != state.fingerprint { changed.append((index, fingerprint)) }
        }
        carryover.fingerprints = fingerprints
        if changed.count > BodyEdits.limit {
            carryover.notTaken = "\(changed.count) articles changed (more than \(BodyEdits.limit) are built the whole way)"
            return nil
        }
        // Each one analyzed (or its analysis taken from the cache) and kept for the next build,
        // and what other pages show of it compared with the last build.
        let registryIndex = RegistryIndex(registry)
        var recognizer: EntityRecognizer?
        var edited: [(index: Int, analyzed: AnalyzedArticle, last: PageManifest.ArticleState)] = []
        var surfaced: [SurfaceEdits.Edit] = []
        for (index, fingerprint) in changed {
            let state = states[index]
            guard let cached = cache.loadArticle(state.path, identity: identity, registry: registryIndex) else { return nil }
            let (source, found) = loader.loadListedArticle(state.path)
            guard let source, found == cached.diagnostics else { return nil }
            var record = BuildCache.ArticleRecord(fingerprint: fingerprint, key: BuildCache.key(of: source), diagnostics: found)
            if cached.key == record.key, let analyzed = cached.analyzed {
                record.analyzed = analyzed
                record.digest = cached.digest
                record.summary = cached.summary
            } else {
                if recognizer == nil {
                    recognizer = EntityRecognizer(registry: registry)
                    carryover.recognizer = recognizer
                }
                let normalized = Normalizer(places: registry.places).normalize(source)
                record.analyzed = recognizer!.analyze(normalized).compactedForLibrary()
            }
            guard let saved = try? cache.saveArticle(state.path, record, identity: identity, registry: registryIndex),
                  let analyzed = saved.analyzed, let digest = saved.digest, let summary = saved.summary
            else { return nil }
            // What other pages show of it: the same, or only its quotes or summary changed
            // (`SurfaceEdits`).
            let surface = ArticleSurface(analyzed, summary: summary, registry: registryIndex)
            guard surface.rest == state.surface.rest else {
                carryover.notTaken = "what other pages show of \(state.path) changed (its title, date, people, roles, events, places or outlet)"
                return nil
            }
            states[index].fingerprint = fingerprint
            states[index].analysis = digest
            states[index].surface = surface
            let edit = SurfaceEdits.Edit(index: index, analyzed: analyzed, summary: summary, quotesChanged: surface.quotes != state.surface.quotes,
                                         summaryChanged: surface.summary != state.surface.summary,
                                         speakersChanged: surface.speakers != state.surface.speakers)
            if edit.quotesChanged || edit.summaryChanged { surfaced.append(edit) }
            // An article whose summary changed has its page made whole (its description changed).
            if digest != state.analysis, !edit.summaryChanged { edited.append((index, analyzed, state)) }
        }

        // Then the pages of the last build, and the new page of each edited article. From
        // here on the manifests are this build's (changed as it goes): a whole build that
        // follows reads them again.
        (carryover.identity, carryover.lastPages, carryover.reusedPages) = (nil, nil, nil)
        defer { reusedPages.finish() }
        guard var manifest = lastPages.take() else { return nil }
        manifest.articles = states
        let people = Set(registry.people.map(\.id))
        let events = Set(registry.events.map(\.id))
        var rebuilt: [BodyEdits.Rebuilt] = []
        var feedChanged = false
        let checker = LinkChecker(site: site, templates: theme.templates)
        // Made when a page is to be checked: not for a build with nothing to make.
        var known: (files: Set<String>, paths: KnownPaths)?
        /// The entry of a page made again, `file`, in place of `entry`, with what the link check
        /// finds in it (its links to anchors of other pages are looked at once every page is
        /// made: `resolvePending`); nil when anchors other pages may link to are lost, or a link
        /// of another page broken before (which the whole build may find mended) points at it.
        func checked(_ file: OutputFile, replacing entry: PageManifest.Entry, digest: ContentDigest, body: BodySpan?)
            -> (entry: PageManifest.Entry, check: LinkChecker.PageCheck)? {
            if known == nil {
                let files = Set(manifest.files)
                known = (files, KnownPaths(files))
            }
            let check = checker.check(page: file, paths: known!.paths, anchors: AnchorIndex())
            guard Set(entry.anchors).isSubset(of: check.anchors),
                  !manifest.diagnostics.contains(where: { BodyEdits.isBrokenLink($0, to: file.path) }) else { return nil }
            return (PageManifest.Entry(digest: digest, paths: entry.paths, anchors: check.anchors, broken: check.broken, body: body,
                                       searchDigest: check.searchDigest), check)
        }
        /// The entry of the article at `index` (its page at `page`) in the site's feeds, which
        /// carry the bodies of the newest articles with their links absolute, given its new body
        /// (and summary, when that changed); false when the last build's feed does not hold it
        /// as it should.
        func updateSiteFeed(_ index: Int, page: String, body: String, summary: String? = nil) -> Bool {
            let url = site.baseURL + String(page.dropLast("index.html".count))
            guard var feed = manifest.siteFeed, index < feed.entries.count, feed.entries[index].url == url,
                  feed.entries[index].contentHTML != nil else { return false }
            feed.entries[index].contentHTML = AbsoluteLinks.resolve(body, against: url)
            if let summary { feed.entries[index].summary = summary }
            manifest.siteFeed = feed
            feedChanged = true
            return true
        }
        for (index, analyzed, state) in edited {
            let updated = states[index]
            guard let entry = manifest.entries[state.page], let span = entry.body,
                  let page = rebuild(analyzed, at: state.page, span: span, sink: sink, registryPeople: people, registryEvents: events)
            else { return nil }
            if index < Feeds.limit, !updateSiteFeed(index, page: state.page, body: page.body) { return nil }
            guard let (newEntry, check) = checked(page.html, replacing: entry,
                                                  digest: BodyEdits.digest(replacing: entry.digest, analysis: updated.analysis), body: page.span),
                  newEntry.paths == [page.html.path, page.markdown.path] else { return nil }
            rebuilt.append(BodyEdits.Rebuilt(key: state.page, entry: newEntry, files: [page.html, page.markdown], pending: check.pending))
        }
        // The site the sink starts from: its list, or its files looked at when that is not known.
        let reused = reusedPages.take()
        let reusedFiles = sink.reusedStamp != nil && reused == nil ? sink.heldFiles() : []
        timer.lap("analyze")
        // The pages showing the quotes or summaries that changed, from the outline of the last
        // build's library, which is kept up to date for the next.
        var outline: LibraryOutline?
        if !surfaced.isEmpty {
            carryover.notTaken = "the pages showing the quotes or summary of \(states[surfaced[0].index].path) could not be made from the outline of the last library"
            guard var kept = LibraryOutline.load(cache, key: LibraryOutline.key(identity: pageIdentity, articles: last.articles)),
                  let made = renderSurfaceEdits(surfaced, outline: &kept, states: states, cache: cache, identity: identity,
                                                registry: registryIndex, site: site, templates: theme.templates)
            else { return nil }
            // Kept again when its quotes changed with their speakers; otherwise the file is right.
            if surfaced.contains(where: \.speakersChanged) { outline = kept }
            // Listed with a digest no whole build gives, as an edited article's page is.
            var edits = ByteWriter()
            for edit in surfaced { edits.write(states[edit.index].analysis) }
            let analyses = ContentDigest.of(edits.bytes)
            for page in made {
                switch page {
                case let .article(index, files, body):
                    let path = states[index].page
                    guard files.count == 2, files[0].path == path, let entry = manifest.entries[path], entry.paths == files.map(\.path) else { return nil }
                    // Where its body is, for a later body edit, when the theme has it in place.
                    let span = entry.body == nil ? nil : BodySpan.find(Array(body.utf8), in: files[0].bytes)
                    guard entry.body == nil || span != nil,
                          let (newEntry, check) = checked(files[0], replacing: entry,
                                                          digest: BodyEdits.digest(replacing: entry.digest, analysis: analyses), body: span)
                    else { return nil }
                    // Made whole, in place of its body written into the last page (an article
                    // both edited and linking to one whose summary changed).
                    rebuilt.removeAll { $0.key == path }
                    rebuilt.append(BodyEdits.Rebuilt(key: path, entry: newEntry, files: files, pending: check.pending))
                    // An edited article among the newest: its entry in the site's feeds.
                    if index < Feeds.limit, let edit = surfaced.first(where: { $0.index == index }),
                       !updateSiteFeed(index, page: path, body: body, summary: edit.summary) { return nil }
                case .page(let file):
                    guard let entry = manifest.entries[file.path], entry.paths == [file.path],
                          let (newEntry, check) = checked(file, replacing: entry,
                                                          digest: BodyEdits.digest(replacing: entry.digest, analysis: analyses), body: nil)
                    else { return nil }
                    rebuilt.append(BodyEdits.Rebuilt(key: file.path, entry: newEntry, files: [file], pending: check.pending))
                case .feed(let file):
                    guard let entry = manifest.entries[file.path], entry.paths == [file.path] else { return nil }
                    let newEntry = PageManifest.Entry(digest: BodyEdits.digest(replacing: entry.digest, analysis: analyses), paths: entry.paths,
                                                      anchors: [], broken: [])
                    rebuilt.append(BodyEdits.Rebuilt(key: file.path, entry: newEntry, files: [file], pending: []))
                }
            }
            timer.lap("pages showing it")
        }
        BodyEdits.resolvePending(&rebuilt, manifest: manifest, files: known?.files ?? [])

        // The last site's files, in place in the site the sink starts from or linked from the
        // output; then the new pages.
        let replaced = Set(rebuilt.map(\.key))
        let feeds = feedChanged ? manifest.siteFeed.map { Feeds.siteFiles($0, baseURL: site.baseURL) } ?? [] : []
        var entryPaths = Set(feeds.map(\.path))
        var kept: [String] = []
        for (key, entry) in manifest.entries {
            entryPaths.formUnion(entry.paths)
            guard !replaced.contains(key), reused?.entry(for: entry.paths, digest: entry.digest) == nil else { continue }
            kept += entry.paths
        }
        for path in manifest.files where !entryPaths.contains(path) { kept.append(path) }
        // Linked on all cores: in the first build after a whole one, every file of the site.
        let batches = stride(from: 0, to: kept.count, by: 256).map { Array(kept[$0..<min($0 + 256, kept.count)]) }
        guard parallelMap(batches, { batch in batch.allSatisfy(sink.keep) }).allSatisfy({ $0 }) else { return nil }
        var result = BuildResult(articleCount: manifest.articles.count, library: nil, diagnostics: [], timings: [])
        for file in feeds {
            do { try sink.put(file) } catch { result.writeError = result.writeError ?? error }
        }
        for page in rebuilt {
            for file in page.files {
                do { try sink.put(file) } catch { result.writeError = result.writeError ?? error }
            }
            manifest.entries[page.key] = page.entry
            manifest.diagnostics.removeAll { $0.step == LinkChecker.step && $0.file == page.key }
            manifest.diagnostics += page.entry.broken.map(\.diagnostic)
        }
        if sink.reusedStamp != nil { sink.removeLeftovers(keeping: known?.files ?? Set(manifest.files), had: reused?.files ?? reusedFiles) }
        manifest.diagnostics.sort()
        result.diagnostics = manifest.diagnostics
        result.paths = manifest.files
        result.searchMarked = manifest.searchPages
        result.pagesRendered = rebuilt.count
        result.bodyEditsOnly = true
        // As a whole build counts them: pages, not the feeds of people and events.
        result.pageJobs = manifest.entries.keys.filter { $0.hasSuffix(".html") }.count
        timer.lap("pages")
        if result.writeError == nil {
            do throws(WriteError) {
                try manifest.save(cache, identity: pageIdentity, output: stamp)
                try outline?.save(cache, key: LibraryOutline.key(identity: pageIdentity, articles: manifest.articles))
            } catch {
                result.diagnostics.append(Diagnostic(.warning, step: "cache", file: cache.folder, "cannot keep the page list: \(error.description)"))
                result.diagnostics.sort()
            }
            timer.lap("page manifest kept")
        }
        result.timings = timer.laps
        return result
    }

    /// The page of an edited article (the last one, `span` holding its old body) with the new
    /// body, and its Markdown file; nil when the last page is not there as recorded, or the new
    /// text links a person or an event that this article and the registry cannot say the
    /// library has (someone named only in other articles).
    private func rebuild(_ analyzed: AnalyzedArticle, at path: String, span: BodySpan, sink: any SiteSink,
                         registryPeople: Set<String>, registryEvents: Set<String>) -> (html: OutputFile, markdown: OutputFile, span: BodySpan, body: String)? {
        let people = registryPeople.union(analyzed.people.map(\.person.id))
        let events = registryEvents.union(analyzed.events.map(\.id))
        let root = PageContexts.root(for: path)
        let unknown = Locked(false)
        let text = SiteRenderer.articleText(analyzed) { kind, id in
            let known: Bool
            switch kind {
            case .person: known = people.contains(id)
            case .event: known = events.contains(id)
            case .place, .organization: return nil
            }
            guard known else {
                unknown.withLock { $0 = true }
                return nil
            }
            return root + (kind == .person ? PersonEntry.folder(of: id) : EventEntry.folder(of: id)) + "index.html"
        }
        guard !unknown.withLock({ $0 }), let old = sink.previousBytes(path) else { return nil }
        let body = Array(text.body.utf8)
        guard path.hasSuffix("index.html"), let page = span.replaced(in: old, by: body), let newSpan = BodySpan.find(body, in: page) else { return nil }
        let folder = String(path.dropLast("index.html".count))
        return (OutputFile(path: path, bytes: page), OutputFile(path: folder + "index.md", text: text.markdown), newSpan, text.body)
    }
}
