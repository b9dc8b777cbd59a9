import ParleyCore

/// Small character-level helpers shared by the normalizer's components.
/// Everything here scans `Character`s or Unicode scalars; no Foundation.
enum TextScanning {
    /// Opening quotation marks that can start a sentence or a quotation.
    static let openingQuotes: Set<Character> = ["“", "‘", "\"", "«", "„", "'"]
    /// Closing quotation marks and brackets that may follow a sentence's final stop.
    static let closers: Set<Character> = ["”", "’", "\"", "»", "'", ")", "]"]
    /// Dashes used as dateline separators.
    static let dashes: Set<String> = ["-", "–", "—", "--"]

    /// True when `c` ends a sentence.
    static func isTerminal(_ c: Character) -> Bool { c == "." || c == "?" || c == "!" || c == "…" }

    /// True when the text ends like a finished sentence: a final stop, possibly followed
    /// by closing quotation marks or brackets.
    static func endsSentence<S: StringProtocol>(_ text: S) -> Bool {
        var i = text.endIndex
        while i > text.startIndex {
            let prev = text.index(before: i)
            let c = text[prev]
            if c.isWhitespace || closers.contains(c) { i = prev; continue }
            return isTerminal(c)
        }
        return false
    }

    /// The words of a text: maximal runs of letters, digits and combining marks. This is
    /// the unit of the "no word dropped" guarantee; punctuation and spacing are not words.
    static func words<S: StringProtocol>(_ text: S) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isWordScalar(s) {
                current.append(s)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Lower-cased words, for comparisons that ignore case and punctuation.
    static func foldedWords<S: StringProtocol>(_ text: S) -> [String] {
        words(text).map { $0.lowercased() }
    }

    /// Collapses every run of whitespace to one space and trims the ends.
    static func collapseWhitespace<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for c in text {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(c)
            }
        }
        return out
    }

    /// Whitespace-separated tokens with their ranges in `text`.
    static func tokens(_ text: Substring, limit: Int = .max) -> [Token] {
        var out: [Token] = []
        var i = text.startIndex
        while i < text.endIndex, out.count < limit {
            while i < text.endIndex, text[i].isWhitespace { i = text.index(after: i) }
            guard i < text.endIndex else { break }
            let start = i
            while i < text.endIndex, !text[i].isWhitespace { i = text.index(after: i) }
            out.append(Token(text: text[start..<i]))
        }
        return out
    }

    /// `WASHINGTON` → `Washington`, `VATICAN CITY` → `Vatican City`, `WILKES-BARRE` → `Wilkes-Barre`.
    static func titleCased<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        var atWordStart = true
        for c in text {
            if c.isLetter {
                out += atWordStart ? c.uppercased() : c.lowercased()
                atWordStart = false
            } else {
                out.append(c)
                atWordStart = c == " " || c == "-" || c == "/" || c == "."
            }
        }
        return out
    }

    /// Number of whitespace-separated words.
    static func wordCount<S: StringProtocol>(_ text: S) -> Int {
        var n = 0
        var inWord = false
        for c in text {
            if c.isWhitespace { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    /// A text's words as a multiset.
    static func bag(_ words: [String]) -> [String: Int] {
        var b: [String: Int] = [:]
        for w in words { b[w, default: 0] += 1 }
        return b
    }
}

/// A whitespace-separated token and where it stands in its text.
struct Token {
    var text: Substring
    var range: Range<String.Index> { text.startIndex..<text.endIndex }
}
