import ArgumentParser
import Foundation

/// How a build finds Pagefind, which makes the search index.
struct SearchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The Pagefind program for the search index (default: $PARLEY_PAGEFIND, pagefind on the PATH, or the pagefind-bin Python package).", valueName: "path"))
    var pagefind: String?

    @Flag(name: .long, help: "Build without a search index.")
    var noSearch = false

    /// Pagefind, or why search is off.
    func lookup(environment: [String: String] = ProcessInfo.processInfo.environment) -> Pagefind.Lookup {
        if noSearch { return .missing("turned off with --no-search") }
        return Pagefind.locate(option: pagefind, environment: environment)
    }
}
