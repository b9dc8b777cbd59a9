/// Finds direct quotations and attributes each to a named person of the article.
///
/// Patterns, in order: after the quote (`“…,” X said`, `“…,” said X`, `“…,” he added`);
/// before it in the same sentence (`X said: “…”`, `X urged “…”`, the first named person of the
/// sentence for partial quotes); a quote continuing the previous one. Pronouns refer to the
/// most recent speaker; role nouns (`the spokeswoman`, `the director`) to the one person of
/// the article with that role, else the most recent speaker. Quotes whose speaker is an
/// organization or an unnamed person (`a spokesman for Boris Johnson`) are left out.
struct QuoteAttributor {
    struct Span {
        var paragraph: Int
        /// Token index of the opening mark, and of the closing mark (`tokens.count` when open-ended).
        var open: Int
        var close: Int
        var text: String
    }

    enum Speaker: Equatable {
        case person(Int)
        case pronoun
        case role(String)
        /// An organization or unnamed person: the quote is left out.
        case nobody
        case unknown
    }

    let paragraphs: [ParagraphText]
    /// Person index at each token of each paragraph.
    let personAt: [[Int?]]
    /// Roles of each article person (article and registry), lower-cased.
    let roles: [[String]]

    // MARK: Spans

    static func spans(_ p: ParagraphText) -> [Span] {
        var out: [Span] = []
        let t = p.tokens
        var i = 0
        while i < t.count {
            guard t[i].isPunct, t[i].mark == "\u{201C}" || t[i].mark == "\"" else { i += 1; continue }
            let straight = t[i].mark == "\""
            var j = i + 1
            while j < t.count {
                if t[j].isPunct {
                    if straight && t[j].mark == "\"" { break }
                    if !straight && (t[j].mark == "\u{201D}" || t[j].mark == "\u{201C}") { break }
                }
                j += 1
            }
            if j < t.count, !straight, t[j].mark == "\u{201C}" {
                // Opened again before closing: treat the first as running to the second.
                if j > i + 1 { out.append(span(p, i, j, openEnded: true)) }
                i = j
                continue
            }
            if j > i + 1 {
                out.append(span(p, i, j, openEnded: j >= t.count))
            }
            i = j + 1
        }
        return out
    }

    private static func span(_ p: ParagraphText, _ open: Int, _ close: Int, openEnded: Bool) -> Span {
        let start = p.tokens[open].end
        let end = close < p.tokens.count && !openEnded ? p.tokens[close].start : p.bytes.count
        let text = p.byteSlice(start, max(start, end)).trimmed
        return Span(paragraph: p.index, open: open, close: openEnded ? p.tokens.count : close, text: text)
    }

    // MARK: Attribution

