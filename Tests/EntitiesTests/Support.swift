import Foundation
import Ingest
import ParleyCore
import ParleyTestSupport

/// Test helpers: paths to the shared data, the shipped registry, simple article construction
/// (independent of the Normalize stage) and gold files.
enum Support {
    static let repoRoot = URL(fileURLWithPath: RepositoryPaths.root)
    static let shared = URL(fileURLWithPath: RepositoryPaths.shared).standardized

    static func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    static let registry: Registry = {
        let dir = repoRoot.appendingPathComponent("content")
        func text(_ name: String) -> String { read(dir.appendingPathComponent(name)) ?? "" }
        let people = (try? RegistryParser.people(text("people.yml"), file: "people.yml").entries) ?? []
        let events = (try? RegistryParser.events(text("events.yml"), file: "events.yml").entries) ?? []
        let places = (try? RegistryParser.namedEntities(text("places.yml"), file: "places.yml", listKey: "places").entries) ?? []
        let orgs = (try? RegistryParser.namedEntities(text("organizations.yml"), file: "organizations.yml", listKey: "organizations").entries) ?? []
        return Registry(people: people, events: events, places: places, organizations: orgs)
    }()

    /// One paragraph per non-empty line; ` date YYYY-MM-DD` gives an exact date and a leading
    /// `CITY, Month D` gives a dateline day, as a normalizer would.
    static func lineArticle(path: String, text: String, contributors: [String] = []) -> NormalizedArticle {
        var paragraphs: [Paragraph] = []
        var date = ArticleDate.undated
        var dateline: Dateline? = nil
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("date "), let day = Day(iso: String(line.dropFirst(5).prefix(10))) {
                date = .exact(day, basis: "date line")
                line = String(line.dropFirst(15)).trimmingCharacters(in: .whitespaces)
            }
            if dateline == nil, let d = parseDateline(line) { dateline = d }
            paragraphs.append(Paragraph(line, line: n + 1))
        }
        let title = paragraphs.first?.text ?? path
        return NormalizedArticle(source: SourceArticle(path: path, format: .text, body: text), title: title, date: date,
                                 dateline: dateline, contributors: contributors, paragraphs: paragraphs)
    }

    /// `WASHINGTON, July 6. /TASS/.` → month 7, day 6.
    static func parseDateline(_ line: String) -> Dateline? {
        let words = line.split(separator: " ").prefix(6).map(String.init)
        guard let comma = words.firstIndex(where: { $0.hasSuffix(",") }), comma + 2 < words.count else { return nil }
        let city = words[...comma].joined(separator: " ").dropLast()
        guard city == city.uppercased(), city.count >= 3 else { return nil }
        guard let month = Day.monthNames.firstIndex(of: words[comma + 1]) else { return nil }
        let digits = words[comma + 2].prefix { $0.isNumber }
        guard let day = Int(digits) else { return nil }
        return Dateline(raw: words.prefix(comma + 3).joined(separator: " "), places: [], month: month + 1, day: day)
    }

    /// Reuters dev file: line 1 title, blank, the whole text on one line (one paragraph).
    static func reutersArticle(path: String, text: String) -> NormalizedArticle {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let title = lines.first.map(String.init) ?? path
        let body = lines.dropFirst().joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        return NormalizedArticle(source: SourceArticle(path: path, format: .text, body: text, bodyStartLine: 3), title: title,
                                 paragraphs: [Paragraph(body, line: 3)])
    }

    static func gold(_ name: String) -> [[String: Any]] {
        guard let text = read(shared.appendingPathComponent("fixtures/\(name)")) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }
}
