/// How an article's date was established.
public enum DateStatus: String, Sendable, Hashable, Codable {
    /// Stated in the text (` date 2022-12-02`, a full dateline) or in front matter.
    case exact
    /// Derived from evidence: a dateline day and month with the year inferred,
    /// or registry events the article refers to with relative day words.
    case inferred
    /// Nothing supports a date.
    case undated
}

/// The publication date of an article, with how it was found.
public struct ArticleDate: Sendable, Hashable, Codable {
    public var day: Day?
    public var status: DateStatus
    /// Human-readable evidence ("dateline July 6; year 2022 from events named in the text").
    public var basis: String?

    public init(day: Day?, status: DateStatus, basis: String? = nil) {
        self.day = day
        self.status = day == nil ? .undated : status
        self.basis = basis
    }

    public static let undated = ArticleDate(day: nil, status: .undated)

    public static func exact(_ day: Day, basis: String? = nil) -> ArticleDate {
        ArticleDate(day: day, status: .exact, basis: basis)
    }

    public static func inferred(_ day: Day, basis: String? = nil) -> ArticleDate {
        ArticleDate(day: day, status: .inferred, basis: basis)
    }
}
