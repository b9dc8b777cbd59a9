import Entities
import Foundation
import ParleyCore
import Testing

/// Average recognition time per article over the Reuters dev files and seeds, shipped registry.
/// The bar (well under a millisecond) applies to release builds: `swift test -c release --filter PerformanceTests`.
@Suite struct PerformanceTests {
    @Test func averageArticleTime() {
        var articles: [NormalizedArticle] = []
        for n in 1...40 {
            let file = String(format: "dev_%03d.txt", n)
            if let text = Support.read(Support.shared.appendingPathComponent("corpora/reuters-dev/\(file)")) {
                articles.append(Support.reutersArticle(path: file, text: text))
            }
        }
        guard !articles.isEmpty else { return }
        let recognizer = EntityRecognizer(registry: Support.registry)
        let rounds = Int(ProcessInfo.processInfo.environment["PARLEY_PERF_ROUNDS"] ?? "5") ?? 5
        let clock = ContinuousClock()
        var checksum = 0
        let elapsed = clock.measure {
            for _ in 0..<rounds { for a in articles { checksum &+= recognizer.analyze(a).mentions.count } }
        }
        let perArticle = elapsed / (rounds * articles.count)
        let bytes = articles.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.text.utf8.count } } / articles.count
        print("[perf] \(perArticle) per article (avg \(bytes) bytes), checksum \(checksum)")
        #expect(checksum > 0)
        #if !DEBUG
        #expect(perArticle < .milliseconds(1))
        #endif
    }
}
