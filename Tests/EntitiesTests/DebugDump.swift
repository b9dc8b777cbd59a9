import Entities
import Foundation
import ParleyCore
import Testing

/// PARLEY_DEBUG_FILE=dev_001.txt (or a seed file name) prints the analysis of one file.
@Suite struct DebugDump {
    @Test func dump() {
        guard let name = ProcessInfo.processInfo.environment["PARLEY_DEBUG_FILE"] else { return }
        let reuters = name.hasPrefix("dev_")
        let url = Support.shared.appendingPathComponent(reuters ? "corpora/reuters-dev/\(name)" : "seeds/\(name)")
        guard let text = ProcessInfo.processInfo.environment["PARLEY_DEBUG_TEXT"] ?? Support.read(url) else { return }
        let article = reuters ? Support.reutersArticle(path: name, text: text) : Support.lineArticle(path: name, text: text)
        let registry = ProcessInfo.processInfo.environment["PARLEY_EMPTY"] == "1" ? Registry.empty : Support.registry
        let r = EntityRecognizer(registry: registry).analyze(article)
        print("DATE \(r.article.date)")
        for p in r.people { print("PERSON \(p.person.name) [\(p.person.id)] x\(p.mentions) roles=\(p.roles)") }
        print("PLACES \(r.places)")
        print("ORGS \(r.organizations)")
        for e in r.events { print("EVENT \(e.id)") }
        for q in r.quotes { print("QUOTE \(q.speaker): \(q.text.prefix(60))") }
        for d in r.diagnostics { print("DIAG \(d)") }
        if ProcessInfo.processInfo.environment["PARLEY_MENTIONS"] == "1" {
            for m in r.mentions { print("M \(m.kind) \(m.entity) p\(m.paragraph) \(m.start)-\(m.end) '\(m.text)'") }
        }
    }
}
