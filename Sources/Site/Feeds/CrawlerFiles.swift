import ParleyCore

/// The files for crawlers, made once every page is rendered: `sitemap.xml` and `robots.txt`.
/// A file of the same name in the theme's `static/` folder wins.
enum CrawlerFiles {
    static func make(listing files: [OutputFile], library: Library, site: SiteConfig) -> [OutputFile] {
        let contexts = PageContexts(library: library, site: site)
        let taken = Set(files.map(\.path))
        return [Sitemap(contexts: contexts).file(listing: files), Robots.file(contexts: contexts)]
            .filter { !taken.contains($0.path) }
    }
}
