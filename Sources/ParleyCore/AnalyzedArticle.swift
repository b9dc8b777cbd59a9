/// What a mention refers to.
public enum EntityKind: String, Sendable, Hashable, Codable {
    case person, event, place, organization
}

/// One occurrence of an entity in the text of a paragraph.
///
/// A library holds every mention of an archive until its pages are written, so a mention keeps
/// no copy of its words (`NormalizedArticle.text(of:)` reads them from the paragraph), and the
/// paragraph and the offsets are stored in 32 bits, ahead of the kind: a mention takes 32
/// bytes, not 48 with its text, and no string of its own (at 10,000 articles, about 600,000
/// mentions: 17 MB). (No paragraph reaches 2 GiB; a larger value traps rather than wraps.)
public struct Mention: Sendable, Hashable, Codable {
    private var storedParagraph: Int32
    private var storedStart: Int32
    private var storedEnd: Int32
    public var kind: EntityKind
    /// Person or event id; for places and organizations, the canonical name.
    public var entity: String

    /// Index into `NormalizedArticle.paragraphs`.
    public var paragraph: Int {
        get { Int(storedParagraph) }
        set { storedParagraph = Int32(newValue) }
    }
    /// UTF-8 byte offsets of the mention in the paragraph text, end exclusive.
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(newValue) }
    }
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(newValue) }
    }

    public init(kind: EntityKind, entity: String, paragraph: Int, start: Int, end: Int) {
        self.kind = kind
        self.entity = entity
        storedParagraph = Int32(paragraph)
        storedStart = Int32(start)
        storedEnd = Int32(end)
    }

    private enum CodingKeys: String, CodingKey {
        case kind, entity, paragraph, start, end
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(EntityKind.self, forKey: .kind), entity: try c.decode(String.self, forKey: .entity),
                  paragraph: try c.decode(Int.self, forKey: .paragraph), start: try c.decode(Int.self, forKey: .start),
                  end: try c.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(entity, forKey: .entity)
        try c.encode(paragraph, forKey: .paragraph)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}

extension NormalizedArticle {
    /// The words of `mention` as they stand in its paragraph (empty when its paragraph or
    /// offsets are not this article's).
    public func text(of mention: Mention) -> String {
        guard paragraphs.indices.contains(mention.paragraph) else { return "" }
        let utf8 = paragraphs[mention.paragraph].text.utf8
        guard mention.start >= 0, mention.start <= mention.end, mention.end <= utf8.count else { return "" }
        let start = utf8.index(utf8.startIndex, offsetBy: mention.start)
        return String(decoding: utf8[start..<utf8.index(start, offsetBy: mention.end - mention.start)], as: UTF8.self)
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
