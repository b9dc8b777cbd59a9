import ParleyCore

/// Removes a headline or lede printed twice.
///
/// - An exact repeat (same text, four words or more) of an earlier paragraph goes.
/// - A paragraph in the front matter of the page (before the dateline paragraph, or the
///   first paragraph when there is no dateline) whose words (six or more) are, to at least
///   90 %, contained in a later paragraph is a duplicated lede and goes. A headline-shaped
///   first line is exempt: headlines echo the story by design.
enum DuplicateFilter {
    static func filter(_ paragraphs: inout [WorkingParagraph], frontZone: Int, path: String,
                       trace: inout Trace, diagnostics: inout [Diagnostic]) {
        var seen: [UInt64: [Int]] = [:]
        var keep: [Bool] = Array(repeating: true, count: paragraphs.count)
        for (i, p) in paragraphs.enumerated() {
            guard !TextScanning.hasAtMost(3, wordsIn: p.text) else { continue }
            let key = fnv1a(p.text)
            if let earlier = seen[key]?.first(where: { paragraphs[$0].text == p.text }) {
                keep[i] = false
                trace.remove(.duplicate, p.text, line: p.line)
                diagnostics.append(Diagnostic(.note, step: "normalize", file: path, line: p.line,
                                              "removed a repeat of line \(paragraphs[earlier].line)"))
            } else {
                seen[key, default: []].append(i)
            }
        }
        for i in 0..<min(frontZone, paragraphs.count) where keep[i] {
            if i == 0, TitleFinder.isHeadlineShaped(paragraphs[i]) { continue }
            let need = LowercasedWordBag(paragraphs[i].text)
            guard need.total >= 6 else { continue }
            for j in (i + 1)..<paragraphs.count where keep[j] {
                if need.missing(from: paragraphs[j].text) * 10 <= need.total {
                    keep[i] = false
                    trace.remove(.duplicate, paragraphs[i].text, line: paragraphs[i].line)
                    diagnostics.append(Diagnostic(.note, step: "normalize", file: path, line: paragraphs[i].line,
                                                  "removed a duplicated lede (repeated at line \(paragraphs[j].line))"))
                    break
                }
            }
        }
        paragraphs = zip(paragraphs, keep).filter(\.1).map(\.0)
    }

    /// FNV-1a over the UTF-8 bytes: a cheap key for exact repeats (hashing a `String`
    /// normalizes it first).
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h &*= 0x100_0000_01b3
        }
        return h
    }
}
