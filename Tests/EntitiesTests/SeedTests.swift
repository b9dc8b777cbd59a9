import Entities
import Foundation
import ParleyCore
import Testing

/// The five seed articles against `shared/fixtures/seeds-gold.jsonl`, with the shipped registry.
@Suite struct SeedTests {
    struct Outcome {
        var file: String
        var missingPeople: [String] = []
        var extraPeople: [String] = []
        var wrongQuotes: [String] = []
        var missingEvents: [String] = []
        var date: ArticleDate
        var goldDate: String?
    }

    static func outcomes() -> [Outcome] {
        let recognizer = EntityRecognizer(registry: Support.registry)
        let events = Support.registry.events
        var out: [Outcome] = []
        for g in Support.gold("seeds-gold.jsonl") {
            guard let file = g["file"] as? String,
                  let text = Support.read(Support.shared.appendingPathComponent("seeds/\(file)")) else { continue }
            let contributors = (g["contributors"] as? [String]) ?? []
            let result = recognizer.analyze(Support.lineArticle(path: "articles/\(file)", text: text, contributors: contributors))
            var o = Outcome(file: file, date: result.article.date, goldDate: g["date"] as? String)
            let names = Set(result.people.map(\.person.name))
            let gold = Set((g["people"] as? [String]) ?? [])
            let optional = Set((g["people_optional"] as? [String]) ?? [])
            o.missingPeople = gold.subtracting(names).sorted()
            o.extraPeople = names.subtracting(gold).subtracting(optional).sorted()
            let byID = Dictionary(result.people.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { a, _ in a })
            for q in (g["quotes"] as? [[String: String]]) ?? [] {
                guard let speaker = q["speaker"], let start = q["text_start"] else { continue }
                let match = result.quotes.first { ReutersScoreTests.quoteKey($0.text).hasPrefix(ReutersScoreTests.quoteKey(start)) }
                let got = match.flatMap { byID[$0.speaker] }
                if got != speaker { o.wrongQuotes.append("\(start) → \(got ?? "-") (gold \(speaker))") }
            }
            // Gold events that the registry lists (same date) must be found.
            let found = Set(result.events.map(\.id))
            for e in (g["events"] as? [[String: Any]]) ?? [] {
                guard let date = e["date"] as? String, let day = Day(iso: date) else { continue }
                let inRegistry = events.filter { $0.start == day && $0.summary != nil }
                for event in inRegistry where !found.contains(event.id) {
                    o.missingEvents.append("\(event.id) (\(e["name"] as? String ?? ""))")
                }
            }
            out.append(o)
        }
        return out
    }

    @Test func seeds() throws {
        let all = Self.outcomes()
        try #require(all.count == 5)
        for o in all {
            print("[seed] \(o.file): date \(o.date.day?.iso ?? "undated") (\(o.date.status.rawValue)) gold \(o.goldDate ?? "null") missing=\(o.missingPeople) extra=\(o.extraPeople) quotes-wrong=\(o.wrongQuotes) events-missing=\(o.missingEvents)")
            #expect(o.missingPeople.isEmpty, "\(o.file)")
            #expect(o.extraPeople.isEmpty, "\(o.file)")
            #expect(o.wrongQuotes.isEmpty, "\(o.file)")
        }
        // Gold events that events.yml lists: all found (seed 004's allusion to the 2022 Istanbul
        // round included).
        #expect(all.flatMap(\.missingEvents).isEmpty, "\(all.flatMap(\.missingEvents))")
    }

    @Test func seedDates() {
        let all = Self.outcomes()
        for o in all {
            if let gold = o.goldDate, let day = Day(iso: gold) {
                if let got = o.date.day {
                    #expect(abs(got.ordinal - day.ordinal) <= 1, "\(o.file): \(got) vs \(gold)")
                } else {
                    Issue.record("\(o.file): undated, gold \(gold)")
                }
            } else {
                // Seed 004: undated, or inferred no earlier than 2024-11-07.
                if let got = o.date.day { #expect(got >= Day(year: 2024, month: 11, day: 7)!, "\(o.file)") }
            }
        }
    }
}
