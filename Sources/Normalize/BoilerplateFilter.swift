import ParleyCore

/// Takes page chrome, photo captions and photo credits out of plain-text articles.
///
/// Works on line shapes, never on known article strings:
/// - chrome: a whole line that is a navigation or widget label (`All news`,
///   `Leave a Comment`, `Share this article`, `Advertisement`, …);
/// - credit: a short line carrying a photo credit (`©`, `AP Photo/Evan Vucci`,
///   `Photo: …`, `Getty Images`); the text before the credit is the caption;
/// - caption: a short line without a final stop that is immediately followed by a
///   credit-only line, or that repeats the caption part of a neighbouring credit line.
///
/// Only for `.text` articles: Markdown is curated by an editor and kept as written.
struct BoilerplateFilter {
    struct Result {
        var blocks: [Block]
        var captions: [String]
        var photographers: [String]
    }

    static let chromeLabels: Set<String> = [
        "all news", "latest news", "top stories", "most read", "related", "related news", "related articles",
        "read more", "read also", "see also", "more on this topic", "leave a comment", "leave a reply",
        "comments", "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "tweet", "email", "print", "advertisement", "advert", "sponsored",
        "sponsored content", "subscribe", "follow us", "skip to content", "back to top",
        "continue reading", "click here", "story continues below advertisement",
        "scroll to continue with content", "listen to this article", "show comments", "hide comments",
    ]

    /// Line starts that mark a short widget line (`Follow us on Telegram`).
    static let chromeStarts = ["follow us on ", "subscribe to ", "share on ", "sign up for ", "join us on "]

