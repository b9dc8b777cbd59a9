@testable import Site
import Testing

/// The pages handed to the search indexer: the folders holding the pages marked
/// `data-pagefind-body`, found as each page is checked.
@Suite struct SearchScopeTests {
    @Test func theFoldersOfTheMarkedPagesAsOneGlob() {
        #expect(SearchScope.glob(marked: []) == nil, "no page marked: every page is looked at")
        #expect(SearchScope.glob(marked: ["articles/b/index.html", "articles/a/index.html"]) == "articles/**/*.html")
        #expect(SearchScope.glob(marked: ["page/2/index.html", "index.html", "articles/a/index.html", "about.html"])
                == "{about.html,articles/**/*.html,index.html,page/**/*.html}")
    }

    @Test func aCheckedPageSaysWhetherItIsMarked() {
        let checker = LinkChecker()
        let paths = KnownPaths(["articles/a/index.html"])
        let marked = OutputFile(path: "articles/a/index.html", text: #"<article class="story" data-pagefind-body><p>Text</p></article>"#)
        let plain = OutputFile(path: "people/x/index.html", text: #"<article data-pagefind-ignore><p>data-pagefind</p></article>"#)
        #expect(checker.check(page: marked, paths: paths, anchors: AnchorIndex()).searchable)
        #expect(!checker.check(page: plain, paths: paths, anchors: AnchorIndex()).searchable)
    }
}
