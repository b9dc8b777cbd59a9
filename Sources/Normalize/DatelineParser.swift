import ParleyCore

/// Reads what stands before the story at the start of the first body paragraph:
/// a ` date YYYY-MM-DD` fragment, correction notes in parentheses, a byline, and the
/// dateline itself. Recognised dateline shapes:
///
///     WASHINGTON, July 6. /TASS/.            CITY, Month D. /AGENCY/.
///     WASHINGTON, December 2 – RIA Novosti.  CITY, Month D – Agency.   (known agencies only)
///     RABAT, Morocco –                       CITY, Region –
///     MOSCOW (Reuters) -                     CITY[/CITY][, Region][, Mon D] (Agency) -
///     WASHINGTON () -                        an empty agency slot: the Reuters shape
///     (Reuters) -                            no city
///     ABOARD AIR FORCE ONE (Reuters) -       a vehicle, not a place: no places
///
/// The city part is a run of upper-case words; everything after the separator is story.
struct DatelineParser {
    let places: [NamedEntity]
    /// Lower-cased names and aliases of `places` → canonical name, the first place listing a
    /// spelling winning (what `canonicalPlace` answers, without lower-casing every place per call).
    private let canonicalNames: [String: String]

    init(places: [NamedEntity]) {
        self.places = places
        var names: [String: String] = [:]
        for entity in places {
            for spelling in [entity.name] + entity.aliases where names[spelling.lowercased()] == nil {
                names[spelling.lowercased()] = entity.name
            }
        }
        self.canonicalNames = names
    }

    struct Result {
        var dateline: Dateline?
        var statedDate: Day?
        var statedDateText: String?
        var corrections: [String] = []
        var bylines: [String] = []
        /// The dateline's agency slot is empty: `WASHINGTON ()`.
        var emptyAgency = false
        /// Everything taken off the start of the paragraph, as printed.
        var consumed: String
        /// The paragraph without it.
        var remainder: String
    }

    /// Words that begin a dateline naming a vehicle or a route rather than a place.
    static let notPlaceStarts: Set<String> = ["ABOARD", "ON", "EN", "IN", "OFF", "OVER"]

    func parse(_ text: String) -> Result? {
        let s = text[...]
        // Quick refusal: a dateline or prefix starts with an upper-case word, `(`,
        // `date` or `By`.
        guard let first = Cursor(s: s, pos: s.startIndex).peek() else { return nil }
        guard first.hasPrefix("(") || first == "date" || first == "By" || first == "by"
            || Self.isPlaceToken(first)
            // `Vienna (AFP) -`: a title-case city only with a parenthesis shortly after it.
            || (first.first?.isUppercase == true && s.utf8.prefix(48).contains(UInt8(ascii: "("))) else { return nil }
        var c = Cursor(s: s, pos: s.startIndex)
        var result = Result(consumed: "", remainder: text)
        var changed = false

        // Prefixes: date fragment, editorial notes, byline, in any order.
        var progress = true
        while progress {
            progress = false
            var probe = c
            if let t = probe.take(), t.lowercased() == "date", let d = probe.take(), d.count == 10, let day = Day(iso: String(d)) {
                result.statedDate = day
                result.statedDateText = "\(t) \(d)"
                c = probe; progress = true; changed = true
                continue
            }
            probe = c
            if let (content, _) = probe.takeParenGroup(), EditorialNotes.isNote(content) {
                result.corrections.append("(\(content))")
                c = probe; progress = true; changed = true
                continue
            }
            probe = c
            if let t = probe.take(), t == "By" || t == "by" {
                var names: [Substring] = []
                while names.count < 6, let p = probe.peek(), p.first?.isUppercase == true, !p.hasPrefix("(") {
                    names.append(probe.take()!)
                }
                if !names.isEmpty, let p = probe.peek(), p.hasPrefix("(") {
                    let byline = names.joined(separator: " ")
                    result.bylines.append(contentsOf: Credits.splitNames(byline[...]))
                    c = probe; progress = true; changed = true
                    continue
                }
            }
        }

        if let core = parseCore(&c) ?? parseTitleCaseCity(&c) {
            result.dateline = core.dateline
            result.emptyAgency = core.emptyAgency
            changed = true
        }
        guard changed else { return nil }
        c.skipSpaces()
        result.consumed = s[s.startIndex..<c.pos].trimmed
        result.remainder = String(s[c.pos...])
        return result
    }

