import ParleyCore

/// The card of every article (what `PageContexts.card` makes), made once per build on all
/// cores: a card is listed on the home page and on the page of each person and event of its
/// article, so making it there each time would repeat the same work many times over.
final class ArticleCards: @unchecked Sendable {
    /// Immutable after `init`; plain values only (strings, numbers, booleans, dictionaries,
    /// arrays), so sharing them between the threads that render pages is safe.
    let cards: [[String: Any]]

    init(library: Library, site: SiteConfig) {
        let contexts = PageContexts(library: library, site: site)
        cards = parallelMap(Array(library.articles.indices)) { Card(value: contexts.card($0)) }.map(\.value)
    }

    private struct Card: @unchecked Sendable {
        let value: [String: Any]
    }
}
