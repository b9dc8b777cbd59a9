import ParleyCore
import Render

/// The card of every article (what `PageContexts.card` makes), made once per build on all
/// cores: a card is listed on the home page and on the page of each person and event of its
/// article, so making it there each time would repeat the same work many times over.
final class ArticleCards: @unchecked Sendable {
    /// Immutable after `init`; plain values only (strings, numbers, booleans, dictionaries,
    /// arrays), so sharing them between the threads that render pages is safe.
    let cards: [[String: Any]]

    /// Makes the cards and hands them to `fragments` with their digests, so each card is
    /// rendered once per kind of page that lists it.
    init(library: Library, site: SiteConfig, fragments: FragmentCache) {
        let contexts = PageContexts(library: library, site: site)
        let made = parallelMap(Array(library.articles.indices)) { index in
            let card = contexts.card(index)
            return Card(value: card, digest: ContentDigest.ofContext(card))
        }
        cards = made.map(\.value)
        fragments.share(cards, digests: made.map(\.digest))
    }

    private struct Card: @unchecked Sendable {
        let value: [String: Any]
        let digest: ContentDigest?
    }
}