    func attribute(articlePersonCount: Int) -> [(Span, Int)] {
        var base: [Int] = []
        var total = 0
        for p in paragraphs { base.append(total); total += p.tokens.count + 1 }
        func pos(_ p: Int, _ k: Int) -> Int { base[p] + k }

        var all: [Span] = []
        for p in paragraphs { all.append(contentsOf: Self.spans(p)) }
        let named = indirectSpeech().map { (pos($0.0, $0.1), $0.2) }
        let pronouns = pronounSpeech().map { pos($0.0, $0.1) }
        let subjects = sentenceSubjects().map { (pos($0.0, $0.1), $0.2) }

        // Events in text order: 0 = named speech, 1 = pronoun speech, 2 = quote.
        var stream: [(Int, Int, Int)] = []
        for (i, e) in named.enumerated() { stream.append((e.0, 0, i)) }
        for (i, e) in pronouns.enumerated() { stream.append((e, 1, i)) }
        for (i, s) in all.enumerated() { stream.append((pos(s.paragraph, s.open), 2, i)) }
        stream.sort { ($0.0, $0.1) < ($1.0, $1.1) }

        var last: (Int, Int)? = nil   // (position, person)
        var subjectCursor = 0
        var topic: (Int, Int)? = nil
        func resolvePronoun(at x: Int) -> Int? {
            while subjectCursor < subjects.count, subjects[subjectCursor].0 < x {
                topic = subjects[subjectCursor]
                subjectCursor += 1
            }
            if let topic {
                guard let last else { return topic.1 }
                if topic.0 > last.0 && x - last.0 > 60 { return topic.1 }
            }
            return last?.1
        }

        var results = Array(repeating: Speaker.unknown, count: all.count)
        var resolved: [Int?] = Array(repeating: nil, count: all.count)
        var organizationQuotes: [Int] = []
        for item in stream {
            switch item.1 {
            case 0:
                last = named[item.2]
            case 1:
                if let person = resolvePronoun(at: item.0) { last = (item.0, person) }
            default:
                let n = item.2
                let s = all[n]
                var speaker = after(s)
                if speaker == .unknown { speaker = before(s) }
                var person: Int? = nil
                switch speaker {
                case .person(let i): person = i
                case .pronoun: person = resolvePronoun(at: item.0)
                case .role(let noun):
                    person = byRole(noun) ?? last?.1
                    if person == nil { person = named.first(where: { $0.0 > item.0 })?.1 }
                case .nobody: organizationQuotes.append(n)
                case .unknown:
                    if n > 0 {
                        let prev = all[n - 1]
                        let sameSentence = prev.paragraph == s.paragraph && prev.close < paragraphs[s.paragraph].tokens.count
                            && paragraphs[s.paragraph].tokens[prev.close].sentence == paragraphs[s.paragraph].tokens[s.open].sentence
                        let near = prev.paragraph == s.paragraph ? (sameSentence || s.open - prev.close <= 10) : (s.open == 0 && prev.paragraph == s.paragraph - 1)
                        if near {
                            person = resolved[n - 1]
                            if person == nil, results[n - 1] == .nobody, prev.paragraph == s.paragraph {
                                speaker = .nobody
                                organizationQuotes.append(n)
                            }
                        }
                    }
                    // A quote that is a sentence of its own: the one person of the sentence
                    // before, else the current speaker when recent.
                    if person == nil, speaker == .unknown, opensSentence(s) {
                        if let single = singlePersonInPreviousSentence(s) {
                            person = single
                        } else if let last, item.0 - last.0 <= 90 {
                            person = last.1
                        }
                    }
                }
                results[n] = speaker
                resolved[n] = person
                if let person { last = (pos(s.paragraph, s.close), person) }
            }
        }
        // A quote directly followed by an attributed one shares its speaker (`“A.” “B,” he said.`).
        for n in stride(from: all.count - 2, through: 0, by: -1) where resolved[n] == nil && results[n] == .unknown {
            let s = all[n], next = all[n + 1]
            if next.paragraph == s.paragraph, next.open - s.close <= 2 { resolved[n] = resolved[n + 1] }
        }
        // `This statement was made … by X`: quotes just given to an organization were X's words.
        for n in organizationQuotes {
            if let person = statementBy(after: all[n]) { resolved[n] = person }
        }
        var out: [(Span, Int)] = []
        for (n, s) in all.enumerated() {
            if let person = resolved[n], !s.text.isEmpty { out.append((s, person)) }
        }
        return out
    }

    /// The one person named in the sentence before a quote, if exactly one is.
    private func singlePersonInPreviousSentence(_ s: Span) -> Int? {
        var p = s.paragraph
        var k = s.open - 1
        // Skip back over the current sentence's start.
        if k < 0 {
            p -= 1
            guard p >= 0 else { return nil }
            k = paragraphs[p].tokens.count - 1
        }
        let t = paragraphs[p].tokens
        guard k >= 0 else { return nil }
        var sentence = t[k].sentence
        if t[k].isPunct, [".", "!", "?"].contains(t[k].mark) { sentence = t[k].sentence } else if s.open > 0 { sentence = t[k].sentence }
        var found = Set<Int>()
        var j = k
        while j >= 0, t[j].sentence == sentence {
            if t[j].isPunct, ParagraphText.closeQuotes.contains(t[j].mark), j != k { return nil }
            if let person = personAt[p][j] { found.insert(person) }
            j -= 1
        }
        return found.count == 1 ? found.first : nil
    }

