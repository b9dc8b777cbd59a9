/// What the normalizer took out of the body text, and why.
///
/// Every word of the source ends up either in a paragraph or in one of these removals,
/// which is what the "no word dropped" tests check. Not part of the public output.
struct Removal: Hashable, Sendable {
    enum Kind: String, Sendable {
        /// Page chrome: `All news`, `Leave a Comment`, share and advertisement lines.
        case chrome
        /// A photo caption or credit.
        case caption
        /// A headline or lede printed twice.
        case duplicate
        case headline
        case standfirst
        /// The dateline and what precedes it in the first paragraph (date fragment, byline,
        /// correction notes).
        case dateline
        /// Reporting credits, refile and correction notes, story codes at the end.
        case trailer
        case storyCode
        /// A Markdown heading used as the title.
        case heading
    }

    var kind: Kind
    var text: String
    var line: Int?
}

/// The normalizer's working record; `normalize` returns only the article.
struct Trace: Sendable {
    var removals: [Removal] = []

    mutating func remove(_ kind: Removal.Kind, _ text: String, line: Int?) {
        removals.append(Removal(kind: kind, text: text, line: line))
    }
}
