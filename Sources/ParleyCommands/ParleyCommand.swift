import ArgumentParser

/// The `parley` command: its subcommands are the pipeline's entry points. It is async for
/// `serve`; the other commands run synchronously.
public struct ParleyCommand: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Turns wire stories about peace talks into a cross-linked static site.",
        discussion: """
        Parley reads raw articles from content/articles/ (.txt as delivered, or .md with YAML \
        front matter), strips the wire boilerplate, finds title, date, dateline and source, \
        recognizes people, events, places and quotes against content/people.yml and \
        content/events.yml, and writes a static HTML site with a page for every article, \
        person and event.
        """,
        subcommands: [Build.self, Check.self, ServeCommand.self, Inspect.self, EntitiesCommand.self],
        defaultSubcommand: nil
    )
}
