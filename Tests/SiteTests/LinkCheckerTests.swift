import Site
import Testing

@Suite struct LinkCheckerTests {
    let files = [
        OutputFile(path: "index.html", text: ##"<a href="people/x/index.html">x</a> <a href="people/x/">x</a> <a href="https://example.org/">ext</a> <a href="#top">top</a><h1 id="top">T</h1>"##),
        OutputFile(path: "people/x/index.html", text: ##"<link href="../../style.css"><a href="../../index.html#top">home</a> <a href="../../articles/a/index.html#p2">quote</a>"##),
        OutputFile(path: "articles/a/index.html", text: ##"<p id="p1">a</p><p id="p2">b</p><a href="index.md">md</a>"##),
        OutputFile(path: "articles/a/index.md", text: "# md"),
        OutputFile(path: "style.css", text: "body{}"),
        OutputFile(path: "404.html", text: ##"<a href="/digest/index.html">home</a>"##),
    ]

    @Test func acceptsAWellLinkedSite() {
        #expect(LinkChecker(basePath: "/digest/").check(files).isEmpty)
    }

    @Test func findsMissingPagesAndAnchors() {
        var broken = files
        broken.append(OutputFile(path: "events/e/index.html", text: ##"<a href="../../people/y/index.html">y</a> <a href="../../articles/a/index.html#p9">p9</a> <a href="../../../outside.html">o</a> <img src="../../missing.png">"##))
        let problems = LinkChecker(basePath: "/digest/").check(broken)
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.page == "events/e/index.html" })
        #expect(problems.contains { $0.target == "../../people/y/index.html" && $0.reason.contains("no such file") })
        #expect(problems.contains { $0.target.hasSuffix("#p9") && $0.reason.contains("no element with id 'p9'") })
        #expect(problems.contains { $0.reason.contains("outside the site") })
        #expect(problems.contains { $0.target == "../../missing.png" })
    }

    @Test func rootAbsoluteLinksMustStayUnderTheBasePath() {
        let problems = LinkChecker(basePath: "/digest/").check([OutputFile(path: "404.html", text: ##"<a href="/elsewhere/">x</a>"##)])
        #expect(problems.count == 1)
    }
}

/// Pages checked one by one, as they are rendered.
@Suite struct PageByPageLinkCheckTests {
    @Test func anchorsIntoPagesNotYetSeenAreCheckedAtTheEnd() {
        let checker = LinkChecker()
        let paths: Set<String> = ["index.html", "articles/a/index.html"]
        let anchors = AnchorIndex()
        var results = LinkCheckResults()
        // The home page comes first and points into an article page checked later.
        let home = checker.check(page: OutputFile(path: "index.html", text: ##"<a href="articles/a/index.html#p2">ok</a> <a href="articles/a/index.html#p9">bad</a>"##),
                                 paths: paths, anchors: anchors)
        #expect(home.broken.isEmpty, "cannot be known yet")
        results.add(home)
        let article = checker.check(page: OutputFile(path: "articles/a/index.html", text: ##"<p id="p1"></p><p id="p2"></p><a href="../../index.html#p2">x</a>"##),
                                    paths: paths, anchors: anchors)
        #expect(article.broken.isEmpty, "the home page's anchors are checked at the end too")
        results.add(article)
        #expect(results.finish(paths: paths, anchors: anchors).map(\.target).sorted() == ["../../index.html#p2", "articles/a/index.html#p9"])
    }

    @Test func aFileMadeAfterThePagesIsFoundAtTheEnd() {
        let checker = LinkChecker()
        let anchors = AnchorIndex()
        var results = LinkCheckResults()
        // The feed is made after the pages: unknown when the page is checked, there at the end.
        let page = checker.check(page: OutputFile(path: "people/x/index.html", text: ##"<a href="feed.xml">feed</a> <a href="gone.xml">gone</a>"##),
                                 paths: ["people/x/index.html"], anchors: anchors)
        #expect(page.broken.isEmpty)
        results.add(page)
        let broken = results.finish(paths: ["people/x/index.html", "people/x/feed.xml"], anchors: anchors)
        #expect(broken.map(\.target) == ["gone.xml"])
        #expect(broken.first?.reason == "no such file people/x/gone.xml")
    }

    @Test func anchorKeysDependOnFileAndID() {
        #expect(AnchorKey(file: "a/index.html", id: "p1") == AnchorKey(file: "a/index.html", id: "p1"))
        #expect(AnchorKey(file: "a/index.html", id: "p1") != AnchorKey(file: "a/index.html", id: "p2"))
        #expect(AnchorKey(file: "a/index.htm", id: "lp1") != AnchorKey(file: "a/index.html", id: "p1"), "the separator keeps them apart")
    }
}
