import ArgumentParser
import Entities
import Foundation
import Ingest
import Normalize
import ParleyCore
import Site

public struct Inspect: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Show what Parley extracts from articles: title, date, dateline, source, people, events, quotes.",
        discussion: """
        For editors who want to know why a page looks as it does. The registries come from the \
        content folder; a folder without registries means recognition from the text alone. \
        With --json, one JSON object per article per line.
        """
    )

    @Argument(help: ArgumentHelp("Article files (.txt or .md).", valueName: "file"))
    var files: [String]

    @Flag(name: .long, help: "One JSON object per line instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("The content folder to take the registries from.", valueName: "dir"))
    var content = "content"

    public func run() throws {
        let (lines, failed) = try report()
        for line in lines { print(line) }
        if failed { throw ExitCode(1) }
    }

    /// What `run` prints, line by line, and whether any file could not be read.
    public func report() throws -> (lines: [String], failed: Bool) {
        let registry = ContentLoader(root: content).loadRegistry()
        for diagnostic in registry.diagnostics where diagnostic.severity == .error {
            printError(diagnostic.description)
        }
        let normalizer = Normalizer(places: registry.registry.places)
        let recognizer = EntityRecognizer(registry: registry.registry)
        let reader = ContentLoader(root: "")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines: [String] = []
        var failed = false
        for file in files {
            let (source, diagnostics) = reader.loadArticle(file)
            guard let source else {
                failed = true
                if json {
                    let errors = diagnostics.map { ["severity": $0.severity.rawValue, "message": $0.message] }
                    let line = try JSONSerialization.data(withJSONObject: ["file": file, "diagnostics": errors], options: [.sortedKeys, .withoutEscapingSlashes])
                    lines.append(String(decoding: line, as: UTF8.self))
                } else {
                    lines += diagnostics.map(\.description)
                }
                continue
            }
            let article = ArticleReport(recognizer.analyze(normalizer.normalize(source)), file: file, extraDiagnostics: diagnostics)
            if json {
                lines.append(String(decoding: try encoder.encode(article), as: UTF8.self))
            } else {
                lines += [article.text, ""]
            }
        }
        return (lines, failed)
    }
}
