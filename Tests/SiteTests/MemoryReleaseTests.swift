import ParleyCore
import ParleyTestSupport
import Render
@testable import Site
import Testing

/// What the build keeps smaller or lets go of to save memory gives the same pages.
@Suite struct MemoryReleaseTests {
    static let library = SiteBuilder(options: BuildOptions(
        contentDirectory: RepositoryPaths.inRepository("content"),
        templatesDirectory: RepositoryPaths.inRepository("templates"))).analyze()

    @Test func cardsWithSharedLinksAreTheCardsMadeAlone() throws {
        let analysis = Self.library
        let contexts = PageContexts(library: analysis.library, site: analysis.site)
        let links = PageContexts.SharedLinks(contexts)
        #expect(!analysis.library.articles.isEmpty)
        for index in analysis.library.articles.indices {
            let shared = contexts.makeCard(index, links: links)
            let alone = contexts.makeCard(index)
            #expect(ContentDigest.ofContext(shared) == ContentDigest.ofContext(alone))
        }
    }

    @Test func aReleasedCardShelfMakesCardsAgain() {
        let shelf = CardShelf()
        shelf.keep([["title": "A"], ["title": "B"]])
        #expect(shelf.card(1) { ["title": "made"] }.dictionary["title"] as? String == "B")
        shelf.release()
        #expect(shelf.card(1) { ["title": "made"] }.dictionary["title"] as? String == "made")
        #expect(shelf.card(1) { ["title": "again"] }.dictionary["title"] as? String == "made")
    }

    @Test func aPageCheckWaitsWithoutAnchorsAndOnlyWhenSomethingIsLeft() {
        let checker = LinkChecker()
        let anchors = AnchorIndex()
        let paths: Set<String> = ["index.html", "a/index.html"]
        let settled = checker.check(page: OutputFile(path: "index.html", text: ##"<p id="x"><a href="a/index.html">a</a> <a href="#x">x</a>"##),
                                    paths: KnownPaths(paths), anchors: anchors)
        #expect(!settled.anchors.isEmpty)
        #expect(settled.unsettled == nil)
        let open = checker.check(page: OutputFile(path: "a/index.html", text: ##"<p id="y"><a href="../feed.xml">f</a> <a href="../b/index.html#z">z</a> <a href="../../out.html">o</a>"##),
                                 paths: KnownPaths(paths), anchors: anchors)
        let waiting = open.unsettled
        #expect(waiting?.anchors.isEmpty == true)
        #expect(waiting?.pending.count == open.pending.count && open.pending.count == 2)
        #expect(waiting?.broken.count == 1)
        var results = LinkCheckResults()
        if let waiting { results.add(waiting) }
        let broken = results.finish(paths: paths.union(["feed.xml", "b/index.html"]), anchors: anchors)
        #expect(broken.map(\.target).sorted() == ["../../out.html", "../b/index.html#z"])
    }
}
