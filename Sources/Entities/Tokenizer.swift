import ParleyCore

/// One word, number or punctuation mark of a paragraph, with its UTF-8 byte range.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }

    let kind: Kind
    /// `kind == .word` and `kind == .punct`, stored: reading a computed property of a token in
    /// an array copies the whole token (and retains its key).
    let isWord: Bool
    let isPunct: Bool
    /// UTF-8 byte offsets in the paragraph, end exclusive. A possessive `’s` is not included.
    var start: Int
    var end: Int
    /// Folded form used for matching (`jeanpierre`, `us`, `cavusoglu`); the mark itself for punctuation.
    var key: String
    /// `FoldedKeyHash` of `key`, for table lookups.
    var keyHash: UInt64 = 0
    /// The punctuation scalar for `.punct` tokens.
    var mark: Unicode.Scalar = " "
    /// Starts with an upper-case letter (or `al-Sabban` shape).
    var capitalized = false
    /// Two or more letters, all upper case (`NATO`, `WASHINGTON`).
    var allCaps = false
    /// Followed by a possessive `’s` / `'s` / `’`, which is outside `start..<end`.
    var possessive = false
    /// Ends with an attached full stop (`Mr.`, `U.S.`, `J.`).
    var abbreviation = false
    /// Contains letters of another script inside a Latin word.
    var foreign = false
    /// A hyphenated word whose second part is lower case (`Toshiba-owned`): an adjective.
    var hyphenatedLower = false
    /// `Lex` flags of the word.
    var lex: UInt32 = 0
    /// Index of the sentence in the paragraph.
    var sentence = 0
    /// First word token of its sentence.
    var sentenceStart = false

    /// A single capital letter with a full stop: `J.` (`abbreviation` and a one-letter key; set
    /// by the tokenizer).
    var isInitial = false

    init(kind: Kind, start: Int, end: Int, key: String, keyHash: UInt64, mark: Unicode.Scalar = " ") {
        self.kind = kind
        self.isWord = kind == .word
        self.isPunct = kind == .punct
        self.start = start
        self.end = end
        self.key = key
        self.keyHash = keyHash
        self.mark = mark
    }
}

