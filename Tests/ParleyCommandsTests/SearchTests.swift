import Foundation
import Ingest
@testable import ParleyCommands
import ParleyTestSupport
import Site
import Testing

/// `parley build` and Pagefind: found or not, run on the staging folder, failing cleanly.
@Suite struct SearchTests {
    static let installed: Bool = {
        if case .found = Pagefind.locate(option: nil, environment: ProcessInfo.processInfo.environment) { return true }
        return false
    }()

    /// Runs the `parley` executable; returns its exit status and standard output.
    func parley(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: KillTests.parley)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// An executable shell script.
    func script(_ path: String, _ body: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n\(body)\n".utf8), attributes: [.posixPermissions: 0o755])
    }

    let templates = RepositoryPaths.inRepository("templates")
    let basic = RepositoryPaths.inRepository("Tests/Fixtures/sites/basic/content")

    @Test func lookupOrderIsOptionThenEnvironmentThenPath() {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        for folder in ["a", "b", "empty"] { mkdir(root + "/" + folder, 0o755) }
        script(root + "/a/pagefind", "exit 0")
        script(root + "/b/pagefind", "exit 0")
        _ = FileManager.default.createFile(atPath: root + "/b/pagefind_extended", contents: Data()) // not executable: skipped

        let onPath = ["PATH": "\(root)/empty:\(root)/b:\(root)/a"]
        #expect(Pagefind.locate(option: nil, environment: onPath) == .found(Pagefind(executable: root + "/b/pagefind")))
        #expect(Pagefind.locate(option: nil, environment: onPath.merging(["PARLEY_PAGEFIND": root + "/a/pagefind"]) { $1 })
            == .found(Pagefind(executable: root + "/a/pagefind")))
        #expect(Pagefind.locate(option: root + "/b/pagefind", environment: onPath.merging(["PARLEY_PAGEFIND": root + "/a/pagefind"]) { $1 })
            == .found(Pagefind(executable: root + "/b/pagefind")))

        // Named but missing: search is off, and the message names the path and the install command.
        let missing = Pagefind.locate(option: root + "/nowhere/pagefind", environment: onPath)
        #expect(missing == .missing("pagefind not found at \(root)/nowhere/pagefind (pip install pagefind-bin)"))
        // Nothing on the PATH (not even python3 to ask for the pagefind_bin package).
        #expect(Pagefind.locate(option: nil, environment: ["PATH": root + "/empty"]) == .missing("pagefind not found (pip install pagefind-bin)"))
        #expect((try? SearchOptions.parse(["--no-search"]))?.lookup(environment: onPath) == .missing("turned off with --no-search"))
    }

    @Test func withoutPagefindTheBuildSucceedsAndSaysSearchIsOff() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let (status, output) = try parley(["build", "--content", basic, "--templates", templates, "--output", root + "/public",
                                           "--pagefind", root + "/missing/pagefind"])
        #expect(status == 0)
        #expect(output.contains("search is off: pagefind not found at \(root)/missing/pagefind (pip install pagefind-bin)"), "\(output)")
        #expect(RepositoryPaths.exists(root + "/public/index.html"))
        #expect(RepositoryPaths.exists(root + "/public/search/index.html"), "the search page is there, and says search is off")
        #expect(!RepositoryPaths.exists(root + "/public/pagefind"))

        // The same through the environment variable.
        var environment = ProcessInfo.processInfo.environment
        environment["PARLEY_PAGEFIND"] = root + "/missing/pagefind"
        let again = try parley(["build", "--content", basic, "--templates", templates, "--output", root + "/public"], environment: environment)
        #expect(again.status == 0)
        #expect(again.output.contains("search is off: pagefind not found at \(root)/missing/pagefind"), "\(again.output)")
    }

    @Test func pagefindRunsOnTheStagingFolderBeforeTheSwap() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        // A stand-in that records its arguments and what the folder holds, and writes an index.
        script(root + "/fake-pagefind", """
        echo "$@" > \(root)/arguments
        test -f "$2/index.html" && test -f "$2/search/index.html" && test ! -e \(root)/public/index.html && echo complete > \(root)/seen
        mkdir -p "$2/pagefind" && echo index > "$2/pagefind/pagefind.js"
        echo "  Indexed 3 pages"
        """)
        let (status, output) = try parley(["build", "--content", basic, "--templates", templates, "--output", root + "/public",
                                           "--pagefind", root + "/fake-pagefind"])
        #expect(status == 0)
        #expect(output.contains("search: Pagefind Indexed 3 pages"), "\(output)")
        let arguments = try String(contentsOfFile: root + "/arguments", encoding: .utf8)
        #expect(arguments.hasPrefix("--site \(root)/.public.staging-"), "\(arguments)")
        #expect(arguments.contains("--keep-index-url"))
        // Only the folders of the pages the theme marks for the search are looked at.
        #expect(arguments.contains("--glob articles/**/*.html"), "\(arguments)")
        #expect(RepositoryPaths.exists(root + "/seen"), "Pagefind saw the whole new site, before anything was at the output")
        #expect(RepositoryPaths.exists(root + "/public/pagefind/pagefind.js"))
    }

    /// A build whose marked pages are byte for byte the last build's links the last index into
    /// the new site instead of running the indexer: not when an article changed, not when the
    /// indexer did, not without the cache.
    @Test func theLastIndexIsKeptWhileTheIndexedPagesAreTheSame() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        try FileManager.default.copyItem(atPath: basic, toPath: root + "/content")
        let fake = root + "/fake-pagefind"
        func install(_ version: String) {
            script(fake, """
            echo run >> \(root)/runs
            mkdir -p "$2/pagefind" && echo "index \(version) $(cat $2/articles/*/index.html | cksum)" > "$2/pagefind/pagefind.js"
            echo "  Indexed 3 pages"
            """)
        }
        install("1")
        func build(_ extra: [String] = []) throws -> String {
            let (status, output) = try parley(["build", "--content", root + "/content", "--templates", templates, "--output", root + "/public",
                                               "--pagefind", fake] + (extra.isEmpty ? ["--cache", root + "/cache"] : extra))
            #expect(status == 0, "\(output)")
            return output
        }
        func runs() -> Int { ((try? String(contentsOfFile: root + "/runs", encoding: .utf8)) ?? "").split(separator: "\n").count }
        func index() -> String? { try? String(contentsOfFile: root + "/public/pagefind/pagefind.js", encoding: .utf8) }

        _ = try build()
        #expect(runs() == 1)
        let first = try #require(index())
        let again = try build()
        #expect(again.contains("search: Pagefind index kept (the pages it indexes did not change)"), "\(again)")
        #expect(runs() == 1)
        #expect(index() == first)
        // Another indexer (its file changed), then an edited article: indexed again.
        install("2")
        _ = try build()
        #expect(runs() == 2)
        #expect(index() != first)
        let article = root + "/content/articles/antalya.txt"
        try (String(contentsOfFile: article, encoding: .utf8) + "\nOfficials said the talks would go on.\n").write(toFile: article, atomically: true, encoding: .utf8)
        _ = try build()
        #expect(runs() == 3)
        _ = try build()
        #expect(runs() == 3)
        _ = try build(["--no-cache"])
        #expect(runs() == 4)
    }

    @Test func aFailingPagefindFailsTheBuildAndKeepsThePreviousSite() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let first = try parley(["build", "--content", basic, "--templates", templates, "--output", root + "/public", "--no-search"])
        #expect(first.status == 0)
        let before = KillTests.snapshot(root + "/public")
        script(root + "/broken-pagefind", "echo 'Error: cannot index' >&2; exit 3")
        let (status, _) = try parley(["build", "--content", basic, "--templates", templates, "--output", root + "/public",
                                      "--base-url", "https://elsewhere.example/", "--pagefind", root + "/broken-pagefind"])
        #expect(status == 2)
        #expect(KillTests.snapshot(root + "/public") == before, "the previous site is left whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".public.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(.enabled(if: SearchTests.installed, "Pagefind is not installed (pip install pagefind-bin)"))
    func realPagefindIndexesEveryArticleAndNothingElse() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let (status, output) = try parley(["build", "--content", basic, "--templates", templates, "--output", root + "/public"])
        #expect(status == 0)
        let articles = try DiskFileSystem().listFiles(in: root + "/public/articles").filter { $0.hasSuffix("/index.html") }
        #expect(articles.count == 3)
        #expect(output.contains("search: Pagefind Indexed \(articles.count) pages"), "only article pages are indexed: \(output)")
        for file in ["pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"] {
            #expect(RepositoryPaths.exists(root + "/public/pagefind/" + file), "\(file)")
        }
        let entry = try String(contentsOfFile: root + "/public/pagefind/pagefind-entry.json", encoding: .utf8)
        #expect(entry.contains("\"page_count\":3"), "\(entry)")

        // Pagefind run over the whole site (not only the folders Parley hands it) makes the
        // same record of each page.
        try FileManager.default.copyItem(atPath: root + "/public", toPath: root + "/whole")
        try removeTree(root + "/whole/pagefind")
        guard case .found(let pagefind) = Pagefind.locate(option: nil) else { return }
        _ = try pagefind.index(site: root + "/whole")
        let fragments = KillTests.snapshot(root + "/public/pagefind/fragment")
        #expect(fragments.count == 3)
        #expect(fragments == KillTests.snapshot(root + "/whole/pagefind/fragment"))

        // The same input gives the same site, search index included.
        #expect(try parley(["build", "--content", basic, "--templates", templates, "--output", root + "/again"]).status == 0)
        let first = KillTests.snapshot(root + "/public"), second = KillTests.snapshot(root + "/again")
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, bytes) in first where second[path] != bytes {
            Issue.record("\(path) differs between two builds of the same input")
        }
    }

    /// A theme that marks another kind of page too (here the home page) gets it searched: the
    /// pages handed to Pagefind are then the folders and files of both kinds, in one glob.
    @Test(.enabled(if: SearchTests.installed, "Pagefind is not installed (pip install pagefind-bin)"))
    func aThemeMarkingTheHomePageGetsItSearchedToo() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        try FileManager.default.copyItem(atPath: templates, toPath: root + "/theme")
        let home = try String(contentsOfFile: root + "/theme/home.mustache", encoding: .utf8)
        try home.replacingOccurrences(of: "<h1>{{site.title}}</h1>", with: "<h1 data-pagefind-body>{{site.title}}</h1>")
            .write(toFile: root + "/theme/home.mustache", atomically: true, encoding: .utf8)
        let (status, output) = try parley(["build", "--content", basic, "--templates", root + "/theme", "--output", root + "/public"])
        #expect(status == 0)
        #expect(output.contains("search: Pagefind Indexed 4 pages"), "three articles and the home page: \(output)")
    }

    /// A large archive is previewed faster without the search index (Pagefind indexes the whole
    /// site on every build), and the timings of each build can be watched.
    @Test func serveTakesTheSearchAndTimingsOptionsOfBuild() throws {
        let serve = try ServeCommand.parse(["--no-search", "--timings", "--pagefind", "/opt/pagefind"])
        #expect(serve.timings)
        #expect(serve.search.lookup() == .missing("turned off with --no-search"))
        let searching = try ServeCommand.parse(["--pagefind", "/nonexistent/pagefind"])
        #expect(!searching.timings)
        #expect(searching.search.lookup() == .missing("pagefind not found at /nonexistent/pagefind (\(Pagefind.installHint))"))
    }
}
