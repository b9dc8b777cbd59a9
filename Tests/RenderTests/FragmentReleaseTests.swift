import ParleyCore
@testable import Render
import Testing

/// Fragments can be left out for a page, or forgotten after the pages listing them; the bytes
/// of every page stay the same either way.
@Suite struct FragmentReleaseTests {
    let sources = [
        "page.mustache": "<main>\n  {{#items}}{{> card}}{{/items}}\n</main>",
        "card.mustache": "<a href=\"{{root}}{{href}}\">{{title}}</a>\n<p>{{summary}}</p>\n",
    ]
    let items: [TemplateObject] = [["href": "a/", "title": "A & B", "summary": "Ünïcode “quotes”"], ["href": "b/", "title": "", "summary": ""]]

    @Test func aPageRenderedWithoutTheCacheKeepsNoFragmentAndGivesTheSameBytes() throws {
        let cache = FragmentCache()
        let set = try TemplateSet(sources: sources, fragments: cache)
        cache.share(items, digests: items.map { ContentDigest.ofContext($0) })
        let page: TemplateValue = ["root": "../", "items": .list(items.map(TemplateValue.object))]
        let without = try set.renderBytes("page", page, reusingFragments: false)
        #expect(cache.count == 0)
        let with = try set.renderBytes("page", page)
        #expect(cache.count == 2)
        #expect(without == with)
        #expect(String(decoding: with, as: UTF8.self) == (try set.renderWithSwiftMustache("page", page)))
    }

    @Test func forgottenFragmentsAreRenderedAgainAlike() throws {
        let cache = FragmentCache()
        let set = try TemplateSet(sources: sources, fragments: cache)
        cache.share(items, digests: items.map { ContentDigest.ofContext($0) })
        let page: TemplateValue = ["root": "", "items": .list(items.map(TemplateValue.object))]
        let first = try set.renderBytes("page", page)
        #expect(cache.count > 0)
        cache.removeAll()
        #expect(cache.count == 0)
        #expect(try set.renderBytes("page", page) == first)
        #expect(cache.count > 0)
    }
}
