import Entities
import Foundation
import ParleyCore
import Testing

/// Optional check against a generated bench corpus (`shared/bench/gen_corpus.py --out DIR`):
/// PARLEY_BENCH_CORPUS=DIR scores people (empty registry; spelling variants from
/// `entities.json` accepted, credits optional) and times recognition.
@Suite struct BenchCorpusTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PARLEY_BENCH_CORPUS"] != nil,
                   "set PARLEY_BENCH_CORPUS to a corpus made by ../shared/bench/gen_corpus.py"))
    func benchCorpus() throws {
        let dir = try #require(ProcessInfo.processInfo.environment["PARLEY_BENCH_CORPUS"])
        let root = URL(fileURLWithPath: dir)
        let pools = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("entities.json"))) as? [String: Any])
        var variants: [String: [String]] = [:]
        for p in (pools["people"] as? [[String: Any]]) ?? [] {
            guard let name = p["name"] as? String else { continue }
            let firsts = (p["first"] as? [String]) ?? [], surs = (p["sur"] as? [String]) ?? []
            variants[name] = firsts.flatMap { f in surs.map { "\(f) \($0)" } } + surs
        }
        let truth = (Support.read(root.appendingPathComponent("truth.jsonl")) ?? "").split(separator: "\n")
        let limit = Int(ProcessInfo.processInfo.environment["PARLEY_BENCH_LIMIT"] ?? "1000") ?? 1000
        var gold: [[String: Any]] = []
        var articles: [(String, NormalizedArticle)] = []
        for line in truth.prefix(limit) {
            guard let t = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = t["file"] as? String, let text = Support.read(root.appendingPathComponent(file)) else { continue }
            let people = (t["people"] as? [String]) ?? []
            var aliases: [String: [String]] = [:]
            for p in people { aliases[p] = variants[p] ?? [] }
            gold.append(["file": file, "people": people, "people_optional": (t["credits"] as? [String]) ?? [], "aliases": aliases])
            // One paragraph per line, as the normalizer splits them.
            let paragraphs = text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            articles.append((file, NormalizedArticle(source: SourceArticle(path: file, format: .text, body: text), title: paragraphs.first ?? "",
                                                     paragraphs: paragraphs.map { Paragraph($0) })))
        }
        let recognizer = EntityRecognizer(registry: .empty)
        var predictions: [String: [String]] = [:]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for (file, a) in articles { predictions[file] = recognizer.analyze(a).people.map(\.person.name) }
        }
        let (strict, lenient, perFile) = PeopleScore.score(gold: gold, predictions: predictions)
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        print("[bench] \(articles.count) articles, \(elapsed / max(1, articles.count)) per article; strict P=\(f(strict.precision)) R=\(f(strict.recall)) F1=\(f(strict.f1)) | lenient F1=\(f(lenient.f1))")
        if ProcessInfo.processInfo.environment["PARLEY_VERBOSE"] == "1" {
            for (file, e) in perFile.sorted(by: { $0.key < $1.key }).prefix(40) where !e.fp.isEmpty || !e.fn.isEmpty {
                print("[bench] \(file): FP=\(e.fp) FN=\(e.fn)")
            }
        }
    }
}
