/// The dateline of a wire story: `WASHINGTON, July 6. /TASS/.`
public struct Dateline: Sendable, Hashable, Codable {
    /// The dateline as printed.
    public var raw: String
    /// Canonical place names, first the city of origin: `["Washington", "Seoul"]`.
    public var places: [String]
    /// The agency named in the dateline, if any: `TASS`, `Reuters`.
    public var source: String?
    /// Month and day stated in the dateline (no year): `(7, 6)`.
    public var month: Int?
    public var day: Int?

    public init(raw: String, places: [String], source: String? = nil, month: Int? = nil, day: Int? = nil) {
        self.raw = raw
        self.places = places
        self.source = source
        self.month = month
        self.day = day
    }
}

/// A paragraph of cleaned article text, with the line of the source file it starts on.
public struct Paragraph: Sendable, Hashable, Codable {
    public var text: String
    /// 1-based line in the source file, when known.
    public var line: Int?

    public init(_ text: String, line: Int? = nil) {
        self.text = text
        self.line = line
    }
}

/// An article after normalization: boilerplate out, metadata found, text in paragraphs.
///
/// No word of the story is dropped or changed; what leaves the body (captions,
/// credits, trailers) is kept here as metadata.
public struct NormalizedArticle: Sendable, Hashable {
    public var source: SourceArticle
    public var title: String
    /// True when the title was derived from the lede because the article has no headline.
    public var titleDerived: Bool
    /// A sub-headline or standfirst, when the article has one.
    public var standfirst: String?
    public var date: ArticleDate
    public var dateline: Dateline?
    /// The outlet that published the story: `TASS`, `RIA Novosti`, `Reuters`, `ABC News`.
    public var outlet: String?
    /// Reporters, editors, photographers credited in the text.
    public var contributors: [String]
    /// Correction and refile notes.
    public var corrections: [String]
    /// Photo captions and credits removed from the body.
    public var captions: [String]
    /// Wire story codes such as `nL8N1N86I0`.
    public var storyCodes: [String]
    public var paragraphs: [Paragraph]
    public var diagnostics: [Diagnostic]

    public init(
        source: SourceArticle, title: String, titleDerived: Bool = false, standfirst: String? = nil,
        date: ArticleDate = .undated, dateline: Dateline? = nil, outlet: String? = nil,
        contributors: [String] = [], corrections: [String] = [], captions: [String] = [],
        storyCodes: [String] = [], paragraphs: [Paragraph], diagnostics: [Diagnostic] = []
    ) {
        self.source = source
        self.title = title
        self.titleDerived = titleDerived
        self.standfirst = standfirst
        self.date = date
        self.dateline = dateline
        self.outlet = outlet
        self.contributors = contributors
        self.corrections = corrections
        self.captions = captions
        self.storyCodes = storyCodes
        self.paragraphs = paragraphs
        self.diagnostics = diagnostics
    }
}
