/// What a mention refers to.
public enum EntityKind: String, Sendable, Hashable, Codable {
    case person, event, place, organization
}

/// One occurrence of an entity in the text of a paragraph.
public struct Mention: Sendable, Hashable, Codable {
    public var kind: EntityKind
    /// Person or event id; for places and organizations, the canonical name.
    public var entity: String
    /// Index into `NormalizedArticle.paragraphs`.
    public var paragraph: Int
    /// UTF-8 byte offsets of the mention in the paragraph text, end exclusive.
    public var start: Int
    public var end: Int
    /// The text as it stands in the paragraph.
    public var text: String

    public init(kind: EntityKind, entity: String, paragraph: Int, start: Int, end: Int, text: String) {
        self.kind = kind
        self.entity = entity
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A direct quotation and who said it.
public struct Quote: Sendable, Hashable, Codable {
    /// Person id of the speaker.
    public var speaker: String
    /// The quoted words, without the quotation marks.
    public var text: String
    /// Index into `NormalizedArticle.paragraphs`.
    public var paragraph: Int

    public init(speaker: String, text: String, paragraph: Int) {
        self.speaker = speaker
        self.text = text
        self.paragraph = paragraph
    }
}

/// A person as they appear in one article.
public struct PersonInArticle: Sendable, Hashable, Codable {
    public var person: Person
    public var mentions: Int
    /// Roles this article gives them: `Secretary of State`.
    public var roles: [String]

    public init(person: Person, mentions: Int, roles: [String] = []) {
        self.person = person
        self.mentions = mentions
        self.roles = roles
    }
}

/// An article after entity recognition: the normalized article plus who, what and where.
public struct AnalyzedArticle: Sendable, Hashable {
    public var article: NormalizedArticle
    /// People in order of first mention.
    public var people: [PersonInArticle]
    /// Registry events in order of first mention.
    public var events: [Event]
    public var places: [String]
    public var organizations: [String]
    /// Sorted by paragraph, then start offset; non-overlapping.
    public var mentions: [Mention]
    public var quotes: [Quote]
    public var diagnostics: [Diagnostic]

    public init(article: NormalizedArticle, people: [PersonInArticle] = [], events: [Event] = [],
                places: [String] = [], organizations: [String] = [], mentions: [Mention] = [],
                quotes: [Quote] = [], diagnostics: [Diagnostic] = []) {
        self.article = article
        self.people = people
        self.events = events
        self.places = places
        self.organizations = organizations
        self.mentions = mentions
        self.quotes = quotes
        self.diagnostics = diagnostics
    }
}
