import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Ingest
import ParleyCore
import Serve
import Site

public struct ServeCommand: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1, and rebuild and reload open pages on every change.",
        discussion: """
        The site is built into the output folder exactly as `parley build` builds it and served \
        from there at the path of its base URL (http://127.0.0.1:8000/parley/ for a base_url \
        of https://example.org/parley/). The content and templates folders are watched; a saved \
        change rebuilds the site and reloads the pages open in the browser; between builds the \
        server keeps what the build cache holds in memory, so a rebuild reads only the files that \
        changed. While a build has \
        errors, pages show them with their files and lines; fixing the file brings the site back. \
        The reload script is added to pages as they are served, never written to the output.

        Ctrl-C stops the server (exit status 0). Exit status 2: the output folder cannot be used; \
        1: the server could not start (the port is taken, say).
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site, which is served from there.", valueName: "dir"))
    var output = "public"

    @Option(name: .long, help: ArgumentHelp("The port to listen on, on 127.0.0.1; 0 picks a free one.", valueName: "port"))
    var port = 8000

    @OptionGroup var cache: CacheOptions

    @OptionGroup var search: SearchOptions

    @Flag(name: .long, help: "Print the time each step of each build took, as `parley build --timings` does.")
    var timings = false

    @Flag(name: .shortAndLong, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a number from 0 to 65535.") }
    }

    public func run() async throws {
        // One memory of the cache for every build of the session.
        let command = BuildCommand(site: site, output: output, timings: timings, verbose: verbose, search: search.lookup(),
                                   cacheFolder: cache.folder, memory: BuildMemory())
        let site = site
        let server = PreviewServer(port: port, siteFolder: output, watched: [site.content, site.templates])
        let before = FolderSnapshot.take(server.watched)
        let first = Self.timed(command)
        if first.outputProblem != nil { throw ExitCode(2) }
        let interrupted: Bool
        do {
            interrupted = try await server.run(
                first: Self.report(first, site: site),
                before: before,
                build: { Self.report(Self.timed(command), site: site) },
                onListening: { url in say("Serving \(url) (Ctrl-C stops)") },
                onChange: { changed in say("\(Self.describe(changed)) changed; rebuilding") }
            )
        } catch {
            printError("parley: error: cannot serve on 127.0.0.1:\(port): \(error)")
            throw ExitCode(1)
        }
        say(interrupted ? "Stopped during a rebuild; \(output)/ holds the site of the build before." : "Stopped.")
    }

    /// Runs the build and says how long it took.
    static func timed(_ command: BuildCommand) -> BuildOutcome {
        let start = ContinuousClock.now
        let outcome = command.run()
        say("Built in \(String(fixed: seconds(since: start), decimals: 2)) s.")
        return outcome
    }

    /// What the preview server needs to know of a build; says so when it failed.
    static func report(_ outcome: BuildOutcome, site: SiteOptions) -> BuildReport {
        if outcome.status != 0 { say("The build failed: pages show the errors until they are fixed.") }
        flushOutput()
        let baseURL = site.baseURL ?? ContentLoader(root: site.content).loadSite().0.baseURL
        return BuildReport(failed: outcome.status != 0,
                           diagnostics: outcome.result?.diagnostics ?? [],
                           problems: outcome.outputProblem.map { [$0] } ?? [],
                           basePath: SiteConfig.path(of: baseURL))
    }

    /// `content/articles/a.txt`, or `content/articles/a.txt and 3 more files`.
    static func describe(_ changed: [String]) -> String {
        guard let first = changed.first else { return "Something" }
        switch changed.count {
        case 1: return first
        case 2: return "\(first) and 1 more file"
        default: return "\(first) and \(changed.count - 1) more files"
        }
    }
}

/// Prints a line to standard output at once, even when it is a pipe.
private func say(_ line: String) {
    print(line)
    flushOutput()
}

private func flushOutput() {
    fflush(nil)
}
