/// `robots.txt`: every crawler may read everything, and the sitemap's absolute address.
/// (Crawlers read it only at the root of a host; a site published under a path still gets
/// one, for hosts that serve the site at their root.)
enum Robots {
    static let path = "robots.txt"

    static func file(contexts: PageContexts) -> OutputFile {
        OutputFile(path: path, text: "User-agent: *\nAllow: /\n\nSitemap: \(contexts.canonical(Sitemap.path))\n")
    }
}
