@testable import Site
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
                                 paths: KnownPaths(paths), anchors: anchors)
        #expect(home.broken.isEmpty, "cannot be known yet")
        results.add(home)
        let article = checker.check(page: OutputFile(path: "articles/a/index.html", text: ##"<p id="p1"></p><p id="p2"></p><a href="../../index.html#p2">x</a>"##),
                                    paths: KnownPaths(paths), anchors: anchors)
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

/// The byte-level pieces of the link check.
@Suite struct LinkCheckBytesTests {
    private func attributes(_ html: String) -> [String] {
        var found: [String] = []
        let bytes = Array(html.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            HTMLScan.forEachAttribute(in: buffer) { kind, range in
                found.append("\(kind)=\(String(decoding: buffer[range], as: UTF8.self))")
            }
        }
        return found
    }

    @Test func scansQuotedIdHrefAndSrcInPageOrder() {
        #expect(attributes(##"<a class="x" href="a.html" id="i">t</a><img alt="" src="p.png">"##) == ["href=a.html", "id=i", "src=p.png"])
        // Another attribute's value is skipped whole, even when it looks like one.
        #expect(attributes(##"<p title="see href=&quot;x&quot; or  id="y">"##) == [])
        #expect(attributes(##"<p title='q' data-id="z" xhref="w" href='single'>"##) == [])
        // An attribute at the very start (no space before it) is not one of ours.
        #expect(attributes(##"id="a" <b id="é–ü">"##) == ["id=é–ü"])
        // A value that is never closed runs to the end.
        #expect(attributes(##"<a href="open"##) == ["href=open"])
        #expect(attributes("") == [])
        #expect(attributes(##"a = "b" <a href="">"##) == ["href="])
    }

    @Test func knownPathsHoldExactlyTheirPaths() {
        let paths = (0..<5_000).map { "articles/a\($0)/index.html" }
        let known = KnownPaths(paths + paths.prefix(10))
        #expect(known.count == 5_000)
        #expect(paths.allSatisfy(known.contains))
        #expect(!(0..<5_000).contains { known.contains("articles/b\($0)/index.html") })
        #expect(!known.contains("") && !KnownPaths([]).contains("index.html"))
    }

    @Test func schemesAreExternalAndColonsInPathsAreNot() {
        let checker = LinkChecker()
        let page = checker.check(page: OutputFile(path: "a/index.html", text: ##"<a href="https://ex.org/x">x</a> <a href="mailto:a@b">m</a> <a href="b/c:d.html">c</a> <a href="x.y+z:q">q</a> <a href="#">top</a>"##),
                                 paths: ["a/index.html"], anchors: AnchorIndex())
        #expect(page.broken.isEmpty)
        #expect(page.pending.map(\.file) == ["a/b/c:d.html"])
    }
}

/// The link check's common case (a relative link, resolved on bytes) says what a plain
/// reading of the link by its parts says: checked on random links of the pieces links are made
/// of, from pages at several depths.
@Suite struct PlainRelativeLinkTests {
    /// The link read by its parts: the first of `:`, `&`, `%` decides whether it is plain
    /// (a scheme before a first colon makes it external), the path ends at the first `?` or
    /// `#` (a `?` after the `#` is the anchor's), and the path's segments are walked from the
    /// page's folder, `..` leaving a folder and a last `.`, `..` or empty one naming a folder.
    static func walked(_ link: String, page: String) -> (resolution: String, target: String) {
        guard let first = link.first, first != "/" else { return ("other", "") }
        let isScheme: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        let hash = link.firstIndex(of: "#")
        let question = link.firstIndex(of: "?").flatMap { q in hash.map { q < $0 ? q : nil } ?? q }
        let pathEnd = [hash, question].compactMap { $0 }.min() ?? link.endIndex
        if let decider = link.firstIndex(where: { ":&%".contains($0) }) {
            let prefix = link[..<decider]
            if link[decider] == ":", decider < pathEnd, !prefix.isEmpty, prefix.allSatisfy(isScheme) { return ("external", "") }
            return ("other", "")
        }
        let fragment = hash.map { "\(link.utf8.distance(from: link.startIndex, to: $0) + 1)..<\(link.utf8.count)" } ?? "none"
        let path = link[..<pathEnd]
        if path.isEmpty { return ("file \(fragment)", page) }
        var folders = page.split(separator: "/").dropLast().map(String.init)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var isFolder = false
        for (i, segment) in segments.enumerated() {
            let last = i == segments.count - 1
            switch segment {
            case "", ".": if last { isFolder = true }
            case "..":
                guard !folders.isEmpty else { return ("problem leads outside the site", "") }
                folders.removeLast()
                if last { isFolder = true }
            default: folders.append(String(segment))
            }
        }
        let target = folders.isEmpty ? "index.html" : folders.joined(separator: "/") + (isFolder ? "/index.html" : "")
        return ("file \(fragment)", target)
    }

    static func described(_ resolution: LinkChecker.PlainResolution) -> String {
        switch resolution {
        case .external: "external"
        case .other: "other"
        case .problem(let reason): "problem \(reason)"
        case .file(let fragment): "file \(fragment.map { "\($0)" } ?? "none")"
        }
    }

    @Test(arguments: 1...200)
    func resolvesAsTheWalkDid(seed: Int) {
        var numbers = SortedWindowsTests.Numbers(state: UInt64(seed))
        let pieces = ["../", "../", "./", "/", "people", "x", "index.html", "#p2", "?q=1", "#", "?", ":", "https", "mailto",
                      "%20", "&amp;", ".", "..", "a-b.c+d", "Ünïcode", "index.md", "style.css", "//"]
        let pages = ["index.html", "people/x/index.html", "articles/a/index.html", "events/e/page/2/index.html"]
        for _ in 0..<50 {
            var link = ""
            for _ in 0..<numbers.next(7) { link += pieces[numbers.next(pieces.count)] }
            let pagePath = pages[numbers.next(pages.count)]
            let page = Array(pagePath.utf8)
            let folder = Array(page[..<(page.lastIndex(of: UInt8(ascii: "/")) ?? 0)])
            var mine: [UInt8] = []
            let expected = Self.walked(link, page: pagePath)
            Array(link.utf8).withUnsafeBufferPointer { bytes in
                let resolution = Self.described(LinkChecker.resolvePlainRelative(bytes, page: page, folder: folder, into: &mine))
                #expect(resolution == expected.resolution, "\(link) from \(pagePath)")
                if resolution.hasPrefix("file") { #expect(String(decoding: mine, as: UTF8.self) == expected.target, "\(link) from \(pagePath)") }
            }
        }
    }
}