    private struct Core {
        var dateline: Dateline
        var emptyAgency: Bool
    }

    private func parseCore(_ cursor: inout Cursor) -> Core? {
        var c = cursor
        c.skipSpaces()
        let rawStart = c.pos
        var placeTokens: [Substring] = []
        while placeTokens.count < 6, let t = c.peek(), Self.isPlaceToken(t) {
            _ = c.take()
            placeTokens.append(t)
            if t.hasSuffix(",") { break }
        }
        // Segments after the city: region and/or date, separated by commas.
        var segments: [[Substring]] = []
        if placeTokens.last?.hasSuffix(",") == true {
            var current: [Substring] = []
            while current.count + segments.joined().count < 6, let t = c.peek(), !isTerminator(c) {
                guard t.first?.isUppercase == true || t.first?.isNumber == true else { return nil }
                _ = c.take()
                current.append(t)
                if t.hasSuffix(",") { segments.append(current); current = [] }
            }
            if !current.isEmpty { segments.append(current) }
            if segments.isEmpty { return nil }
        }

        // The terminator.
        var source: String?
        var emptyAgency = false
        var rawEnd: String.Index
        var probe = c
        guard let t = probe.peek() else { return nil }
        if t.hasPrefix("(") {
            guard let (content, _) = probe.takeParenGroup(), TextScanning.wordCount(content) <= 4,
                  !content.contains("(") else { return nil }
            rawEnd = probe.pos
            guard let dash = probe.take(), TextScanning.dashes.contains(String(dash)) else { return nil }
            if content.trimmed.isEmpty {
                // The agency name was lost; the `CITY () -` slot is the Reuters dateline shape.
                source = "Reuters"
                emptyAgency = true
            } else {
                guard content.first?.isUppercase == true else { return nil }
                source = Agencies.known(content) ?? content.trimmed
            }
            c = probe
        } else if t.hasPrefix("/"), t.count >= 3 {
            // `/TASS/.`
            var name = t.dropFirst()
            while let last = name.last, last == "." || last == "/" { name = name.dropLast() }
            guard !name.isEmpty, !placeTokens.isEmpty else { return nil }
            source = Agencies.known(name) ?? String(name)
            _ = probe.take()
            rawEnd = probe.pos
            c = probe
        } else if TextScanning.dashes.contains(String(t)) {
            guard !placeTokens.isEmpty else { return nil }
            _ = probe.take()
            rawEnd = probe.pos
            c = probe
            // `– RIA Novosti.`: a known agency closed by a full stop.
            var words: [Substring] = []
            var q = probe
            while words.count < 3, let w = q.take() {
                words.append(w)
                if w.hasSuffix(".") {
                    var joined = words.joined(separator: " ")
                    joined.removeLast()
                    if let known = Agencies.known(joined) {
                        source = known
                        rawEnd = q.pos
                        c = q
                    }
                    break
                }
            }
        } else {
            return nil
        }
        guard !placeTokens.isEmpty || source != nil else { return nil }

        // Places and date.
        var placeList: [String] = []
        var month: Int?, day: Int?
        if let first = placeTokens.first, !Self.notPlaceStarts.contains(String(first)) {
            var city = placeTokens.joined(separator: " ")
            while city.hasSuffix(",") { city.removeLast() }
            for part in city.split(separator: "/") {
                placeList.append(canonicalPlace(TextScanning.titleCased(part.trimmed)))
            }
        }
        for segment in segments {
            var words = segment.map(String.init)
            for k in words.indices {
                while let last = words[k].last, last == "," { words[k].removeLast() }
            }
            if let (m, d) = Self.monthDay(words) {
                month = m; day = d
                continue
            }
            guard !placeList.isEmpty else { continue }
            var region = words.joined(separator: " ")
            let key = region.lowercased().trimmingSuffixDot()
            if let state = Agencies.usStates[key] {
                region = state
            } else {
                region = region.trimmingSuffixDot()
            }
            placeList.append(canonicalPlace(region))
        }
        var raw = String(cursor.s[rawStart..<rawEnd]).trimmed
        if raw.isEmpty { raw = String(cursor.s[rawStart..<c.pos]).trimmed }
        cursor = c
        return Core(dateline: Dateline(raw: raw, places: placeList, source: source, month: month, day: day),
                    emptyAgency: emptyAgency)
    }

