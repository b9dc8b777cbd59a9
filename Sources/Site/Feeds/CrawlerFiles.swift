import ParleyCore

/// The files for crawlers, made once every page is rendered: `sitemap.xml` and `robots.txt`.
/// A file of the same name in the theme's `static/` folder wins.
enum CrawlerFiles {
    /// `paths`: every other file of the site.
    static func make(listing paths: Set<String>, library: Library, site: SiteConfig) -> [OutputFile] {
        let contexts = PageContexts(library: library, site: site)
        return [Sitemap(contexts: contexts).file(listing: paths), Robots.file(contexts: contexts)]
            .filter { !paths.contains($0.path) }
    }
}
