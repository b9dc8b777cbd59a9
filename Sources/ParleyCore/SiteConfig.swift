/// The site's settings, from `content/site.yml` and the command line.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Absolute base URL used for canonical links, feeds and the sitemap
    /// (`https://example.org/digest/`); always ends with `/`.
    public var baseURL: String
    /// BCP 47 language tag of the content: `en`.
    public var language: String

    public init(title: String = "Parley", description: String = "", baseURL: String = "http://localhost:8000/", language: String = "en") {
        self.title = title
        self.description = description
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.language = language
    }

    public static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}
