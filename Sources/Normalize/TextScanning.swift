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
    static func words(_ text: String) -> [String] { words(text[...]) }

    static func words(_ text: Substring) -> [String] {
        var out: [String] = []
        let view = text.unicodeScalars
        var start: String.Index?
        var i = view.startIndex
        while i < view.endIndex {
            if isWordScalar(view[i]) {
                if start == nil { start = i }
            } else if let s = start {
                out.append(String(Substring(view[s..<i])))
                start = nil
            }
            i = view.index(after: i)
        }
        if let s = start { out.append(String(Substring(view[s..<view.endIndex]))) }
        return out
    }

    /// True when `needle` (ASCII) occurs in the UTF-8 of `text`.
    static func containsBytes<S: StringProtocol>(_ text: S, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern -> Bool in
            func search(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
                let n = pattern.count
                guard n > 0 else { return true }
                guard hay.count >= n else { return false }
                var i = 0
                while i <= hay.count - n {
                    if hay[i] == pattern[0] {
                        var k = 1
                        while k < n, hay[i + k] == pattern[k] { k += 1 }
                        if k == n { return true }
                    }
                    i += 1
                }
                return false
            }
            if let found = text.utf8.withContiguousStorageIfAvailable(search) { return found }
            return Array(text.utf8).withUnsafeBufferPointer(search)
        }
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
    static func foldedWords(_ text: String) -> [String] {
        words(text).map { $0.lowercased() }
    }

    /// Collapses every run of whitespace to one space and trims the ends. Works on UTF-8:
    /// ASCII whitespace, no-break space, the U+2000 spaces, line/paragraph separators and
    /// the ideographic space count as whitespace.
    static func collapseWhitespace<S: StringProtocol>(_ text: S) -> String {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var pendingSpace = false
        var i = 0
        while i < n {
            let width = spaceWidth(bytes, at: i)
            if width > 0 {
                pendingSpace = !out.isEmpty
                i += width
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte length of a whitespace character starting at `i`, or 0.
    @inline(__always)
    static func spaceWidth(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return (c == 0x20 || (c >= 0x09 && c <= 0x0D)) ? 1 : 0 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 || b[i + 1] == 0x85 { return 2 }
        if c == 0xE2, i + 2 < b.count {
            let d = b[i + 1], e = b[i + 2]
            if d == 0x80, (e >= 0x80 && e <= 0x8A) || e == 0xA8 || e == 0xA9 || e == 0xAF { return 3 }
            if d == 0x81, e == 0x9F { return 3 }
        }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
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
        for s in text.unicodeScalars {
            if Scalars.isSpace(s) { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    /// True when the text has at most `limit` whitespace-separated words; stops early.
    static func hasAtMost<S: StringProtocol>(_ limit: Int, wordsIn text: S) -> Bool {
        var n = 0
        var inWord = false
        for s in text.unicodeScalars {
            if Scalars.isSpace(s) { inWord = false } else if !inWord {
                inWord = true
                n += 1
                if n > limit { return false }
            }
        }
        return true
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
