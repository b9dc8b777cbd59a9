import ArgumentParser
import Markdown
import ParleyCore
import Site

public struct EntitiesCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List every person, event, place and organization found in the articles, with counts and files.",
        discussion: """
        With --unknown, only the people who are not in people.yml, each followed by a ready \
        people.yml entry to paste (the roles the articles give them included).
        """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Only people who are not in the registry, with people.yml entries to paste.")
    var unknown = false

    public func run() throws {
        for line in report() { print(line) }
    }

    /// What `run` prints.
    public func report() -> [String] {
        let analysis = SiteBuilder(options: BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates)).analyze()
        let library = analysis.library
        func files(_ indexes: [Int]) -> String {
            indexes.map { library.articles[$0].article.source.path }.sorted().joined(separator: ", ")
        }
        var lines: [String] = []
        let people = library.people.filter { !$0.articles.isEmpty && (!unknown || !$0.person.inRegistry) }
            .sorted { ($1.articles.count, $0.person.name) < ($0.articles.count, $1.person.name) }
        if unknown {
            lines.append("# \(people.count) people not in people.yml. Paste the entries you want into content/people.yml.")
            for entry in people {
                lines.append("")
                lines.append("# named in \(counted(entry.articles.count, "article")): \(files(entry.articles))")
                var yaml = YAMLWriter()
                yaml.field("name", entry.person.name)
                yaml.field("roles", entry.roles.map(\.role))
                lines.append("- " + yaml.text.split(separator: "\n").joined(separator: "\n  "))
            }
            return lines
        }
        lines.append("People (\(people.count)):")
        for entry in people {
            let mentions = entry.articles.reduce(0) { total, index in
                total + (library.articles[index].analyzed.people.first { $0.person.id == entry.person.id }?.mentions ?? 0)
            }
            let marker = entry.person.inRegistry ? "" : "  [not in the registry]"
            lines.append("  \(entry.person.name): \(counted(entry.articles.count, "article")), \(counted(mentions, "mention"))\(marker) — \(files(entry.articles))")
        }
        let events = library.events.filter { !$0.articles.isEmpty }
        lines.append("Events (\(events.count)):")
        for entry in events {
            lines.append("  \(entry.event.name)\(entry.event.start.map { " (\($0.iso))" } ?? ""): \(counted(entry.articles.count, "article")) — \(files(entry.articles))")
        }
        for (title, names) in [("Places", library.articles.indices.map { ($0, library.articles[$0].analyzed.places) }),
                               ("Organizations", library.articles.indices.map { ($0, library.articles[$0].analyzed.organizations) })] {
            var byName: [String: [Int]] = [:]
            for (index, list) in names { for name in Set(list) { byName[name, default: []].append(index) } }
            lines.append("\(title) (\(byName.count)):")
            for (name, indexes) in byName.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
                lines.append("  \(name): \(counted(indexes.count, "article")) — \(files(indexes))")
            }
        }
        return lines
    }
}
