/// What an editor wrote in the YAML front matter of a `.md` article.
///
/// Every field is optional. A field that is set wins over what Parley detects.
public struct FrontMatter: Sendable, Hashable, Codable {
    public var title: String?
    /// `YYYY-MM-DD`; an editor's date is exact.
    public var date: Day?
    public var source: String?
    /// The dateline as printed, for example `WASHINGTON, July 6. /TASS/.`
    public var dateline: String?
    public var slug: String?
    public var summary: String?
    /// Canonical names or aliases of people; replaces detection when set.
    public var people: [String]?
    /// Event names or slugs; replaces detection when set.
    public var events: [String]?
    public var places: [String]?
    public var contributors: [String]?

    public init(
        title: String? = nil, date: Day? = nil, source: String? = nil, dateline: String? = nil,
        slug: String? = nil, summary: String? = nil, people: [String]? = nil, events: [String]? = nil,
        places: [String]? = nil, contributors: [String]? = nil
    ) {
        self.title = title
        self.date = date
        self.source = source
        self.dateline = dateline
        self.slug = slug
        self.summary = summary
        self.people = people
        self.events = events
        self.places = places
        self.contributors = contributors
    }
}
