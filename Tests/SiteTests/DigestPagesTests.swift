import ParleyCore
import ParleyTestSupport
@testable import Site
import Testing

/// The digest's own pages: sources, places, timeline, related articles, pagination.
struct DigestPagesTests {
    /// A site of `count` articles, one a day from 1 March 2022, alternating between two outlets,
    /// every one naming the same negotiator; every third is about the Istanbul talks.
    static func archive(_ count: Int) -> FixtureContent {
        var content = FixtureContent()
        content.files["content/articles/good.txt"] = nil
        content.add("people.yml", text: """
        - id: ivan-petrov
          name: Ivan Petrov
          country: Russia
        - id: anna-kovalenko
          name: Anna Kovalenko
          country: Ukraine
        """)
        content.add("events.yml", text: """
        - id: istanbul-talks
          name: Istanbul talks
          start: 2022-03-29
          place: Istanbul
        """)
        for n in stride(from: 1, through: count, by: 1) {
            let day = Day(year: 2022, month: 3, day: 1)!.adding(days: n - 1)
            let outlet = n.isMultiple(of: 2) ? "TASS" : "Reuters"
            let talks = n.isMultiple(of: 3) ? "events: [istanbul-talks]\n" : ""
            let other = n.isMultiple(of: 5) ? " Anna Kovalenko answered." : ""
            content.add("articles/story-\(n).md", text: """
            ---
            title: Story number \(n)
            date: \(day.iso)
            source: \(outlet)
            dateline: ISTANBUL, \(Day.monthNames[day.month - 1]) \(day.day).
            \(talks)---
            Ivan Petrov spoke in Istanbul.\(other)
            """)
        }
        return content
    }