    /// `Vienna (AFP) -`, `New York (Reuters) -`: a city written in title case is a dateline only
    /// before a known agency in parentheses and a dash (one to three capitalized words).
    private func parseTitleCaseCity(_ cursor: inout Cursor) -> Core? {
        var c = cursor
        c.skipSpaces()
        let rawStart = c.pos
        var words: [Substring] = []
        while words.count < 3, let t = c.peek(), let initial = t.first, initial.isUppercase,
              t.dropFirst().allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." }), t.dropFirst().contains(where: \.isLowercase) {
            _ = c.take()
            words.append(t)
        }
        guard !words.isEmpty, let (content, _) = c.takeParenGroup(maxLength: 40), let agency = Agencies.known(content.trimmed) else { return nil }
        let rawEnd = c.pos
        guard let dash = c.take(), TextScanning.dashes.contains(String(dash)) else { return nil }
        let raw = String(cursor.s[rawStart..<rawEnd]).trimmed
        cursor = c
        return Core(dateline: Dateline(raw: raw, places: [canonicalPlace(words.joined(separator: " "))], source: agency),
                    emptyAgency: false)
    }

    /// True when the cursor stands on something that ends the city/region/date part.
    private func isTerminator(_ c: Cursor) -> Bool {
        guard let t = c.peek() else { return true }
        return t.hasPrefix("(") || t.hasPrefix("/") || TextScanning.dashes.contains(String(t))
    }

    /// An upper-case dateline word: `WASHINGTON`, `VATICAN`, `WASHINGTON/KHOBAR,`, `ST.`.
    static func isPlaceToken(_ token: Substring) -> Bool {
        var letters = 0
        for ch in token {
            if ch.isLetter {
                guard ch.isUppercase else { return false }
                letters += 1
            } else if !(ch == "/" || ch == "-" || ch == "." || ch == "'" || ch == "’" || ch == "&" || ch == ",") {
                return false
            }
        }
        return letters >= 2
    }

    /// `July 6`, `Dec. 2`, `6 July` → (month, day).
    static func monthDay(_ words: [String]) -> (Int, Int)? {
        guard words.count == 2 else { return nil }
        func dayNumber(_ w: String) -> Int? {
            let digits = w.trimmingSuffixDot()
            guard let n = Int(digits), (1...31).contains(n) else { return nil }
            return n
        }
        if let m = DateFinder.month(words[0]), let d = dayNumber(words[1]) { return (m, d) }
        if let d = dayNumber(words[0]), let m = DateFinder.month(words[1]) { return (m, d) }
        return nil
    }

    /// The registry's canonical name when a known place has this name or alias.
    func canonicalPlace(_ name: String) -> String {
        canonicalNames[name.lowercased()] ?? name
    }
}

extension String {
    func trimmingSuffixDot() -> String {
        var s = self
        while s.hasSuffix(".") { s.removeLast() }
        return s
    }
}

/// A position in a text, read token by token (whitespace-separated).
struct Cursor {
    let s: Substring
    var pos: String.Index

    mutating func skipSpaces() {
        let u = s.unicodeScalars
        while pos < u.endIndex, Scalars.isSpace(u[pos]) { pos = u.index(after: pos) }
    }

    func peek() -> Substring? {
        var copy = self
        return copy.take()
    }

    mutating func take() -> Substring? {
        skipSpaces()
        guard pos < s.endIndex else { return nil }
        let start = pos
        let u = s.unicodeScalars
        while pos < u.endIndex, !Scalars.isSpace(u[pos]) { pos = u.index(after: pos) }
        return s[start..<pos]
    }

    /// A parenthesized group starting at the next token: returns its content (without the
    /// outer parentheses) and moves past the closing one. Nested parentheses are allowed.
    mutating func takeParenGroup(maxLength: Int = 600) -> (String, Range<String.Index>)? {
        var probe = self
        probe.skipSpaces()
        let u = s.unicodeScalars
        guard probe.pos < u.endIndex, u[probe.pos] == "(" else { return nil }
        let open = probe.pos
        var depth = 0
        var i = open
        var count = 0
        while i < u.endIndex, count < maxLength {
            let ch = u[i]
            if ch == "(" { depth += 1 } else if ch == ")" {
                depth -= 1
                if depth == 0 {
                    let content = String(s[u.index(after: open)..<i])
                    let end = u.index(after: i)
                    // The group must end a token.
                    guard end == u.endIndex || Scalars.isSpace(u[end]) else { return nil }
                    pos = end
                    return (content, open..<end)
                }
            }
            i = u.index(after: i)
            count += 1
        }
        return nil
    }
}