    /// `he said`, `She noted`: a pronoun subject of a speech verb.
    private func pronounSpeech() -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for p in paragraphs {
            let t = p.tokens
            for k in t.indices where t[k].lex & Lex.pronouns != 0 {
                var j = k + 1
                while j < min(t.count, k + 3), t[j].isWord {
                    if isSpeechVerb(p, j) && !t[j].key.hasSuffix("ing") { out.append((p.index, k)); break }
                    j += 1
                }
            }
        }
        return out
    }

    /// The person each sentence is about: its first named subject, or `The pope …` by role.
    private func sentenceSubjects() -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        for p in paragraphs {
            let t = p.tokens
            var sentenceCount = 0
            for k in t.indices { sentenceCount = max(sentenceCount, t[k].sentence + 1) }
            // Sentences whose subject has been read, by sentence index.
            var seen = Array(repeating: false, count: sentenceCount)
            for k in t.indices {
                let sentence = t[k].sentence
                guard !seen[sentence] else { continue }
                if let person = personAt[p.index][k] {
                    // `X declined to say …` tells that X did not speak.
                    var e = k
                    while e < t.count, personAt[p.index][e] == person { e += 1 }
                    let refused = (e..<min(t.count, e + 3)).contains { ["declined", "refused", "declines", "refuses"].contains(t[$0].key) }
                    if isSubject(p, k) && !governedByPreposition(p, k) && !refused { out.append((p.index, k, person)) }
                    seen[sentence] = true
                } else if t[k].sentenceStart, t[k].key == "the", k + 1 < t.count, (t[k + 1].lex & Lex.roleNouns != 0),
                          let person = byRole(t[k + 1].key) {
                    out.append((p.index, k, person))
                    seen[sentence] = true
                }
            }
        }
        return out
    }

    /// `“…,” said X`, `“…,” X said`, `“…,” the spokeswoman continued`.
    private func after(_ s: Span) -> Speaker {
        let p = paragraphs[s.paragraph]
        let t = p.tokens
        var a = s.close + 1
        var skipped = 0
        while a < t.count, t[a].isPunct, skipped < 2, [",", ".", "\u{2013}", "\u{2014}", "-", "?", "!"].contains(t[a].mark) {
            a += 1
            skipped += 1
        }
        // `“…” – X`: a dash and a name closing the sentence.
        if s.close + 2 < t.count, t[s.close + 1].isPunct, ParagraphText.dashes.contains(t[s.close + 1].mark),
           let person = personAt[p.index][s.close + 2] {
            var e = s.close + 2
            while e < t.count, personAt[p.index][e] == person { e += 1 }
            if e >= t.count || (t[e].isPunct && [".", ",", ")"].contains(t[e].mark)) { return .person(person) }
        }
        guard a < t.count, t[a].isWord else { return .unknown }
        // A quote that ends its sentence (`….”`) is followed by a new sentence unless the
        // attribution comes at once: `….” he said`.
        let closedSentence = s.close >= 1 && s.close < t.count && t[s.close - 1].isPunct && [".", "!", "?"].contains(t[s.close - 1].mark)
        let window = closedSentence ? 3 : 8
        if isSpeechVerb(p, a) {
            let s = subjectAfter(verb: a, p, limit: t.count)
            if s != .unknown { return s }
        }
        // `” General John Nicholson, the top U.S. general in Afghanistan, said`: only subject words
        // (a name, a pronoun, `the … spokesman`, an apposition) may stand before the verb.
        var v = a
        var sawName = false
        var firstPerson: Int? = nil
        while v < min(t.count, a + window + (sawName ? 14 : 0)) {
            let tok = t[v]
            if isSpeechVerb(p, v) {
                if let firstPerson { return .person(firstPerson) }
                return subjectBefore(verb: v, p, lowerBound: a)
            }
            if let person = personAt[p.index][v] {
                sawName = true
                if firstPerson == nil { firstPerson = person }
                v += 1
                continue
            }
            if tok.isPunct {
                if tok.mark == ",", sawName {
                    // Skip an apposition up to the next comma.
                    var c = v + 1
                    while c < t.count, c < v + 16, !(t[c].isPunct && [",", ".", ";"].contains(t[c].mark)) { c += 1 }
                    if c < t.count, t[c].mark == "," { v = c + 1; continue }
                }
                break
            }
            let subjectish = (tok.lex & Lex.pronouns != 0) || tok.key == "the" || (tok.lex & Lex.titles != 0)
                || (tok.lex & Lex.nationalities != 0) || p.labels[v] != .none || (tok.lex & Lex.roleNouns != 0)
                || ["also", "later", "then", "has", "had", "have", "once", "previously", "earlier", "recently", "was", "is", "quoted", "as"].contains(tok.key)
                || (tok.capitalized && !tok.sentenceStart)
                || ((tok.key == "of" || tok.key == "for") && v + 1 < t.count && t[v + 1].capitalized)
            guard subjectish else { break }
            v += 1
        }
        // `” of funding the smaller agencies, he said`: a comma, then subject and verb.
        if !closedSentence {
            var c = a
            while c < min(t.count, a + 16), !(t[c].isPunct && [".", "!", "?", ";"].contains(t[c].mark)) {
                if t[c].isPunct, ParagraphText.openQuotes.contains(t[c].mark) { break }
                if t[c].isPunct, t[c].mark == ",", c + 2 < t.count {
                    var d = c + 1
                    var e = d
                    if let person = personAt[p.index][d] {
                        while e < t.count, personAt[p.index][e] == person { e += 1 }
                        if e < t.count, isSpeechVerb(p, e) { return .person(person) }
                    } else if (t[d].lex & Lex.pronouns != 0), isSpeechVerb(p, d + 1) {
                        return .pronoun
                    }
                    d = e
                }
                c += 1
            }
        }
        return .unknown
    }

    /// `X said: “…”`, `X urged “…”`, or the first named person of the sentence.
    private func before(_ s: Span) -> Speaker {
        let p = paragraphs[s.paragraph]
        let t = p.tokens
        guard s.open > 0 else { return .unknown }
        let sentence = t[s.open].sentence
        var lb = s.open
        while lb > 0, t[lb - 1].sentence == sentence || (t[lb - 1].isPunct && t[lb - 1].mark == ":") {
            if t[lb - 1].isPunct && ParagraphText.closeQuotes.contains(t[lb - 1].mark) && t[lb - 1].mark != "\"" { break }
            lb -= 1
        }
        // Stay out of an earlier quote in the same sentence.
        for k in stride(from: s.open - 1, through: lb, by: -1) where t[k].isPunct && (t[k].mark == "\u{201D}" || t[k].mark == "\"") {
            lb = k + 1
            break
        }
        guard lb < s.open else { return .unknown }
        var v = s.open - 1
        while v >= lb {
            if isSpeechVerb(p, v) {
                let subject = subjectBefore(verb: v, p, lowerBound: lb)
                if subject != .unknown { return subject }
                let after = subjectAfter(verb: v, p, limit: s.open)
                if after != .unknown { return after }
            }
            v -= 1
        }
        for k in lb..<s.open {
            if let person = personAt[s.paragraph][k], !governedByPreposition(p, k) { return .person(person) }
        }
        for k in lb..<s.open where t[k].isWord && (t[k].lex & Lex.pronouns != 0) { return .pronoun }
        if t[lb].key == "the", lb + 1 < s.open, (t[lb + 1].lex & Lex.roleNouns != 0) { return .role(t[lb + 1].key) }
        return .unknown
    }

    private func opensSentence(_ s: Span) -> Bool {
        let t = paragraphs[s.paragraph].tokens
        if s.open == 0 { return true }
        let prev = t[s.open - 1]
        return prev.isPunct && [".", "!", "?", "\u{201D}", "\""].contains(prev.mark)
    }

    private func isSpeechVerb(_ p: ParagraphText, _ k: Int) -> Bool {
        let t = p.tokens[k]
        guard t.isWord, !t.capitalized || t.sentenceStart, p.labels[k] == .none,
              (t.lex & Lex.speechVerbs != 0), personAt[p.index][k] == nil else { return false }
        if k > 0, p.tokens[k - 1].key == "to" { return false }
        return true
    }

    /// The first token before the title phrase in front of the mention at `k`
    /// (`Secretary of State`, `head of the Russian Foreign Ministry` are skipped).
    private func tokenBeforeTitles(_ p: ParagraphText, _ k: Int) -> Int {
        var s = k
        while s > 0, personAt[p.index][s - 1] != nil, personAt[p.index][s - 1] == personAt[p.index][k] { s -= 1 }
        var b = s - 1
        while b >= 0 {
            let t = p.tokens[b]
            guard t.isWord else { break }
            if (t.lex & Lex.titles != 0) || (t.lex & Lex.nationalities != 0) || p.labels[b] != .none {
                b -= 1
                continue
            }
            // `of` / `the` inside a title: `Secretary of State`, `head of the …`.
            if t.key == "of" || t.key == "the" {
                var c = b - 1
                while c >= 0, p.tokens[c].key == "the" || p.tokens[c].key == "of" { c -= 1 }
                if c >= 0, p.tokens[c].isWord, (p.tokens[c].lex & Lex.titles != 0) { b = c; continue }
            }
            break
        }
        return b
    }

    /// The person mention at `k` is governed by a preposition: `a spokesman for X`, `talks with X`.
    private func governedByPreposition(_ p: ParagraphText, _ k: Int) -> Bool {
        let b = tokenBeforeTitles(p, k)
        guard b >= 0, p.tokens[b].isWord else { return false }
        if p.tokens[b].key == "to", b > 0, p.tokens[b - 1].key == "according" { return false }
        return ["for", "of", "with", "to", "from", "against", "about", "on", "at", "than", "like", "by", "between"].contains(p.tokens[b].key)
    }

    private static let nobodyWords = Lexicon.set("""
        officials sources statement ministry government they we it analysts experts people report reports
        spokesmen spokespeople aides diplomats lawmakers representatives observers critics residents witnesses
        document letter website newspaper agency committee office department
        """)

    /// What stands before a speech verb: `Bedingfield said`, `she said`, `the director continued`.
    private func subjectBefore(verb v: Int, _ p: ParagraphText, lowerBound: Int) -> Speaker {
        var k = v - 1
        var steps = 0
        while k >= lowerBound, steps < 12 {
            let t = p.tokens[k]
            if t.isPunct {
                if ParagraphText.openQuotes.contains(t.mark) || ParagraphText.closeQuotes.contains(t.mark)
                    || [".", "!", "?", ";", ":"].contains(t.mark) { break }
                k -= 1
                steps += 1
                continue
            }
            if let person = personAt[p.index][k] {
                if !governedByPreposition(p, k) || (k == v - 1 && p.tokens[v].key.hasSuffix("ing")) { return .person(person) }
                if representedBy(p, k) { return .nobody }
                var s = k
                while s > 0, personAt[p.index][s - 1] == person { s -= 1 }
                k = s - 2
                steps += 1
                continue
            }
            if (t.lex & Lex.pronouns != 0) { return .pronoun }
            switch p.labels[k] {
            case .organization, .place:
                // `the Pentagon said`; but `Clark, from Akron, Ohio and calls` goes on to Clark.
                let before = p.matchStart[k] - 1
                let governed = before >= 0 && ["in", "of", "from", "at", "to", "with", "between", "and", "for", "on"].contains(p.tokens[before].key)
                if v - p.matchEnd[k] <= 1 && !governed { return .nobody }
                k = p.matchStart[k] - 1
                steps += 1
                continue
            default: break
            }
            if Self.nobodyWords.contains(t.key), v - k <= 2 { return .nobody }
            if (t.lex & Lex.roleNouns != 0) {
                var d = k - 1
                var steps2 = 0
                while d >= 0, steps2 < 4, p.tokens[d].isWord {
                    let key = p.tokens[d].key
                    if key == "the" || key == "this" { return .role(t.key) }
                    if key == "a" || key == "an" || key == "one" || key == "another" { return .nobody }
                    d -= 1
                    steps2 += 1
                }
                return .role(t.key)
            }
            k -= 1
            steps += 1
        }
        return .unknown
    }

    /// `a spokesman for X`, `an aide to X`: someone else speaks for X.
    private func representedBy(_ p: ParagraphText, _ k: Int) -> Bool {
        var s = k
        while s > 0, personAt[p.index][s - 1] != nil, personAt[p.index][s - 1] == personAt[p.index][k] { s -= 1 }
        var b = s - 1
        var steps = 0
        while b >= 0, steps < 4 {
            let key = p.tokens[b].key
            if Lexicon.roleNouns.contains(key) || Self.nobodyWords.contains(key) || ["spokesman", "spokeswoman", "spokesperson", "representative", "lawyer", "aide"].contains(key) { return true }
            b -= 1
            steps += 1
        }
        return false
    }

    /// The mention at `k` stands where a subject stands: after a clause boundary, not after a verb.
    private func isSubject(_ p: ParagraphText, _ k: Int) -> Bool {
        let b = tokenBeforeTitles(p, k)
        guard b >= 0 else { return true }
        let t = p.tokens[b]
        if t.isPunct { return true }
        return ["and", "but", "that", "as", "while", "when", "after", "before", "because", "although", "then", "also", "so"].contains(t.key)
    }

    /// What follows a speech verb: `said John Kirby`, `said draftee Keith Soukkala`, `said the spokesman`, `said he`.
    private func subjectAfter(verb v: Int, _ p: ParagraphText, limit: Int) -> Speaker {
        var k = v + 1
        var first: Speaker = .unknown
        while k < min(limit, p.tokens.count), k <= v + 12 {
            let t = p.tokens[k]
            if t.isPunct { break }
            if let person = personAt[p.index][k] { return .person(person) }
            if first == .unknown {
                if (t.lex & Lex.pronouns != 0) { return .pronoun }
                if (t.lex & Lex.roleNouns != 0) { first = .role(t.key) }
                else if case .organization = p.labels[k] { first = .nobody }
                else if Self.nobodyWords.contains(t.key) { first = .nobody }
            }
            if (t.lex & Lex.speechVerbs != 0) || t.key == "that" { break }
            k += 1
        }
        return first
    }

    private static let roleGroups: [[String]] = [
        ["spokesman", "spokeswoman", "spokesperson", "press secretary", "spokesmen"],
        ["director"], ["secretary"], ["minister"], ["president"], ["ambassador"], ["envoy"],
        ["aide", "adviser", "advisor"], ["coordinator"], ["senator"], ["governor"], ["chancellor"], ["analyst"],
        ["lawyer", "attorney"], ["head", "chief"], ["leader"], ["pope", "pontiff"],
    ]

    /// The one article person whose roles contain the noun (or a synonym).
    private func byRole(_ noun: String) -> Int? {
        let group = Self.roleGroups.first(where: { $0.contains(noun) }) ?? [noun]
        var found: [Int] = []
        for (i, list) in roles.enumerated() where list.contains(where: { role in group.contains(where: { Self.contains(role, $0) }) }) {
            found.append(i)
        }
        return found.count == 1 ? found[0] : nil
    }

    /// `text.contains(needle)` for an ASCII needle: on bytes when the text is ASCII too (then
    /// every byte is a `Character`, CR LF aside, which an ASCII word does not hold).
    static func contains(_ text: String, _ needle: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { hay -> Bool? in
            needle.utf8.withContiguousStorageIfAvailable { pattern -> Bool? in
                guard !hay.contains(where: { $0 >= 0x80 }), !pattern.contains(where: { $0 >= 0x80 || $0 == 0x0D || $0 == 0x0A }) else {
                    return nil
                }
                let n = pattern.count
                guard n > 0 else { return nil }
                guard hay.count >= n else { return false }
                let first = pattern[0]
                for i in 0...(hay.count - n) where hay[i] == first {
                    var k = 1
                    while k < n, hay[i + k] == pattern[k] { k += 1 }
                    if k == n { return true }
                }
                return false
            } ?? nil
        } ?? nil
        return found ?? text.contains(needle)
    }

    /// `This statement was made at a briefing … by X`, in the sentence after the quote.
    private func statementBy(after s: Span) -> Int? {
        let p = paragraphs[s.paragraph]
        var candidates: [(ParagraphText, Int)] = []
        if s.close < p.tokens.count { candidates.append((p, s.close + 1)) }
        if s.paragraph + 1 < paragraphs.count { candidates.append((paragraphs[s.paragraph + 1], 0)) }
        for (q, from) in candidates {
            let t = q.tokens
            // The next sentence from `from`.
            var k = from
            while k < t.count, !t[k].sentenceStart { k += 1 }
            guard k < t.count else { continue }
            let sentence = t[k].sentence
            var sawStatement = false, sawBy = false
            var j = k
            while j < t.count, t[j].sentence == sentence {
                let key = t[j].key
                if ["statement", "statements", "remarks", "comments", "words"].contains(key) { sawStatement = true }
                if key == "by" && sawStatement { sawBy = true }
                if sawBy, let person = personAt[q.index][j] { return person }
                j += 1
            }
            return nil
        }
        return nil
    }

    /// Person mentions followed by a speech verb (`Kirby explained`) or preceded by one
    /// (`said John Kirby`): positions where that person becomes the current speaker.
    private func indirectSpeech() -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        for p in paragraphs {
            let t = p.tokens
            var k = 0
            while k < t.count {
                guard let person = personAt[p.index][k] else { k += 1; continue }
                var e = k
                while e < t.count, personAt[p.index][e] == person { e += 1 }
                var found = false
                var j = e
                if j < t.count, t[j].isPunct, t[j].mark == "," {
                    var c = j + 1
                    while c < t.count, c < j + 16, !(t[c].isPunct && [",", ".", ";"].contains(t[c].mark)) { c += 1 }
                    if c < t.count, t[c].mark == "," { j = c + 1 }
                }
                let verbStart = j
                while j < min(t.count, verbStart + 3), t[j].isWord {
                    if isSpeechVerb(p, j) && !t[j].key.hasSuffix("ing") { found = isSubject(p, k); break }
                    j += 1
                }
                // `…,” said X.`: inverted attribution, the name closing the clause.
                if k > 0, isSpeechVerb(p, k - 1), e >= t.count || t[e].isPunct { found = true }
                if found && !governedByPreposition(p, k) { out.append((p.index, k, person)) }
                k = e
            }
        }
        return out
    }
}