    static func isChrome(_ line: String) -> Bool {
        guard line.utf8.count <= 80 else { return false }
        var key = line.lowercased()
        while let last = key.last, last == ":" || last == "." || last == "»" || last == "›" || last == ">" || last == " " {
            key.removeLast()
        }
        if chromeLabels.contains(key) { return true }
        // `Listen to this article · 4 min`: a label with the reading time after a separator.
        // (ASCII text without `|` holds none of the separators: the others are not ASCII.)
        if key.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "|") }) {
            for separator: Character in ["\u{B7}", "|", "\u{2022}"] {
                guard let r = key.firstIndex(of: separator) else { continue }
                let label = key[..<r].trimmed, rest = key[key.index(after: r)...].trimmed
                if chromeLabels.contains(label), isReadingTime(rest) { return true }
            }
        }
        if TextScanning.wordCount(key) <= 8, chromeStarts.contains(where: { key.hasPrefix($0) }),
           !TextScanning.endsSentence(line) { return true }
        return false
    }

    /// `4 min`, `4 min read`, `5 minutes`, `3-minute read`.
    static func isReadingTime(_ text: String) -> Bool {
        guard let first = text.first, first.isNumber, text.count <= 20 else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard words.count >= 2, words[0].allSatisfy(\.isNumber), words[1].hasPrefix("min") else { return false }
        return words.count == 2 || (words.count == 3 && words[2] == "read")
    }

    /// A wire photo credit written as `AGENCY/Photographer`, the way Reuters credits its
    /// pictures (`REUTERS/Pavel Drozdov/File Photo`, `EPA-EFE/Name`): an all-capitals agency,
    /// a slash and a capitalized name, standing at the start of the line or after the caption's
    /// last sentence, with only capitalized words after it.
    static func slashCreditStart(_ tokens: [Token]) -> String.Index? {
        for (k, t) in tokens.enumerated() {
            guard let slash = t.text.firstIndex(of: "/") else { continue }
            let agency = t.text[..<slash], after = t.text[t.text.index(after: slash)...]
            guard agency.count >= 2, isAgencyName(agency), agency.first!.isLetter,
                  let initial = after.first, initial.isUppercase, after.contains(where: \.isLowercase) else { continue }
            guard k == 0 || TextScanning.endsSentence(tokens[k - 1].text) else { continue }
            let rest = tokens[(k + 1)...]
            guard rest.count <= 5, rest.allSatisfy({ $0.text.first?.isUppercase == true }) else { continue }
            return t.range.lowerBound
        }
        return nil
    }

    /// An agency as it signs a picture: capital letters and hyphens (`REUTERS`, `EPA-EFE`).
    static func isAgencyName(_ text: Substring) -> Bool {
        text.allSatisfy { ($0.isLetter && $0.isUppercase) || $0 == "-" }
    }

    /// Where a photo credit starts in the line, or nil. Credits: `©` anywhere; a token
    /// `Photo/…`, `Photos/…`; `Photo:`/`Photo by` at the start; a trailing `Getty Images`.
    static func creditStart(_ line: String) -> String.Index? {
        guard line.utf8.count <= 300 else { return nil }
        if TextScanning.containsBytes(line, "\u{A9}"), let i = line.firstIndex(of: "©") { return i }
        let slash = TextScanning.containsBytes(line, "/")
        guard slash || TextScanning.containsBytes(line, "hoto") || TextScanning.containsBytes(line, "mage")
            || TextScanning.containsBytes(line, "HOTO") else { return nil }
        let tokens = TextScanning.tokens(line[...], limit: 31)
        guard tokens.count <= 30 else { return nil }
        if slash, let start = slashCreditStart(tokens) { return start }
        for (k, t) in tokens.enumerated() {
            let lower = t.text.lowercased()
            if lower.contains("photo/") || lower.contains("photos/") || lower.contains("photograph/") {
                // `AP Photo/Evan Vucci`: the agency word before `Photo/` belongs to the credit.
                if lower.hasPrefix("photo"), k > 0, Self.isAgencyWord(tokens[k - 1].text) {
                    return tokens[k - 1].range.lowerBound
                }
                return t.range.lowerBound
            }
            if k == 0, lower == "photo:" || lower == "photos:" || lower == "photograph:" || lower == "image:"
                || (lower == "photo" && tokens.count > 1 && tokens[1].text == "by") {
                return t.range.lowerBound
            }
        }
        if line.hasSuffix("Getty Images"), tokens.count >= 2 {
            return tokens[tokens.count - 2].range.lowerBound
        }
        return nil
    }

    /// A one-word credit agency before `Photo/`: `AP`, `Reuters`, `AFP`, `TASS`.
    static func isAgencyWord(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase, word.count <= 12 else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" }
    }

    /// The photographer named in a credit: `AP Photo/Evan Vucci` → `Evan Vucci`.
    static func photographer(inCredit credit: Substring) -> String? {
        // A marker stands only where its bytes do: no other character is canonically equivalent
        // to its letters, space, colon or slash. So a byte search rules most markers out cheaply.
        var rest: Substring?
        for marker: StaticString in ["Photo/", "Photos/", "Photograph/", "Photo by ", "Photo: "] {
            if !TextScanning.containsBytes(credit, marker) { continue }
            if let r = credit.firstRange(of: marker.description) { rest = credit[r.upperBound...]; break }
        }
        // `REUTERS/Pavel Drozdov/File Photo`: the name after the agency's slash.
        if rest == nil, let slash = credit.firstIndex(of: "/"), isAgencyName(credit[..<slash]) {
            rest = credit[credit.index(after: slash)...]
        }
        guard var name = rest?.trimmed else { return nil }
        // The same holds for the stops but `;`, which U+037E (Greek question mark) equals.
        for stop: StaticString in [",", ";", ")", " via ", "/"] {
            if stop.description != ";", !TextScanning.containsBytes(name, stop) { continue }
            if let r = name.firstRange(of: stop.description) { name = String(name[..<r.lowerBound]).trimmed }
        }
        let words = name.split(separator: " ")
        guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return name
    }

    func filter(_ blocks: [Block], trace: inout Trace) -> Result {
        var captions: [String] = []
        var photographers: [String] = []
        var captionKeys: [String: Int] = [:]
        // Repeats are kept once, in their fullest form (`© AP Photo/…` over `AP Photo/…`).
        func addCaption(_ text: String) {
            let key = TextScanning.foldedWords(text).joined(separator: " ")
            guard !key.isEmpty else { return }
            if let k = captionKeys[key] {
                if text.count > captions[k].count { captions[k] = text }
                return
            }
            captionKeys[key] = captions.count
            captions.append(text)
        }

        var out: [Block] = []
        for block in blocks {
            let lines = block.lines
            // Classify first: credit lines and their caption parts.
            var creditAt: [Int: String.Index] = [:]
            for (i, l) in lines.enumerated() {
                if let c = Self.creditStart(l.text) { creditAt[i] = c }
            }
            var kept: [SourceLine] = []
            for (i, l) in lines.enumerated() {
                let text = l.text
                if Self.isChrome(text) {
                    trace.remove(.chrome, text, line: l.line)
                    continue
                }
                if let c = creditAt[i] {
                    let caption = text[..<c].trimmed
                    let credit = text[c...]
                    if !caption.isEmpty { addCaption(caption) }
                    addCaption(String(credit).trimmed)
                    if let p = Self.photographer(inCredit: credit), !photographers.contains(p) { photographers.append(p) }
                    trace.remove(.caption, text, line: l.line)
                    continue
                }
                if isCaption(at: i, in: lines, creditAt: creditAt) {
                    addCaption(text)
                    trace.remove(.caption, text, line: l.line)
                    continue
                }
                kept.append(l)
            }
            if !kept.isEmpty { out.append(Block(lines: kept)) }
        }
        Self.dropSectionLabel(&out, trace: &trace)
        return Result(blocks: out, captions: captions, photographers: photographers)
    }

    /// A section label above the headline (`World`, `Politics`, `Russia-Ukraine war`): the
    /// article's first line, one to three words with no stop, digit or quotation, followed by a
    /// longer line shaped like a headline. Left in, it is glued to the headline's first name.
    static func dropSectionLabel(_ blocks: inout [Block], trace: inout Trace) {
        guard let first = blocks.first?.lines.first else { return }
        let next = blocks[0].lines.count > 1 ? blocks[0].lines[1] : (blocks.count > 1 ? blocks[1].lines.first : nil)
        guard let next, isSectionLabel(first.text), isHeadlineLine(next.text),
              TextScanning.wordCount(next.text) > TextScanning.wordCount(first.text) else { return }
        trace.remove(.chrome, first.text, line: first.line)
        blocks[0].lines.removeFirst()
        if blocks[0].lines.isEmpty { blocks.removeFirst() }
    }

    static func isSectionLabel(_ line: String) -> Bool {
        guard line.utf8.count <= 32, let first = line.first, first.isUppercase else { return false }
        let words = line.split(separator: " ")
        // A label is a name (`World`, `Middle East`); a line opening with an article is a headline.
        guard (1...3).contains(words.count), !["A", "An", "The"].contains(words[0]) else { return false }
        return line.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "&" || $0 == "’" || $0 == "'" }
    }

    /// A line shaped like a headline: 2–20 words, starting with a capital, a digit or a
    /// quotation mark, without a final full stop.
    static func isHeadlineLine(_ line: String) -> Bool {
        guard let first = line.first, first.isUppercase || first.isNumber || TextScanning.openingQuotes.contains(first),
              line.count <= 160, (2...20).contains(TextScanning.wordCount(line)) else { return false }
        return !TextScanning.endsSentence(line) || line.hasSuffix("?") || line.hasSuffix("!")
    }

    /// A short line without a final stop next to a credit: followed by a credit-only line,
    /// or equal to the caption part of the neighbouring credit line.
    private func isCaption(at i: Int, in lines: [SourceLine], creditAt: [Int: String.Index]) -> Bool {
        let text = lines[i].text
        guard !creditAt.isEmpty, TextScanning.hasAtMost(20, wordsIn: text), !TextScanning.endsSentence(text) else { return false }
        if let c = creditAt[i + 1], lines[i + 1].text[..<c].trimmed.isEmpty { return true }
        for j in [i - 1, i + 1] where j >= 0 && j < lines.count {
            if let c = creditAt[j], lines[j].text[..<c].trimmed == text { return true }
        }
        return false
    }
}
