import Entities
import Foundation
import ParleyCore
import Testing

/// Scores person names and quote speakers on the 20 hand-labelled Reuters dev files.
/// Set PARLEY_WRITE_PREDICTIONS=1 to write `/tmp/parley-reuters-predictions{,-registry}.jsonl`
/// for `shared/tools/score_people.py`; PARLEY_VERBOSE=1 prints per-file errors.
@Suite struct ReutersScoreTests {
    struct Run {
        var strict: PeopleScore.Counts
        var lenient: PeopleScore.Counts
        var quotesRight: Int
        var quotesTotal: Int
    }

    static func run(registry: Registry, label: String) -> Run? {
        let gold = Support.gold("reuters-dev-gold.jsonl")
        guard !gold.isEmpty else { return nil }
        let recognizer = EntityRecognizer(registry: registry)
        var predictions: [String: [String]] = [:]
        var lines: [String] = []
        var right = 0, total = 0
        let verbose = ProcessInfo.processInfo.environment["PARLEY_VERBOSE"] == "1"
        for g in gold {
            guard let file = g["file"] as? String,
                  let text = Support.read(Support.shared.appendingPathComponent("corpora/reuters-dev/\(file)")) else { continue }
            let result = recognizer.analyze(Support.reutersArticle(path: "articles/\(file)", text: text))
            let names = result.people.map(\.person.name)
            predictions[file] = names
            if let data = try? JSONSerialization.data(withJSONObject: ["file": file, "people": names], options: [.sortedKeys]) {
                lines.append(String(decoding: data, as: UTF8.self))
            }
            let byID = Dictionary(result.people.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { a, _ in a })
            let aliases = (g["aliases"] as? [String: [String]]) ?? [:]
            for q in (g["quotes"] as? [[String: String]]) ?? [] {
                guard let speaker = q["speaker"], let start = q["text_start"] else { continue }
                total += 1
                let prefix = start.lowercased()
                let match = result.quotes.first { quoteKey($0.text).hasPrefix(quoteKey(prefix)) }
                let predicted = match.flatMap { byID[$0.speaker] } ?? "-"
                if PeopleScore.resolve([predicted], aliases: aliases).contains(PeopleScore.normalise(speaker)) {
                    right += 1
                } else if verbose {
                    print("[\(label)] \(file) quote '\(start)': gold \(speaker), got \(predicted)")
                }
            }
        }
        let (strict, lenient, perFile) = PeopleScore.score(gold: gold, predictions: predictions)
        if verbose {
            for (file, e) in perFile.sorted(by: { $0.key < $1.key }) where !e.fp.isEmpty || !e.fn.isEmpty {
                print("[\(label)] \(file): FP=\(e.fp) FN=\(e.fn)")
            }
        }
        if ProcessInfo.processInfo.environment["PARLEY_WRITE_PREDICTIONS"] == "1" {
            let path = label == "empty" ? "/tmp/parley-reuters-predictions.jsonl" : "/tmp/parley-reuters-predictions-registry.jsonl"
            try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        print("[\(label)] strict P=\(f(strict.precision)) R=\(f(strict.recall)) F1=\(f(strict.f1)) (TP=\(strict.tp) FP=\(strict.fp) FN=\(strict.fn)) | lenient P=\(f(lenient.precision)) R=\(f(lenient.recall)) F1=\(f(lenient.f1)) | quotes \(right)/\(total)")
        return Run(strict: strict, lenient: lenient, quotesRight: right, quotesTotal: total)
    }

    static func quoteKey(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == " " }
            .map(Character.init)).split(separator: " ").joined(separator: " ")
    }

    /// PARLEY_LIST_ALL=1 prints the people found in every dev file (labelled or not), for review.
    @Test func listAll() {
        guard ProcessInfo.processInfo.environment["PARLEY_LIST_ALL"] == "1" else { return }
        let recognizer = EntityRecognizer(registry: .empty)
        for n in 1...40 {
            let file = String(format: "dev_%03d.txt", n)
            guard let text = Support.read(Support.shared.appendingPathComponent("corpora/reuters-dev/\(file)")) else { continue }
            let r = recognizer.analyze(Support.reutersArticle(path: file, text: text))
            print("[all] \(file): \(r.people.map(\.person.name))")
        }
    }

    @Test func emptyRegistry() throws {
        let run = try #require(Self.run(registry: .empty, label: "empty"))
        // Measured on the 20 labelled dev files (also used while developing): strict F1 0.993.
        #expect(run.strict.f1 >= 0.99)
        #expect(run.lenient.f1 >= 0.99)
        #expect(Double(run.quotesRight) / Double(max(1, run.quotesTotal)) >= 0.92)
    }

    @Test func shippedRegistry() throws {
        let run = try #require(Self.run(registry: Support.registry, label: "registry"))
        #expect(run.strict.f1 >= 0.99)
        #expect(run.lenient.f1 >= 0.99)
        #expect(Double(run.quotesRight) / Double(max(1, run.quotesTotal)) >= 0.92)
    }
}
