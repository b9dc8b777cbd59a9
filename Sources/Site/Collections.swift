import ParleyCore

/// A group of articles under one name with a page of its own: an outlet (`sources/<slug>/`)
/// or a place (`places/<slug>/`).
public struct CollectionEntry: Sendable {
    public var name: String
    public var slug: String
    /// Indexes into `Library.articles` (newest first), ascending.
    public var articles: [Int]
    public var kind: CollectionKind

    /// The folder of the collection's pages: `sources/<slug>/` or `places/<slug>/`.
    public var folder: String { "\(kind.section)/\(slug)/" }
    public var path: String { folder + "index.html" }
}

extension Library {
    /// One entry per outlet that published an article, sorted by name.
    static func outlets(of articles: [ArticleEntry]) -> [CollectionEntry] {
        collections(.source, articles: articles) { entry in
            entry.article.outlet.map { [$0] } ?? []
        }
    }

    /// One entry per place an article is datelined in or names, sorted by name.
    static func places(of articles: [ArticleEntry]) -> [CollectionEntry] {
        collections(.place, articles: articles) { entry in
            (entry.article.dateline?.places ?? []) + entry.analyzed.places
        }
    }

    /// Groups articles under the names `names` gives for each (an article is listed once per
    /// name). Slugs are unique within the kind and given in name order, so they are stable.
    private static func collections(_ kind: CollectionKind, articles: [ArticleEntry],
                                    names: (ArticleEntry) -> [String]) -> [CollectionEntry] {
        var byName: [String: [Int]] = [:]
        // The names of one article: a dozen at most, looked through rather than hashed.
        var seen: [String] = []
        for (index, entry) in articles.enumerated() {
            seen.removeAll(keepingCapacity: true)
            for name in names(entry) {
                let name = name.trimmed
                guard !name.isEmpty, !seen.contains(name) else { continue }
                seen.append(name)
                byName[name, default: []].append(index)
            }
        }
        var taken = SlugSet()
        return byName.keys.sorted().map { name in
            CollectionEntry(name: name, slug: Slug.unique(Slug.make(name, fallback: "unnamed"), in: &taken),
                            articles: byName[name]!.compacted(), kind: kind)
        }
    }
}

/// The two kinds of collection page.
public enum CollectionKind: Sendable {
    case source, place

    /// The site folder and navigation section: `sources`, `places`.
    var section: String {
        switch self {
        case .source: "sources"
        case .place: "places"
        }
    }

    var label: String {
        switch self {
        case .source: "Source"
        case .place: "Place"
        }
    }
}
