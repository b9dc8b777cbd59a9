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
