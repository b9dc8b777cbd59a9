import ParleyCore

/// Headlines, standfirsts, and titles derived from the lede.
///
/// A headline is a single short line (2–20 words, at most 160 characters) that does not
/// end with a full stop, standing before the body. A standfirst is a single line of at most
/// 40 words between the headline and a paragraph that opens with a dateline. When there is
/// no headline, the title is the lede's first sentence, cut at a word boundary.
enum TitleFinder {
    static let maxDerivedLength = 90

    static func isHeadlineShaped(_ p: WorkingParagraph) -> Bool {
        guard p.singleLine else { return false }
        let text = p.text.trimmed
        let words = TextScanning.wordCount(text)
        guard (2...20).contains(words), text.count <= 160, let first = text.first,
              first.isUppercase || first.isNumber || TextScanning.openingQuotes.contains(first) else { return false }
        return !endsWithFullStop(text)
    }

    /// A final `.` (not `?`/`!`, and not the dot of a dotted abbreviation such as `U.S.`).
    static func endsWithFullStop(_ text: String) -> Bool {
        var t = Substring(text)
        while let last = t.last, TextScanning.closers.contains(last) || last.isWhitespace { t = t.dropLast() }
        guard t.last == "." || t.last == "…" else { return false }
        let lastToken = t.split(separator: " ").last ?? ""
        let inner = lastToken.dropLast()
        return !(inner.contains(".") && inner.count <= 5)
    }

    static func isStandfirstShaped(_ p: WorkingParagraph) -> Bool {
        p.singleLine && TextScanning.wordCount(p.text) <= 40
    }

    /// The lede's first sentence, shortened to `maxDerivedLength` characters at a word
    /// boundary with `…` when cut; a final full stop is dropped.
    static func derive(fromLede lede: String) -> String? {
        guard let first = SentenceSplitter.split(lede).first?.text, !first.isEmpty else { return nil }
        var sentence = first
        if sentence.hasSuffix("."), !sentence.hasSuffix("..") { sentence.removeLast() }
        guard sentence.count > maxDerivedLength else { return sentence }
        let chars = Array(sentence)
        var cut = maxDerivedLength - 1 // leave room for the ellipsis
        while cut > 0, !chars[cut].isWhitespace { cut -= 1 }
        if cut == 0 { cut = maxDerivedLength - 1 }
        var short = String(chars[..<cut])
        // Do not leave a quotation open.
        let opens = short.filter { $0 == "“" }.count, closes = short.filter { $0 == "”" }.count
        if opens > closes, let q = short.lastIndex(of: "“"), q > short.startIndex {
            short = String(short[..<q])
        }
        while let last = short.last, last.isWhitespace || ",;:–—-(".contains(last) { short.removeLast() }
        // Prefer not to end on a small function word.
        let weak: Set<String> = ["a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "with", "at", "by",
                                 "that", "from", "as", "is", "its", "his", "her", "their"]
        for _ in 0..<3 {
            guard let space = short.lastIndex(of: " ") else { break }
            let lastWord = short[short.index(after: space)...].lowercased()
            guard weak.contains(lastWord) else { break }
            short = String(short[..<space])
            while let last = short.last, last.isWhitespace || ",;:–—-".contains(last) { short.removeLast() }
        }
        return short + "…"
    }
}

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
            let words = TextScanning.foldedWords(paragraphs[i].text)
            guard words.count >= 6 else { continue }
            let need = TextScanning.bag(words)
            for j in (i + 1)..<paragraphs.count where keep[j] {
                let have = TextScanning.bag(TextScanning.foldedWords(paragraphs[j].text))
                var missing = 0
                for (w, n) in need { missing += max(0, n - (have[w] ?? 0)) }
                if missing * 10 <= words.count {
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
