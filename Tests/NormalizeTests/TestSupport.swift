import Foundation
import ParleyCore
import ParleyTestSupport
import Testing
@testable import Normalize

/// Sample data shared by the project: `../shared` beside the repository.
enum Samples {
    static let repoRoot = URL(fileURLWithPath: RepositoryPaths.root)
    static let shared = URL(fileURLWithPath: RepositoryPaths.shared).standardized

    static var sharedIsPresent: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path)
    }

    static let missingMessage: Comment =
        "sample data not found at \(shared.path): these tests need the project's ../shared folder next to the repository"

    /// Reads a file under `../shared`; records a test failure and returns nil when missing.
    static func read(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let url = shared.appendingPathComponent(relative)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("cannot read \(url.path). \(missingMessage)", sourceLocation: sourceLocation)
            return nil
        }
        return text
    }

    static func article(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> SourceArticle? {
        guard let text = read(relative, sourceLocation: sourceLocation) else { return nil }
        var body = text
        if body.hasSuffix("\n") { body.removeLast() }
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        return SourceArticle(path: "articles/\(name)", format: .text, body: body)
    }

    static let seedNames = [
        "000_7f7ece3c25ce500e.txt", "001_d046daa32b3b511d.txt", "002_5d84f4cbed35a4a3.txt",
        "003_293b809345547cd7.txt", "004_65223553baa01d2d.txt",
    ]

    static func seed(_ index: Int, sourceLocation: SourceLocation = #_sourceLocation) -> SourceArticle? {
        article("seeds/\(seedNames[index])", sourceLocation: sourceLocation)
    }

    static let reutersNames = (1...40).map { n in n < 10 ? "dev_00\(n).txt" : "dev_0\(n).txt" }

    static func reuters(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> SourceArticle? {
        article("corpora/reuters-dev/\(name)", sourceLocation: sourceLocation)
    }

    /// All 45 sample articles (5 seeds, 40 Reuters); records a failure if any is missing.
    static func all(sourceLocation: SourceLocation = #_sourceLocation) -> [SourceArticle] {
        var out: [SourceArticle] = []
        for i in seedNames.indices { if let a = seed(i, sourceLocation: sourceLocation) { out.append(a) } }
        for n in reutersNames { if let a = reuters(n, sourceLocation: sourceLocation) { out.append(a) } }
        return out
    }

    /// Gold records keyed by file name.
    static func gold(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String: [String: Any]] {
        guard let text = read(relative, sourceLocation: sourceLocation) else { return [:] }
        var out: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = object["file"] as? String else {
                Issue.record("bad gold line in \(relative)", sourceLocation: sourceLocation)
                continue
            }
            out[file] = object
        }
        return out
    }
}

/// Word accounting for the "no word dropped or changed" guarantee.
enum WordCheck {
    /// Words of the source minus words of the output (paragraphs + everything removed, as
    /// recorded by the trace); and the other way round. Both must be empty.
    static func difference(_ source: SourceArticle) -> (missing: [String: Int], extra: [String: Int]) {
        var trace = Trace()
        let article = Normalizer().normalize(source, trace: &trace)
        return difference(source: source.body, outputs: article.paragraphs.map(\.text) + trace.removals.map(\.text))
    }

    static func difference(source: String, outputs: [String]) -> (missing: [String: Int], extra: [String: Int]) {
        var have = TextScanning.bag(TextScanning.words(source))
        var extra: [String: Int] = [:]
        for text in outputs {
            for w in TextScanning.words(text) {
                if let n = have[w], n > 0 { have[w] = n - 1 } else { extra[w, default: 0] += 1 }
            }
        }
        return (have.filter { $0.value > 0 }, extra)
    }
}
