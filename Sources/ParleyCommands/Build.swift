import ArgumentParser
import Dispatch
import ParleyCore
import Site

public struct Build: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
        The new site is written into a staging folder beside the output and swapped into place \
        only when it is complete, so the output folder always holds a whole site. A bad article \
        does not stop the build: it is reported, and the rest of the site is built.

        When Pagefind is found (pip install pagefind-bin), it indexes the new site for search \
        before the swap; without it the site is built and search is off. A site with more than \
        1,000 pages to search is indexed in parts of up to about 1,000 pages (PARLEY_SEARCH_PART_PAGES \
        sets another size), searched as one; with the cache, only the parts whose pages changed \
        are indexed again.

        Exit status: 0 when the site was built without errors; 1 when there were errors (the \
        site is still written if it could be built); 2 when nothing could be written.
        """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var search: SearchOptions

    @OptionGroup var cache: CacheOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site.", valueName: "dir"))
    var output = "public"

    @Flag(name: .long, help: "Print the time each step took (indented: its parts, in processor time summed over threads), and why a build with the cache read the whole library when it did.")
    var timings = false

    @Flag(name: .shortAndLong, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    public func run() throws {
        let outcome = BuildCommand(site: site, output: output, timings: timings, verbose: verbose, search: search.lookup(),
                                   cacheFolder: cache.folder).run()
        let status = outcome.status
        // The library is let go of on another thread: object by object that takes a tenth of a
        // second at 10,000 articles, and when the process ends first, the system takes the
        // memory back at once.
        DispatchQueue.global().async { [outcome = consume outcome] in withExtendedLifetime(outcome) {} }
        if status != 0 { throw ExitCode(status) }
    }
}

/// What `BuildCommand.run` did.
struct BuildOutcome: Sendable {
    /// 0 built cleanly, 1 built with errors, 2 nothing written.
    var status: Int32
    /// The build, if one ran.
    var result: BuildResult?
    /// Why the output folder could not be used or written, if that was the trouble.
    var outputProblem: String?
}

/// `parley build`, shared with `parley check` (which builds into a temporary folder) and
/// `parley serve` (which builds again on every change).
struct BuildCommand {
    var site: SiteOptions
    var output: String
    var timings: Bool
    var verbose: Bool
    /// Say where the site went (not for `check`, whose output is a temporary folder).
    var namesOutput = true
    /// Pagefind for the search index, or why search is off; looked for as `parley build` does
    /// without options when not given.
    var search: Pagefind.Lookup?
    /// The build cache, or nil to build from scratch (`parley check` keeps none).
    var cacheFolder: String? = nil
    /// What the process keeps of the cache between builds (`parley serve`), or nil.
    var memory: BuildMemory? = nil

    func run() -> BuildOutcome {
        if let problem = OutputLocation.problem(output: output, content: site.content, templates: site.templates)
            ?? cacheFolder.flatMap({ OutputLocation.problem(cache: $0, output: output) }) {
            printError("parley: error: \(problem)")
            return BuildOutcome(status: 2, outputProblem: problem)
        }
        let progress = ProgressLine.standardOutput()
        let builder = SiteBuilder(options: BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates, baseURL: site.baseURL,
                                                             cacheFolder: cacheFolder, memory: memory))
        let staging: SiteWriter.Staging
        do {
            staging = try SiteWriter(output: output, keepsPrevious: cacheFolder != nil).begin()
        } catch {
            printError("parley: error: \(error.description)")
            return BuildOutcome(status: 2, outputProblem: error.description)
        }
        var result = builder.build(into: staging, progress: progress.stepFinished)
        // Nothing from here on needs the library (at 100,000 articles 1.6 GB): let go of it and
        // hand its memory back on another thread, while the search index is made.
        let dropped = Locked(result.library)
        result.library = nil
        DispatchQueue.global().async {
            dropped.withLock { $0 = nil }
            SiteBuilder.returnFreedMemory()
        }
        progress.clear()
        report(result.diagnostics, verbose: verbose)
        if result.paths.isEmpty || result.writeError != nil {
            staging.discard()
            if let error = result.writeError {
                printError("parley: error: \(error.description)")
            } else {
                printError("parley: nothing to write; \(output) is left as it was")
            }
            print(result.summary)
            return BuildOutcome(status: 2, result: result, outputProblem: result.writeError?.description)
        }
        let start = ContinuousClock.now
        var indexer: ((String) throws(WriteError) -> Void)?
        var searchSeconds: Double?
        switch search ?? Pagefind.locate(option: nil) {
        case .found(let pagefind):
            let indexing = SearchIndexing(pagefind: pagefind, result: result, staging: staging, cacheFolder: cacheFolder)
            indexer = { folder throws(WriteError) in
                let start = ContinuousClock.now
                print("search: " + (try indexing.run(in: folder)))
                searchSeconds = seconds(since: start)
            }
        case .missing(let reason):
            print("search is off: \(reason)")
        }
        progress.status(indexer == nil ? "putting the site in place…" : "indexing for search…")
        do {
            try staging.commit(beforeSwap: indexer)
        } catch {
            progress.clear()
            printError("parley: error: \(error.description)")
            print(result.summary)
            return BuildOutcome(status: 2, result: result, outputProblem: error.description)
        }
        progress.clear()
        if timings { printTimings(result, swapSeconds: seconds(since: start) - (searchSeconds ?? 0), searchSeconds: searchSeconds) }
        print(namesOutput ? "\(result.summary) → \(output)/" : result.summary)
        return BuildOutcome(status: result.errorCount > 0 ? 1 : 0, result: result)
    }
}
