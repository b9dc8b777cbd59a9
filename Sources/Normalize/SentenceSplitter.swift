/// Splits prose into sentences, and mends sentences run together by a lost space
/// (`said.The` → `said. The`). Never changes or drops a character other than whitespace.
///
/// A boundary is a `.`, `?` or `!` (plus any further stops and closing quotes or
/// brackets) followed by whitespace and a token that starts like a sentence (capital,
/// digit, opening quote or bracket), unless the word before the stop is an
/// abbreviation: a title (`Mr.`, `Sen.`), a month (`Jan.`), an initial (`J.`), a dotted
/// abbreviation (`U.S.`, `a.m.`), or `No.` before a number.
enum SentenceSplitter {
    struct Sentence: Equatable {
        var text: String
        /// The sentence was preceded by two or more spaces: in one-line wire text, where
        /// paragraphs were joined, such a gap usually marks a lost paragraph break.
        var wideGapBefore: Bool
    }

    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Gens", "Lt", "Col",
        "Capt", "Sgt", "Adm", "Cmdr", "Maj", "Cpl", "Pvt", "Brig", "St", "Ste", "Jr", "Sr", "Prof", "Rev", "Hon",
        "Pres", "Supt", "Atty", "Mt", "Ft", "Sec", "Amb", "Insp", "Det", "Fr", "Msgr",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Inc", "Corp", "Co", "Ltd", "Bros", "Ave", "Blvd", "Rd", "vs", "approx", "cf", "Ph", "Mass", "Calif",
        "Ariz", "Colo", "Conn", "Fla", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mich", "Minn", "Miss", "Mo",
        "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Va", "Vt", "Wash", "Wis", "Wyo", "Ala", "Ark", "Del", "Ga",
    ]

    /// Abbreviations only when a number follows: `No. 1`, `Vol. 3`.
    static let numberAbbreviations: Set<String> = ["No", "Nos", "no", "Vol", "Art", "Fig", "p", "pp"]

    static func split(_ text: String) -> [Sentence] {
        let chars = Array(text)
        let n = chars.count
        var out: [Sentence] = []
        var start = 0
        var wideGap = false
        var i = 0
        let quoted = insideQuotation(chars)

        func emit(_ end: Int) {
            let s = TextScanning.collapseWhitespace(String(chars[start..<end]))
            if !s.isEmpty { out.append(Sentence(text: s, wideGapBefore: wideGap)) }
        }

        while i < n {
            let c = chars[i]
            guard c == "." || c == "?" || c == "!" else { i += 1; continue }
            var j = i + 1
            while j < n, TextScanning.isTerminal(chars[j]) || TextScanning.closers.contains(chars[j]) { j += 1 }
            if j >= n { break }
            if !chars[j].isWhitespace {
                if isRunTogether(chars, stop: i, next: j) {
                    emit(j)
                    start = j
                    wideGap = false
                    i = j
                } else {
                    i = j
                }
                continue
            }
            var k = j
            var spaces = 0
            while k < n, chars[k].isWhitespace { k += 1; spaces += 1 }
            guard k < n else { break }
            if !quoted[j - 1], startsSentence(chars, at: k), !isAbbreviation(chars, stop: i, next: k) {
                emit(j)
                start = k
                wideGap = spaces >= 2
            }
            i = k
        }
        emit(n)
        return out
    }

    /// The longest stretch treated as one quotation; a longer one is taken as unbalanced.
    static let maxQuotationLength = 500

    /// For each character, whether it stands inside a “…” quotation (curly marks only:
    /// straight quotes do not say whether they open or close). A quotation left open for
    /// more than `maxQuotationLength` characters is taken as unbalanced and ignored.
    static func insideQuotation(_ chars: [Character]) -> [Bool] {
        var out = Array(repeating: false, count: chars.count)
        var openedAt: Int?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "“" {
                if openedAt == nil { openedAt = i }
            } else if c == "”" {
                if let o = openedAt {
                    for k in o..<i { out[k] = true }
                }
                openedAt = nil
            } else if let o = openedAt, i - o > maxQuotationLength {
                openedAt = nil
                i = o + 1
                continue
            }
            i += 1
        }
        return out
    }

    static func startsSentence(_ chars: [Character], at k: Int) -> Bool {
        let c = chars[k]
        if c.isUppercase || c.isNumber { return true }
        if TextScanning.openingQuotes.contains(c) || c == "(" || c == "[" {
            return k + 1 < chars.count && (chars[k + 1].isUppercase || chars[k + 1].isNumber
                || TextScanning.openingQuotes.contains(chars[k + 1]))
        }
        return false
    }

    /// The letters and dots before the stop at `stop`.
    static func wordBefore(_ chars: [Character], stop: Int) -> String {
        var b = stop
        while b > 0, chars[b - 1].isLetter || chars[b - 1] == "." { b -= 1 }
        return String(chars[b..<stop])
    }

    static func isAbbreviation(_ chars: [Character], stop: Int, next: Int) -> Bool {
        guard chars[stop] == "." else { return false }
        // Closing quotes or brackets between the stop and the space end the sentence.
        let word = wordBefore(chars, stop: stop)
        if word.isEmpty { return false }
        if word.contains(".") { return true }                       // U.S., a.m., D.C.
        if word.count == 1, word.first!.isUppercase { return true } // initials: J. Smith
        if abbreviations.contains(word) { return true }
        if numberAbbreviations.contains(word) { return chars[next].isNumber }
        return false
    }

    /// `said.The`, `said.“We`: a lower-case word of two or more letters, a stop, then a
    /// capitalised word, in a token that is not a web address or a ticker.
    static func isRunTogether(_ chars: [Character], stop: Int, next: Int) -> Bool {
        let word = wordBefore(chars, stop: stop)
        guard word.count >= 2, word.allSatisfy({ $0.isLowercase }) else { return false }
        var k = next
        if TextScanning.openingQuotes.contains(chars[k]) || chars[k] == "(" { k += 1 }
        guard k + 1 < chars.count, chars[k].isUppercase, chars[k + 1].isLowercase else { return false }
        // The whole token must not look like an address.
        var a = stop
        while a > 0, !chars[a - 1].isWhitespace { a -= 1 }
        var b = next
        while b < chars.count, !chars[b].isWhitespace { b += 1 }
        let token = String(chars[a..<b]).lowercased()
        for marker in ["/", "@", "www", "http", ".com", ".org", ".net", ".gov", ".rs"] where token.contains(marker) {
            return false
        }
        return true
    }
}
