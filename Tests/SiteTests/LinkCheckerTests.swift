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
