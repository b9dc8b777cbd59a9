import Foundation
import Ingest
import ParleyTestSupport
import Site
import Testing

/// `build(writingTo:)` writes each file as it is rendered; the site on disk must be exactly the
/// one `build()` makes in memory, and a build that cannot render leaves the output alone.
@Suite struct StreamingBuildTests {
    func builder(_ content: String) -> SiteBuilder {
        SiteBuilder(options: BuildOptions(contentDirectory: content, templatesDirectory: RepositoryPaths.inRepository("templates")))
    }

    func snapshot(_ folder: String) throws -> [String: [UInt8]] {
        let fs = DiskFileSystem()
        var files: [String: [UInt8]] = [:]
        for path in try fs.listFiles(in: folder) { files[path] = try fs.readFile(folder + "/" + path) }
        return files
    }

    @Test(arguments: ["Tests/Fixtures/sites/basic/content", "content"])
    func writtenSiteIsTheSiteBuiltInMemory(content: String) throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let site = builder(RepositoryPaths.inRepository(content))
        let inMemory = site.build()
        let streamed = site.build(writingTo: SiteWriter(output: root + "/public"))
        #expect(streamed.writeError == nil)
        #expect(streamed.files.isEmpty, "nothing is kept in memory")
        #expect(streamed.diagnostics == inMemory.diagnostics)
        #expect(streamed.pageCount == inMemory.pageCount && streamed.fileCount == inMemory.files.count)
        let written = try snapshot(root + "/public")
        #expect(written.keys.sorted() == inMemory.files.map(\.path))
        for file in inMemory.files { #expect(written[file.path] == file.bytes, "\(file.path)") }
    }

    @Test func aTemplateErrorLeavesThePreviousSite() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let content = RepositoryPaths.inRepository("Tests/Fixtures/sites/basic/content")
        let output = root + "/public"
        _ = builder(content).build(writingTo: SiteWriter(output: output))
        let before = try snapshot(output)
        // A theme whose article template does not parse.
        let theme = root + "/theme"
        try FileManager.default.copyItem(atPath: RepositoryPaths.inRepository("templates"), toPath: theme)
        try Data("{{#title}}never closed".utf8).write(to: URL(fileURLWithPath: theme + "/article.mustache"))
        let result = SiteBuilder(options: BuildOptions(contentDirectory: content, templatesDirectory: theme))
            .build(writingTo: SiteWriter(output: output))
        #expect(result.fileCount == 0)
        #expect(result.diagnostics.contains { $0.step == "render" && $0.severity == .error })
        #expect(try snapshot(output) == before)
        #expect(try DiskFileSystem().listFiles(in: root).allSatisfy { $0.hasPrefix("public/") || $0.hasPrefix("theme/") },
                "no staging folder is left behind")
    }
}

/// Pages checked one by one, as a streamed build checks them.
@Suite struct PageByPageLinkCheckTests {
    @Test func anchorsIntoPagesNotYetSeenAreCheckedAtTheEnd() {
        let checker = LinkChecker()
        let paths: Set<String> = ["index.html", "articles/a/index.html"]
        var results = LinkCheckResults()
        // The home page comes first and points into an article page checked later.
        let home = checker.check(page: OutputFile(path: "index.html", text: ##"<a href="articles/a/index.html#p2">ok</a> <a href="articles/a/index.html#p9">bad</a>"##),
                                 paths: paths, knownIDs: [:])
        #expect(home.broken.isEmpty, "cannot be known yet")
        results.add(home)
        let article = checker.check(page: OutputFile(path: "articles/a/index.html", text: ##"<p id="p1"></p><p id="p2"></p><a href="../../index.html#p2">x</a>"##),
                                    paths: paths, knownIDs: results.ids)
        #expect(article.broken.map(\.target) == ["../../index.html#p2"], "the home page was seen: checked at once")
        results.add(article)
        #expect(results.finish().map(\.target).sorted() == ["../../index.html#p2", "articles/a/index.html#p9"])
    }
}
