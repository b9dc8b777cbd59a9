import Foundation
import ParleyCore
import Render

/// The card of every article (what `PageContexts.card` makes), made once per build on all
/// cores: a card is listed on the home page and on the page of each person and event of its
/// article, so making it there each time would repeat the same work many times over.
final class ArticleCards: @unchecked Sendable {
    /// Immutable after `init`; plain values only, so sharing them between the threads that
    /// render pages is safe.
    let cards: [TemplateObject]
    /// The digest of each card: what a page listing the article shows of it.
    let digests: [ContentDigest]

    /// Makes the cards and hands them to `fragments` with their digests, so each card is
    /// rendered once per kind of page that lists it. They are also left on the library's
    /// shelf, for pages whose contexts were not handed these cards (an article's related
    /// articles).
    init(library: Library, site: SiteConfig, fragments: FragmentCache) {
        let contexts = PageContexts(library: library, site: site)
        let links = PageContexts.SharedLinks(contexts)
        let made = parallelMap(Array(library.articles.indices)) { index in
            let card = contexts.makeCard(index, links: links)
            return Card(value: card, digest: ContentDigest.ofContext(card))
        }
        cards = made.map(\.value)
        digests = made.map(\.digest)
        fragments.share(cards, digests: digests)
        library.cardShelf.keep(cards)
    }

    private struct Card: Sendable {
        let value: TemplateObject
        let digest: ContentDigest
    }
}

/// Cards kept with a library once made, by article index, for every page rendered from it.
/// A card depends on the library alone, so it stays right as long as the library lives.
final class CardShelf: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [TemplateObject?] = []

    /// The card of article `index`: the one kept, or the one `make` gives (then kept).
    func card(_ index: Int, make: () -> TemplateObject) -> TemplateObject {
        if let kept = lock.withLock({ index < cards.count ? cards[index] : nil }) { return kept }
        let card = make()
        lock.withLock {
            if cards.count <= index { cards += Array(repeating: nil, count: index + 1 - cards.count) }
            if cards[index] == nil { cards[index] = card }
        }
        return card
    }

    /// Keeps every card at once (`cards[i]` is article i's).
    func keep(_ all: [TemplateObject]) {
        lock.withLock { cards = all.map(Optional.some) }
    }

    /// Forgets the cards kept (once the pages listing them are rendered); a card asked for
    /// afterwards is made again.
    func release() {
        lock.withLock { cards = [] }
    }
}