/// Splits paragraph text into tokens on Unicode scalars, keeping exact byte offsets.
enum Tokenizer {
    static func tokenize(_ text: String) -> [Token] {
        let (scalars, offsets) = text.scalarsWithOffsets()
        // Read once: each read of a global copies it (and retains its arrays).
        let lexicon = Lexicon.table
        let markKeys = asciiMarkKeys, markHashes = asciiMarkHashes
        let n = scalars.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 5 + 4)
        var i = 0
        var keyBytes: [UInt8] = []
        while i < n {
            let s = scalars[i]
            if isSpace(s) { i += 1; continue }
            if isLetter(s) {
                let begin = i
                keyBytes.removeAll(keepingCapacity: true)
                var inForeign = false
                var foreign = false
                var firstUpper = false
                var upperAfterHyphen = false
                var hyphenSeen = false
                var awaitingAfterHyphen = false
                var lettersBeforeHyphen = 0
                var letters = 0
                var uppers = 0
                var end = i
                var possessive = false
                while i < n {
                    let c = scalars[i]
                    if isLetter(c) || isDigit(c) {
                        if Fold.append(c, to: &keyBytes) {
                            inForeign = false
                        } else if !isMark(c) || !inForeign {
                            if !inForeign { keyBytes.append(Fold.wildcard) }
                            inForeign = true
                            foreign = true
                        }
                        if isLetter(c) && !isMark(c) {
                            let up = isUpper(c)
                            if letters == 0 { firstUpper = up }
                            if awaitingAfterHyphen { upperAfterHyphen = up; awaitingAfterHyphen = false }
                            letters += 1
                            if up { uppers += 1 }
                        }
                        i += 1
                        end = i
                        continue
                    }
                    // Apostrophes: inner (O’Connor, doesn’t) or possessive (Biden’s, Mattis’).
                    if c == "'" || c == "\u{2019}" {
                        let next: Unicode.Scalar? = i + 1 < n ? scalars[i + 1] : nil
                        let after: Unicode.Scalar? = i + 2 < n ? scalars[i + 2] : nil
                        if let next, (next == "s" || next == "S"), after.map({ !isLetter($0) && !isDigit($0) }) ?? true {
                            possessive = true
                            i += 2
                            break
                        }
                        if let next, isLetter(next) { i += 1; continue }
                        let last = scalars[end - 1]
                        if last == "s" || last == "S" {
                            possessive = true
                            i += 1
                        }
                        break
                    }
                    // Hyphens: inner (Jean-Pierre) or a line-break hyphenation (Lav-\nrov).
                    if c == "-" || c == "\u{2010}" || c == "\u{2011}" {
                        if i + 1 < n, isLetter(scalars[i + 1]) {
                            if !hyphenSeen { hyphenSeen = true; lettersBeforeHyphen = letters; awaitingAfterHyphen = true }
                            i += 1
                            continue
                        }
                        var j = i + 1
                        var sawNewline = false
                        while j < n, isSpace(scalars[j]) {
                            if scalars[j] == "\n" { sawNewline = true }
                            j += 1
                        }
                        if sawNewline, j < n, isLetter(scalars[j]) { i = j; continue }
                        break
                    }
                    break
                }
                var token = Token(kind: .word, start: offsets[begin], end: offsets[end], key: String(decoding: keyBytes, as: UTF8.self),
                                  keyHash: FoldedKeyHash.of(keyBytes))
                var lex = lexicon.value(for: token.key, hash: token.keyHash) ?? 0
                token.foreign = foreign
                token.allCaps = letters >= 2 && uppers == letters
                token.capitalized = firstUpper || (upperAfterHyphen && lettersBeforeHyphen <= 3)
                token.possessive = possessive
                token.hyphenatedLower = hyphenSeen && !upperAfterHyphen && firstUpper
                // Attached full stop: initials (J.), U.S., and known abbreviations.
                if !possessive, i < n, scalars[i] == "." {
                    if letters == 1 && firstUpper {
                        var j = i + 1
                        var extended = false
                        while j + 1 < n, isLetter(scalars[j]), scalars[j + 1] == ".",
                              j + 2 >= n || !isLetter(scalars[j + 2]) {
                            _ = Fold.append(scalars[j], to: &keyBytes)
                            j += 2
                            extended = true
                        }
                        if extended {
                            token.key = String(decoding: keyBytes, as: UTF8.self)
                            token.keyHash = FoldedKeyHash.of(keyBytes)
                            lex = lexicon.value(for: token.key, hash: token.keyHash) ?? 0
                        }
                        token.end = offsets[j]
                        if extended { token.allCaps = true }
                        token.abbreviation = true
                        i = j
                    } else if lex & Lex.abbreviations != 0 {
                        token.end = offsets[i + 1]
                        token.abbreviation = true
                        i += 1
                    }
                }
                token.lex = lex & ~Lex.abbreviations
                token.isInitial = token.abbreviation && token.key.utf8.count == 1
                tokens.append(token)
                continue
            }
            if isDigit(s) {
                let begin = i
                keyBytes.removeAll(keepingCapacity: true)
                while i < n {
                    let c = scalars[i]
                    if isDigit(c) || isLetter(c) { _ = Fold.append(c, to: &keyBytes); i += 1; continue }
                    if (c == "," || c == "." || c == ":"), i + 1 < n, isDigit(scalars[i + 1]) { i += 1; continue }
                    break
                }
                tokens.append(Token(kind: .number, start: offsets[begin], end: offsets[i], key: String(decoding: keyBytes, as: UTF8.self),
                                    keyHash: FoldedKeyHash.of(keyBytes)))
                continue
            }
            let key: String, keyHash: UInt64
            if s.value < 0x80 {
                key = markKeys[Int(s.value)]
                keyHash = markHashes[Int(s.value)]
            } else {
                key = String(Character(s))
                keyHash = FoldedKeyHash.of(key)
            }
            tokens.append(Token(kind: .punct, start: offsets[i], end: offsets[i + 1], key: key, keyHash: keyHash, mark: s))
            i += 1
        }
        markSentences(&tokens)
        return tokens
    }

    /// Keys of ASCII punctuation tokens (the mark itself) by code, and their hashes: made once
    /// instead of a `String` per comma.
    static let asciiMarkKeys: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }
    static let asciiMarkHashes: [UInt64] = asciiMarkKeys.map { FoldedKeyHash.of($0) }

    /// Numbers sentences: a new one starts after `.`, `!`, `?` (not an abbreviation's own stop)
    /// and after an abbreviation followed by a typical sentence opener.
    static func markSentences(_ tokens: inout [Token]) {
        var sentence = 0
        var expectStart = true
        for i in tokens.indices {
            // Fields read one by one: a whole `Token` copy retains its key.
            let kind = tokens[i].kind
            if kind == .punct {
                let mark = tokens[i].mark
                tokens[i].sentence = sentence
                if mark == "." || mark == "!" || mark == "?" || mark == "\u{2026}" {
                    // Stay in the sentence when a closing quote follows; the next word starts anew.
                    sentence += 1
                    expectStart = true
                }
                continue
            }
            if kind == .word, i > 0, tokens[i - 1].abbreviation, !expectStart, tokens[i].capitalized,
               tokens[i].lex & Lex.sentenceOpeners != 0, tokens[i - 1].lex & Lex.titleAbbreviations == 0 {
                sentence += 1
                expectStart = true
            }
            tokens[i].sentence = sentence
            if expectStart && kind != .punct {
                tokens[i].sentenceStart = true
                expectStart = false
            }
        }
        // Closing quotes and brackets right after a stop belong to the sentence they close.
        for i in tokens.indices where tokens[i].isPunct && i > 0 {
            let m = tokens[i].mark
            if (m == "\u{201D}" || m == "\"" || m == ")" || m == "\u{2019}") && tokens[i - 1].isPunct && tokens[i].sentence > tokens[i - 1].sentence {
                let p = tokens[i - 1].mark
                if p == "." || p == "!" || p == "?" || p == "," { tokens[i].sentence = tokens[i - 1].sentence }
            }
        }
    }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        return s.properties.isAlphabetic
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        return s.properties.isWhitespace
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }

    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (0x41...0x5A).contains(v) }
        return s.properties.isUppercase
    }

    @inline(__always) static func isMark(_ s: Unicode.Scalar) -> Bool {
        guard s.value >= 0x300 else { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
