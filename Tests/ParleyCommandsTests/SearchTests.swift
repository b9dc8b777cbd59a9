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

    /// Runs the `parley` executable; returns its exit status and standard output (or, with
    /// `standardError`, what it wrote there instead).
    func parley(_ arguments: [String], environment: [String: String]? = nil, standardError: Bool = false) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: KillTests.parley)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = standardError ? FileHandle.nullDevice : pipe
        process.standardError = standardError ? pipe : FileHandle.nullDevice
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
    let sample = RepositoryPaths.inRepository("content")

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

    /// A site with more marked pages than a part holds (here one page a part) is indexed in
    /// parts: Pagefind is run once a part, on a folder of that part's pages alone, each part in
    /// its folder of the index; the search page is told the parts. An edit indexes again only the
    /// part that holds the edited page.
    @Test func aLargeSiteIsIndexedInPartsAndAnEditIndexesOnlyItsPart() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        // The sample site: five articles, in parts of one page on average (eight parts).
        try FileManager.default.copyItem(atPath: sample, toPath: root + "/content")
        // Records each run's pages; writes them as its "index" where it is told to.
        script(root + "/fake-pagefind", """
        site="$2"; out="$2/pagefind"
        [ "$4" = "--output-path" ] && out="$5"
        pages=$(cd "$site" && find . -name '*.html' | sort | tr '\\n' ' ')
        echo "$pages" >> \(root)/runs
        mkdir -p "$out" && echo "$pages $(cd "$site" && cat $(find . -name '*.html' | sort) | cksum)" > "$out/pagefind.js"
        echo "  Indexed $(echo $pages | wc -w) pages"
        """)
        var environment = ProcessInfo.processInfo.environment
        environment["PARLEY_SEARCH_PART_PAGES"] = "1"
        func build(parts: Bool = true) throws -> String {
            let (status, output) = try parley(["build", "--content", root + "/content", "--templates", templates, "--output", root + "/public",
                                               "--pagefind", root + "/fake-pagefind", "--cache", root + "/cache"],
                                              environment: parts ? environment : nil)
            #expect(status == 0, "\(output)")
            return output
        }
        func runs() -> [String] { ((try? String(contentsOfFile: root + "/runs", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }
        func listed() throws -> [String] {
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/public/pagefind/parts.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String]])["parts"] ?? []
        }

        let first = try build()
        let made = runs()
        #expect((2...5).contains(made.count), "some parts hold a page, none is run twice: \(made)")
        #expect(made.allSatisfy { $0.split(separator: " ").allSatisfy { $0.hasPrefix("./articles/") } }, "only marked pages: \(made)")
        #expect(made.flatMap { $0.split(separator: " ") }.count == 5, "each article in one part: \(made)")
        #expect(first.contains("search: Pagefind indexed 5 pages in \(made.count) parts"), "\(first)")
        let parts = try listed()
        #expect(parts.count == made.count - 1)
        for folder in [""] + parts {
            #expect(RepositoryPaths.exists(root + "/public/pagefind/\(folder)pagefind.js"), "part \(folder)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".public.staging") }
        #expect(leftovers.isEmpty, "the folders of each part's pages are removed: \(leftovers)")
        let indexes = KillTests.snapshot(root + "/public/pagefind")

        // Nothing changed: every part kept, as it was.
        let again = try build()
        #expect(again.contains("search: Pagefind index kept: \(made.count) parts"), "\(again)")
        #expect(runs().count == made.count)
        #expect(KillTests.snapshot(root + "/public/pagefind") == indexes)

        // One article edited: its part alone is indexed again, and it holds the new page.
        let article = root + "/content/articles/001_d046daa32b3b511d.txt"
        try (String(contentsOfFile: article, encoding: .utf8) + "\nOfficials said the talks would go on.\n").write(toFile: article, atomically: true, encoding: .utf8)
        let edited = try build()
        let after = runs()
        #expect(after.count == made.count + 1, "\(after)")
        #expect(edited.contains("1 of \(made.count) parts"), "\(edited)")
        let redone = try #require(after.last)
        #expect(made.contains(redone), "the same part, the same pages")
        let changed = KillTests.snapshot(root + "/public/pagefind").filter { indexes[$0.key] != $0.value }.map(\.key)
        #expect(changed.count == 1, "one part's index changed: \(changed)")
        #expect(try listed() == parts)

        // The default size of a part: the five pages are one index again, the parts gone.
        let whole = try build(parts: false)
        #expect(whole.contains("search: Pagefind Indexed "), "\(whole)")
        #expect(runs().last?.contains("./index.html") == true, "given the whole site (and the glob of the marked pages)")
        #expect(try listed().isEmpty)
        #expect(!RepositoryPaths.exists(root + "/public/pagefind/parts"))
    }

    /// The parts to index are made two at a time, their results kept in order; a failure is
    /// thrown once the runs under way have finished, and no other run starts.
    @Test func partsAreIndexedTwoAtATime() throws {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var running = 0, most = 0, started = 0
        }
        let counter = Counter()
        let results = try SearchIndexing.concurrently(Array(0..<12), width: 2) { item throws(WriteError) -> Int in
            counter.lock.withLock { counter.running += 1; counter.started += 1; counter.most = max(counter.most, counter.running) }
            usleep(20_000)
            counter.lock.withLock { counter.running -= 1 }
            return item * item
        }
        #expect(results == (0..<12).map { $0 * $0 })
        #expect(counter.most == 2)
        let failing = Counter()
        #expect(throws: WriteError.self) {
            _ = try SearchIndexing.concurrently(Array(0..<12), width: 2) { item throws(WriteError) -> Int in
                failing.lock.withLock { failing.started += 1 }
                usleep(10_000)
                if item == 3 { throw WriteError(path: "part 3", message: "pagefind failed") }
                return item
            }
        }
        #expect(failing.started < 12, "no run starts after a failure: \(failing.started)")
    }

    /// `--timings` lists each step with its time, the search index among them (it is made
    /// before the swap, and not counted in it), and a total that is their sum.
    @Test func theTimingsShowTheSearchIndexAsAStepOfItsOwn() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        script(root + "/slow-pagefind", """
        sleep 0.3; mkdir -p "$2/pagefind" && echo index > "$2/pagefind/pagefind.js"
        echo "  Indexed 3 pages"
        """)
        let errors = try parley(["build", "--content", basic, "--templates", templates, "--output", root + "/public",
                                 "--pagefind", root + "/slow-pagefind", "--timings"], standardError: true).output
        var steps: [String: Double] = [:]
        var order: [String] = []
        for line in errors.split(separator: "\n") where !line.hasPrefix(" ") && line.hasSuffix(" ms") {
            let words = line.dropLast(3).split(separator: " ")
            guard let last = words.last, let milliseconds = Double(last) else { continue }
            let step = words.dropLast().joined(separator: " ")
            steps[step] = milliseconds
            order.append(step)
        }
        #expect(Array(order.suffix(3)) == ["search index", "swap", "total"], "\(errors)")
        #expect(order.contains("ingest") && order.contains("pages"), "\(order)")
        let search = try #require(steps["search index"])
        #expect(search >= 300, "the indexer's time: \(search) ms")
        #expect(try #require(steps["swap"]) < 300, "the swap alone")
        let sum = order.dropLast().reduce(0) { $0 + steps[$1]! }
        #expect(abs(sum - steps["total"]!) < 1, "\(sum) against \(steps["total"]!)")
    }

    /// With the cache, `--timings` says why a build read the whole library rather than keep the
    /// last build's pages: here an article added.
    @Test func theTimingsSayWhyTheWholeLibraryWasRead() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let content = root + "/content"
        try SiteWriter(output: content).write(try DiskFileSystem().listFiles(in: basic).map {
            OutputFile(path: $0, bytes: try DiskFileSystem().readFile(basic + "/" + $0))
        })
        let build = ["build", "--content", content, "--templates", templates, "--output", root + "/public", "--cache", root + "/cache",
                     "--no-search", "--timings"]
        #expect(try parley(build).status == 0)
        let same = try parley(build, standardError: true).output
        #expect(!same.contains("the whole library was read"), "\(same)")
        let article = try #require(try DiskFileSystem().listFiles(in: content + "/articles").first)
        let text = try DiskFileSystem().readFile(content + "/articles/" + article)
        #expect(FileManager.default.createFile(atPath: content + "/articles/copy-" + article, contents: Data(Array("A second look\n\n".utf8) + text)))
        let added = try parley(build, standardError: true).output
        #expect(added.contains("the whole library was read: articles were added or removed"), "\(added)")
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

    /// Real Pagefind, a site in parts: each part is a Pagefind index of its own, and the parts
    /// together hold the very records of the pages that one index of the whole site holds.
    @Test(.enabled(if: SearchTests.installed, "Pagefind is not installed (pip install pagefind-bin)"))
    func realPagefindPartsHoldTheRecordsOfTheWholeIndex() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        var environment = ProcessInfo.processInfo.environment
        environment["PARLEY_SEARCH_PART_PAGES"] = "1"
        let (status, output) = try parley(["build", "--content", sample, "--templates", templates, "--output", root + "/parts"], environment: environment)
        #expect(status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/parts/pagefind/parts.json"))
        let parts = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String]])["parts"] ?? []
        #expect(!parts.isEmpty, "\(output)")
        var fragments: [String: [UInt8]] = [:]
        var pageCount = 0
        for folder in [""] + parts {
            let entry = try String(contentsOfFile: root + "/parts/pagefind/\(folder)pagefind-entry.json", encoding: .utf8)
            let count = entry.firstMatch(of: /"page_count":(\d+)/).map { Int($0.1)! } ?? 0
            #expect(count >= 1, "part \(folder): \(entry)")
            pageCount += count
            fragments.merge(KillTests.snapshot(root + "/parts/pagefind/\(folder)fragment")) { first, _ in first }
            #expect(RepositoryPaths.exists(root + "/parts/pagefind/\(folder)pagefind.js"))
        }
        #expect(pageCount == 5)
        let whole = try parley(["build", "--content", sample, "--templates", templates, "--output", root + "/whole"])
        #expect(whole.status == 0)
        #expect(fragments == KillTests.snapshot(root + "/whole/pagefind/fragment"))
    }

    /// A theme that marks another kind of page too (here the home page) gets it searched: the
    /// pages handed to Pagefind are then the folders and files of both kinds, in one glob.
    /// HTML names attributes in any case, and so does Pagefind: a mark written in capitals counts.
    @Test(.enabled(if: SearchTests.installed, "Pagefind is not installed (pip install pagefind-bin)"),
          arguments: ["data-pagefind-body", "DATA-PAGEFIND-BODY", "Data-Pagefind-Body"])
    func aThemeMarkingTheHomePageGetsItSearchedToo(mark: String) throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        try FileManager.default.copyItem(atPath: templates, toPath: root + "/theme")
        let home = try String(contentsOfFile: root + "/theme/home.mustache", encoding: .utf8)
        try home.replacingOccurrences(of: "<h1>{{site.title}}</h1>", with: "<h1 \(mark)>{{site.title}}</h1>")
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