    static func page(_ result: BuildResult, _ path: String) -> String? {
        result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    static func hrefs(_ html: String) -> [String] {
        HTMLTags.scan(html).compactMap { tag in tag.attributes.first { $0.name == "href" }?.value }
    }

    static func articleLinks(_ html: String) -> [String] {
        Self.hrefs(html).filter { $0.contains("articles/story-") }
    }

    @Test func longListsArePaginatedWithStableAddresses() throws {
        let result = Self.archive(45).build()
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        // 45 articles, 20 a page: three pages for the person, at stable addresses.
        let first = try #require(Self.page(result, "people/ivan-petrov/index.html"))
        let second = try #require(Self.page(result, "people/ivan-petrov/page/2/index.html"))
        let third = try #require(Self.page(result, "people/ivan-petrov/page/3/index.html"))
        #expect(Self.page(result, "people/ivan-petrov/page/4/index.html") == nil)
        let cards = [first, second, third].map { Set(Self.articleLinks($0).filter { !$0.contains("#") }) }
        #expect(cards.map(\.count) == [20, 20, 5])
        #expect(cards[0].isDisjoint(with: cards[1]) && cards[1].isDisjoint(with: cards[2]))
        #expect(first.contains("Page 1 of 3") && second.contains("Page 2 of 3"))
        // Newest first: the first page holds the last story.
        #expect(cards[0].contains { $0.hasSuffix("articles/story-number-45/index.html") })
        #expect(cards[2].contains { $0.hasSuffix("articles/story-number-1/index.html") })
        // Page titles differ, and each page's canonical URL is its own.
        #expect(second.contains("<title>Ivan Petrov, page 2"))
        #expect(second.contains("people/ivan-petrov/page/2/\""))
        // The JSON-LD that describes the person is on the first page only.
        #expect(first.contains("application/ld+json") && !second.contains("application/ld+json"))
        #expect(second.contains("people/ivan-petrov/feed.xml"), "every page still announces the person's feed")
        // The home digest pages too (30 a page).
        #expect(Self.page(result, "page/2/index.html") != nil)
        #expect(Self.page(result, "page/3/index.html") == nil)
    }

    @Test func shortListsHaveOnePageAndNoPager() throws {
        let result = Self.archive(3).build()
        let page = try #require(Self.page(result, "people/ivan-petrov/index.html"))
        #expect(!page.contains("class=\"pagination\""))
        #expect(Self.page(result, "people/ivan-petrov/page/2/index.html") == nil)
    }

    @Test func sourcesAndPlacesHaveAPageEach() throws {
        let result = Self.archive(6).build()
        let tass = try #require(Self.page(result, "sources/tass/index.html"))
        #expect(Set(Self.articleLinks(tass)).count == 3)
        let reuters = try #require(Self.page(result, "sources/reuters/index.html"))
        #expect(Set(Self.articleLinks(reuters)).count == 3)
        let index = try #require(Self.page(result, "sources/index.html"))
        #expect(index.contains("sources/reuters/index.html") && index.contains("sources/tass/index.html"))
        // Istanbul: the dateline of every article.
        let istanbul = try #require(Self.page(result, "places/istanbul/index.html"))
        #expect(Set(Self.articleLinks(istanbul)).count == 6)
        #expect(try #require(Self.page(result, "places/index.html")).contains("places/istanbul/index.html"))
    }

    /// Source and place pages are archives: one line per article (date, title, dateline,
    /// outlet), 100 a page, where person and event pages show cards, 20 a page.
    @Test func sourceAndPlacePagesListOneLineRowsAHundredAPage() throws {
        let result = Self.archive(205).build()
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let pages = try ["places/istanbul/index.html", "places/istanbul/page/2/index.html", "places/istanbul/page/3/index.html"]
            .map { try #require(Self.page(result, $0)) }
        #expect(Self.page(result, "places/istanbul/page/4/index.html") == nil)
        let rows = pages.map { Set(Self.articleLinks($0)) }
        #expect(rows.map(\.count) == [100, 100, 5])
        #expect(rows[0].isDisjoint(with: rows[1]) && rows[1].isDisjoint(with: rows[2]))
        #expect(rows[0].contains("../../articles/story-number-205/index.html"))
        // A row, not a card: the date, the title linked, the dateline and the outlet on one line.
        let row = try #require(pages[0].split(separator: "\n").first { $0.contains("story-number-205/") })
        #expect(row.contains("<li><time datetime=\"2022-09-21\">21 September 2022</time>"))
        #expect(row.contains(">Story number 205</a> <span class=\"place\">Istanbul</span> <span class=\"source\">Reuters</span></li>"))
        #expect(!pages[0].contains("class=\"card\""))
        // The outlets' pages alike: 103 Reuters stories, 102 from TASS.
        #expect(Set(Self.articleLinks(try #require(Self.page(result, "sources/reuters/page/2/index.html")))).count == 3)
        // Person pages keep cards, 20 a page.
        #expect(try #require(Self.page(result, "people/ivan-petrov/index.html")).contains("class=\"card\""))
        #expect(Self.page(result, "people/ivan-petrov/page/11/index.html") != nil)
    }

    /// A role seen in many articles links its newest five and counts the rest.
    @Test func rolesSeenLinkTheirNewestArticlesAndCountTheRest() throws {
        var content = Self.archive(0)
        for n in 1...8 {
            let day = Day(year: 2022, month: 3, day: n)!
            content.add("articles/role-\(n).md", text: """
            ---
            title: Role story \(n)
            date: \(day.iso)
            ---
            Russian negotiator Ivan Petrov spoke in Istanbul.
            """)
        }
        content.add("articles/aide.md", text: """
        ---
        title: Aide story
        date: 2022-03-20
        ---
        Kremlin aide Ivan Petrov spoke in Istanbul.
        """)
        let result = content.build()
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let page = try #require(Self.page(result, "people/ivan-petrov/index.html"))
        let roles = try #require(page.range(of: "Roles in the articles").map { String(page[$0.upperBound...].split(separator: "</section>")[0]) })
        let negotiator = try #require(roles.components(separatedBy: "</li>").first { $0.contains("<li>Russian negotiator:") })
        let links = Self.hrefs(String(negotiator)).map { $0.replacingOccurrences(of: "../../articles/", with: "") }
        #expect(links == (4...8).reversed().map { "role-story-\($0)/index.html" }, "the newest five, newest first")
        #expect(negotiator.contains("<span class=\"more\">and 3 more</span>"))
        // A role seen once: its article, and no count.
        let aide = try #require(roles.components(separatedBy: "</li>").first { $0.contains("<li>Kremlin aide:") })
        #expect(Self.hrefs(String(aide)).count == 1 && !aide.contains("more"))
    }

    @Test func timelineIsChronologicalByMonthWithEventsFirstOnTheirDay() throws {
        let result = Self.archive(35).build()
        let timeline = try #require(Self.page(result, "timeline/index.html"))
        #expect(timeline.contains("id=\"m-2022-03\"") && timeline.contains("id=\"m-2022-04\""))
        #expect(timeline.contains("href=\"#m-2022-03\""))
        let links = Self.hrefs(timeline)
            .filter { $0.contains("articles/") || $0.contains("events/istanbul-talks/") }
        let order = links.map { $0.replacingOccurrences(of: "../", with: "") }
        // Oldest first; the talks (29 March) come before the story of 29 March.
        #expect(order.first == "articles/story-number-1/index.html")
        #expect(order.last == "articles/story-number-35/index.html")
        let talks = try #require(order.firstIndex(of: "events/istanbul-talks/index.html"))
        #expect(order[talks + 1] == "articles/story-number-29/index.html")
    }

    @Test func articlesLinkRelatedOtherOutletsAndNeighboursInTime() throws {
        let result = Self.archive(12).build()
        // Story 6 (TASS, names the talks): other outlets' stories on the talks are Reuters' 3 and 9.
        let page = try #require(Self.page(result, "articles/story-number-6/index.html"))
        let also = try #require(page.range(of: "Also reported by").map { String(page[$0.upperBound...]) })
        let alsoLinks = Self.articleLinks(String(also.split(separator: "</section>")[0]))
        #expect(Set(alsoLinks) == ["../../articles/story-number-3/index.html", "../../articles/story-number-9/index.html"])
        // Related, best first: the other TASS story on the talks (12) shares an event and a person.
        let related = try #require(page.range(of: "Related articles").map { String(page[$0.upperBound...]) })
        let relatedLinks = Self.articleLinks(String(related.split(separator: "</section>")[0]))
        #expect(relatedLinks.first == "../../articles/story-number-12/index.html")
        #expect(!relatedLinks.contains("../../articles/story-number-3/index.html"))
        // Previous and next in time.
        #expect(page.contains("Earlier: <a href=\"../../articles/story-number-5/index.html\""))
        #expect(page.contains("Later: <a href=\"../../articles/story-number-7/index.html\""))
    }

    @Test func paginationNumbersKeepFirstLastAndNeighbours() throws {
        func numbers(_ items: Int, page: Int) throws -> [String] {
            let context = try #require(Pagination(folder: "people/x/", itemCount: items, pageSize: 20).context(page).any as? [String: Any])
            let pages = try #require(context["pages"] as? [[String: Any]])
            return pages.map { entry in
                if entry["gap"] as? Bool == true { return "…" }
                let number = "\(entry["number"]!)"
                return entry["current"] as? Bool == true ? "[\(number)]" : number
            }
        }
        #expect(try numbers(200, page: 5) == ["1", "…", "3", "4", "[5]", "6", "7", "…", "10"])
        #expect(try numbers(60, page: 1) == ["[1]", "2", "3"])
        #expect(Pagination(folder: "people/x/", itemCount: 20, pageSize: 20).context(1).any as? Bool == false)
        #expect(Pagination(folder: "people/x/", itemCount: 45, pageSize: 20).range(3) == 40..<45)
        #expect(Pagination(folder: "", itemCount: 45, pageSize: 20).path(2) == "page/2/index.html")
    }

    @Test func eventPagesQuoteWhatWasSaidAboutTheEvent() throws {
        var content = FixtureContent()
        content.files["content/articles/good.txt"] = nil
        content.add("people.yml", text: """
        - id: ivan-petrov
          name: Ivan Petrov
          country: Russia
        - id: anna-kovalenko
          name: Anna Kovalenko
          country: Ukraine
        """)
        content.add("events.yml", text: """
        - id: geneva-talks
          name: Geneva talks
          start: 2022-05-10
          place: Geneva
          phrases: [Geneva talks]
        """)
        // Two days after the talks: the story reports them, so every quote is about them.
        content.add("articles/news.md", text: """
        ---
        title: Talks end without a deal
        date: 2022-05-12
        ---
        The Geneva talks ended on Tuesday.

        "We made progress on prisoners," Ivan Petrov said.

        Farmers in the south worry about the harvest.

        "The harvest will be late this year," Anna Kovalenko said.
        """)
        // Months later the talks are background: only the quote next to them counts.
        content.add("articles/later.md", text: """
        ---
        title: Winter grain exports
        date: 2022-11-02
        ---
        "Nothing came of the Geneva talks," Ivan Petrov said.

        Ports reopened in October.

        Shipping costs fell.

        "Grain exports doubled," Anna Kovalenko said.
        """)
        let result = content.build()
        let page = try #require(Self.page(result, "events/geneva-talks/index.html"))
        #expect(page.contains("We made progress on prisoners"))
        #expect(page.contains("The harvest will be late this year"))
        #expect(page.contains("Nothing came of the Geneva talks"))
        #expect(!page.contains("Grain exports doubled"))
    }
}
