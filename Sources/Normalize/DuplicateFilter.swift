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
            let key = repeatKey(p.text)
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

    /// A cheap key for exact repeats over the UTF-8 bytes, eight at a time (hashing a `String`
    /// normalizes it first; a byte-at-a-time FNV-1a waits on a multiply per byte). Only a
    /// bucket: equal keys are confirmed by comparing the texts.
    static func repeatKey(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
            var i = 0
            while i + 8 <= bytes.count {
                h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var tail: UInt64 = 0
            while i < bytes.count {
                tail = tail << 8 | UInt64(bytes[i])
                i += 1
            }
            return mix(h ^ tail)
        }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var x = x &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x
    }
}
