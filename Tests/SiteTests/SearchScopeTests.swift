import Render
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
        // In capitals, for a theme that writes them: looked for in any case only then.
        let capitals = OutputFile(path: "index.html", text: #"<main><H1 Data-Pagefind-BODY>Digest</H1></main>"#)
        #expect(!checker.check(page: capitals, paths: paths, anchors: AnchorIndex()).searchable)
        let anyCase = LinkChecker(markInAnyCase: true)
        #expect(anyCase.check(page: capitals, paths: paths, anchors: AnchorIndex()).searchable)
        #expect(anyCase.check(page: marked, paths: paths, anchors: AnchorIndex()).searchable)
        #expect(!anyCase.check(page: plain, paths: paths, anchors: AnchorIndex()).searchable)
    }

    @Test func aThemeWritingTheMarkInCapitalsHasPagesLookedAtInAnyCase() throws {
        func theme(_ home: String) throws -> TemplateSet {
            try TemplateSet(sources: ["home.mustache": home, "article.mustache": "<article data-pagefind-body>{{title}}</article>"])
        }
        #expect(!SearchScope.markedInAnyCase(by: try theme("<h1>{{title}}</h1>")))
        #expect(!SearchScope.markedInAnyCase(by: try theme("<h1 data-pagefind-body>{{title}}</h1>")))
        #expect(SearchScope.markedInAnyCase(by: try theme("<h1 DATA-PAGEFIND-BODY>{{title}}</h1>")))
        #expect(SearchScope.markedInAnyCase(by: try theme("<h1 data-Pagefind-body>{{title}}</h1>")))
        #expect(!SearchScope.markedInAnyCase(by: try theme("<h1 data-pagefind-ignore>{{title}}</h1>")))
    }
}
