/// A person of the digest, as written in `content/people.yml`.
public struct Person: Sendable, Hashable, Codable {
    /// Stable page identifier: `sergei-lavrov`.
    public var id: String
    /// Canonical name: `Sergei Lavrov`.
    public var name: String
    /// Other spellings and transliterations: `Sergey Lavrov`.
    public var aliases: [String]
    /// Roles held: `Foreign Minister of Russia`.
    public var roles: [String]
    /// Country or side: `Russia`, `United States`, `Ukraine`.
    public var country: String?
    /// False for people detected in the text who are not in the registry.
    public var inRegistry: Bool

    public init(id: String? = nil, name: String, aliases: [String] = [], roles: [String] = [], country: String? = nil, inRegistry: Bool = true) {
        self.id = id ?? Slug.make(name, fallback: "person")
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.country = country
        self.inRegistry = inRegistry
    }

    /// The surname used for surname-only mentions: the last word of the canonical name.
    public var surname: String {
        name.split(separator: " ").last.map(String.init) ?? name
    }
}

/// An event the digest follows, as written in `content/events.yml`.
public struct Event: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// First day; `end` is set for a range.
    public var start: Day?
    public var end: Day?
    public var place: String?
    /// Phrases that refer to the event in text: `talks in Istanbul`, `talks in Turkey`.
    public var phrases: [String]
    /// Registry ids of the people who took part.
    public var participants: [String]
    public var summary: String?

    public init(id: String? = nil, name: String, start: Day? = nil, end: Day? = nil, place: String? = nil,
                phrases: [String] = [], participants: [String] = [], summary: String? = nil) {
        self.id = id ?? Slug.make(name, fallback: "event")
        self.name = name
        self.start = start
        self.end = end
        self.place = place
        self.phrases = phrases
        self.participants = participants
        self.summary = summary
    }

    /// True when `day` falls within the event (or is its day).
    public func contains(_ day: Day) -> Bool {
        guard let start else { return false }
        return day >= start && day <= (end ?? start)
    }
}

/// A place or organization name with the spellings that refer to it.
public struct NamedEntity: Sendable, Hashable, Codable {
    public var name: String
    public var aliases: [String]
    /// For a place: the country it stands for (`Moscow` → `Russia`); a country needs none.
    public var country: String?

    public init(name: String, aliases: [String] = [], country: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.country = country
    }
}

/// Everything the digest knows in advance: people, events, places, organizations.
public struct Registry: Sendable, Hashable {
    public var people: [Person]
    public var events: [Event]
    public var places: [NamedEntity]
    public var organizations: [NamedEntity]

    public init(people: [Person] = [], events: [Event] = [], places: [NamedEntity] = [], organizations: [NamedEntity] = []) {
        self.people = people
        self.events = events
        self.places = places
        self.organizations = organizations
    }

    public static let empty = Registry()
}
