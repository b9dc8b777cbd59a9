import ArgumentParser

/// The folders every command that builds a site accepts.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: articles/, people.yml, events.yml, site.yml.", valueName: "dir"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("The theme: *.mustache templates and static/ files.", valueName: "dir"))
    var templates = "templates"

    @Option(name: .long, help: ArgumentHelp("Absolute URL the site is published at, for canonical links (overrides base_url in site.yml).", valueName: "url"))
    var baseURL: String?
}
