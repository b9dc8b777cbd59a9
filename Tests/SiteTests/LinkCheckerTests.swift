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

/// The link check's common case (a relative link, resolved on bytes) says what the walk it
/// replaced said: checked against that walk, kept here, on random links of the pieces links
/// are made of, from pages at several depths.
@Suite struct PlainRelativeLinkTests {
    /// The resolution before the byte table: each byte through one switch.
    static func walked(_ link: UnsafeBufferPointer<UInt8>, page: [UInt8], folder: [UInt8], into target: inout [UInt8]) -> String {
        guard let first = link.first, first != UInt8(ascii: "/") else { return "other" }
        func isSchemeByte(_ b: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
        var end = link.count
        var fragmentStart: Int?
        var schemeOnly = true
        for (i, b) in link.enumerated() {
            switch b {
            case UInt8(ascii: ":") where fragmentStart == nil && end == link.count:
                return schemeOnly && i > 0 ? "external" : "other"
            case UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: ":"): return "other"
            case UInt8(ascii: "#") where fragmentStart == nil:
                fragmentStart = i + 1
                end = min(end, i)
            case UInt8(ascii: "?") where fragmentStart == nil:
                end = min(end, i)
            default:
                if schemeOnly, !isSchemeByte(b) { schemeOnly = false }
            }
        }
        let fragment = fragmentStart.map { "\($0..<link.count)" } ?? "none"
        target.removeAll(keepingCapacity: true)
        if end == 0 {
            target.append(contentsOf: page)
            return "file \(fragment)"
        }
        target.append(contentsOf: folder)
        var isFolder = false
        var start = 0
        while start <= end {
            var stop = start
            while stop < end, link[stop] != UInt8(ascii: "/") { stop += 1 }
            let length = stop - start
            let last = stop >= end
            if length == 0 || (length == 1 && link[start] == UInt8(ascii: ".")) {
                if last { isFolder = true }
            } else if length == 2 && link[start] == UInt8(ascii: ".") && link[start + 1] == UInt8(ascii: ".") {
                if target.isEmpty { return "problem leads outside the site" }
                target.removeSubrange((target.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                if last { isFolder = true }
            } else {
                if !target.isEmpty { target.append(UInt8(ascii: "/")) }
                target.append(contentsOf: UnsafeBufferPointer(rebasing: link[start..<stop]))
            }
            start = stop + 1
        }
        if target.isEmpty {
            target.append(contentsOf: "index.html".utf8)
        } else if isFolder {
            target.append(contentsOf: "/index.html".utf8)
        }
        return "file \(fragment)"
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
            let page = Array(pages[numbers.next(pages.count)].utf8)
            let folder = Array(page[..<(page.lastIndex(of: UInt8(ascii: "/")) ?? 0)])
            var mine: [UInt8] = [], theirs: [UInt8] = []
            let bytes = Array(link.utf8)
            bytes.withUnsafeBufferPointer { link in
                let resolution = Self.described(LinkChecker.resolvePlainRelative(link, page: page, folder: folder, into: &mine))
                let expected = Self.walked(link, page: page, folder: folder, into: &theirs)
                #expect(resolution == expected, "\(String(decoding: link, as: UTF8.self))")
                if resolution.hasPrefix("file") { #expect(mine == theirs, "\(String(decoding: link, as: UTF8.self))") }
            }
        }
    }
}
