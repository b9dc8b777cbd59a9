import ParleyCore
import ParleyTestSupport
import Render
@testable import Site
import Testing

/// The outline of a library (`LibraryOutline`), which a build of quote edits renders people's and
/// events' pages from: kept and read back, it gives the library it was made from; its quotes,
/// brought up to date after an edit, are those of the library of the edited articles; and an
/// article it stands in for tells when it is read.
@Suite struct LibraryOutlineTests {
    /// Everything a page can show of a library's people, events, outlets and places, as text.
    static func described(_ library: Library) -> [String] {
        library.people.map { p in
            "\(p.person) \(p.articles) \(p.roles.map { "\($0.role) \($0.articles)" }) \(p.quotes.map { "\($0.article) \($0.quote)" }) "
                + "\(p.companions.map { "\($0.person) \($0.count)" }) \(p.events) \(p.path)"
        } + library.events.map { "\($0.event) \($0.articles) \($0.people) \($0.path)" }
            + (library.outlets + library.places).map { "\($0.name) \($0.slug) \($0.articles) \($0.kind)" }
            + library.diagnostics.map(\.description)
    }

    func archive(seed: Int) -> (articles: [AnalyzedArticle], registry: Registry) {
        LibraryGatheringTests().archive(seed: seed)
    }

    @Test(arguments: 1...12) func aKeptOutlineGivesTheLibraryItWasMadeFrom(seed: Int) throws {
        let (articles, registry) = archive(seed: seed)
        let library = Library(articles: articles, registry: registry)
        let folder = RepositoryPaths.temporaryFolder("parley-outline")
        defer { try? removeTree(folder) }
        let cache = BuildCache(folder: folder)
        let key = ContentDigest.of(Array("key \(seed)".utf8))
        try LibraryOutline(library, links: library.articles.indices.map { library.links(of: $0) }).save(cache, key: key)
        #expect(LibraryOutline.load(cache, key: ContentDigest.of(Array("another".utf8))) == nil)
        let outline = try #require(LibraryOutline.load(cache, key: key))
        let again = Library(outline: outline, articles: library.articles)
        #expect(Self.described(again) == Self.described(library))
        #expect(outline.links.map { "\($0)" } == library.articles.indices.map { "\(library.links(of: $0))" })
        #expect(again.people.map(\.person.id).allSatisfy { again.person($0) != nil })
    }

    /// Each article's quotes changed in turn (one taken away, one reworded, one added by
    /// someone the article names): the outline's quotes, brought up to date, are those of the
    /// library gathered from the edited articles.
    @Test(arguments: 1...12) func quotesBroughtUpToDateAreTheEditedLibrarys(seed: Int) throws {
        let (articles, registry) = archive(seed: seed)
        let library = Library(articles: articles, registry: registry)
        var numbers = SortedWindowsTests.Numbers(state: UInt64(seed) &* 7919)
        for index in library.articles.indices where !library.articles[index].people.isEmpty {
            var edited = library.articles.map(\.analyzed)
            let named = Set(edited[index].people.map(\.person.id))
            var quotes = edited[index].quotes.filter { named.contains($0.speaker) }
            if !quotes.isEmpty, numbers.next(2) == 0 { quotes.remove(at: numbers.next(quotes.count)) }
            if !quotes.isEmpty { quotes[numbers.next(quotes.count)].text += " (reworded)" }
            let people = edited[index].people
            quotes.insert(Quote(speaker: people[numbers.next(people.count)].person.id, text: "Added \(index)", paragraph: 0),
                          at: numbers.next(quotes.count + 1))
            edited[index].quotes = quotes
            let expected = Library(articles: edited, registry: registry)
            // The same order: quotes are not what places an article in the library.
            #expect(expected.articles.map(\.sourcePath) == library.articles.map(\.sourcePath))
            var outline = LibraryOutline(library, links: library.articles.indices.map { library.links(of: $0) })
            let placed = outline.replaceQuotes(of: index, with: quotes, named: named)
            #expect(placed)
            let entries = edited.indices.map { ArticleEntry(analyzed: edited[$0], slug: library.articles[$0].slug) }
            #expect(Self.described(Library(outline: outline, articles: entries)) == Self.described(expected), "article \(index)")
        }
    }

    @Test func aQuoteBySomeoneTheArticleDoesNotNameIsNotPlaced() {
        let (articles, registry) = archive(seed: 3)
        let library = Library(articles: articles, registry: registry)
        var outline = LibraryOutline(library, links: library.articles.indices.map { library.links(of: $0) })
        let before = outline.quotes
        let named = Set(library.articles[0].people.map(\.person.id))
        let stranger = library.people.map(\.person.id).first { !named.contains($0) }!
        let placed = outline.replaceQuotes(of: 0, with: [Quote(speaker: stranger, text: "Elsewhere", paragraph: 0)], named: named)
        #expect(!placed)
        #expect(outline.quotes == before)
    }

    /// A stand-in gives its address without a word; anything else read of it is told.
    @Test(arguments: ["title", "summary", "quotes", "people", "events", "analysis", "source path"])
    func readingAStandInIsTold(what: String) {
        let probe = StandInProbe()
        let entry = ArticleEntry.standIn(slug: "talks-resume", probe: probe)
        #expect(entry.path == "articles/talks-resume/index.html" && entry.folder == "articles/talks-resume/" && entry.slug == "talks-resume")
        #expect(!probe.wasTouched)
        switch what {
        case "title": _ = entry.article.title
        case "summary": _ = entry.summary
        case "quotes": _ = entry.quotes
        case "people": _ = entry.people
        case "events": _ = entry.events
        case "analysis": _ = entry.analyzed
        default: _ = entry.sourcePath
        }
        #expect(probe.wasTouched)
        let real = ArticleEntry(analyzed: StandInProbe.emptyArticle, slug: "x")
        _ = real.article.title
        #expect(!real.isStandIn)
    }
}
