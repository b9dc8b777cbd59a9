/// A capitalized word sequence that may be a person's name, with the evidence around it.
struct NameCandidate: Sendable {
    var paragraph: Int
    /// Token range of the name (titles excluded).
    var start: Int
    var end: Int
    /// Folded keys of the name's words (suffixes such as `Jr.` included).
    var keys: [String]
    /// A title or role word stands right before the name: `Foreign Minister`, `aide`.
    var titleBefore = false
    /// A personal title stands right before: `Mr.`, `President`, `Pope`.
    var personalTitle = false
    /// A speech verb follows or precedes: `X said`, `said X`, `according to X`.
    var speech = false
    /// An apposition follows: `X, a fellow at …`, `X, who …`.
    var appositive = false
    /// A byline, photo credit or contribution line, not a person of the story.
    var credit = false
    /// A given name inserted by an editor right before it: `(Vladimir. – Ed.) Zelensky`.
    var hint: String?
    /// The candidate extends a registry person's match with a suffix (`Donald Trump Jr.`).
    var extendsRegistry: Int?
    /// Sentence-initial first word.
    var sentenceInitial = false
    /// Stands alone between quotation marks: a nickname or title (`“Goofy Kicking Donald Duck”`).
    var quotedName = false
    /// Contains an all-caps word (`NATO`, `WASHINGTON`): not a name.
    var hasAllCaps = false

    var isSingle: Bool { keys.count == 1 }
}

/// Finds capitalized name shapes that no registry spelling covered, splitting off titles,
/// nationalities, places and organizations, and records the evidence that they are people.
enum NameDetector {
    static func detect(_ p: inout ParagraphText) -> [NameCandidate] {
        markEditorialInsertions(&p)
        var out: [NameCandidate] = []
        let n = p.tokens.count
        var i = 0
        while i < n {
            guard isRunToken(p, i) || isRegistryWithSuffix(p, i) else { i += 1; continue }
            if case .person(let person) = p.labels[i] {
                // Registry name followed by `Jr.`: a different person (unless the registry has them).
                let end = p.matchEnd[i]
                var candidate = NameCandidate(paragraph: p.index, start: i, end: end + 1,
                                              keys: (i...end).map { p.tokens[$0].key })
                candidate.extendsRegistry = person
                annotate(&candidate, p)
                out.append(candidate)
                i = end + 1
                continue
            }
            var j = i
            while j < n {
                if isRunToken(p, j) {
                    if p.tokens[j].possessive { j += 1; break }
                    j += 1
                    continue
                }
                if j + 1 < n, p.tokens[j].isWord, (p.tokens[j].lex & Lex.connectors != 0),
                   !p.tokens[j].capitalized, isRunToken(p, j + 1), j > i {
                    j += 1
                    continue
                }
                break
            }
            split(run: i..<j, p, into: &out)
            i = max(j, i + 1)
        }
        return out
    }

    private static func isRunToken(_ p: ParagraphText, _ i: Int) -> Bool {
        guard p.tokens[i].isWord, !p.editorial[i], p.tokens[i].capitalized || p.tokens[i].isInitial else { return false }
        if case .person = p.labels[i] { return false }
        return true
    }

    private static func isRegistryWithSuffix(_ p: ParagraphText, _ i: Int) -> Bool {
        guard case .person = p.labels[i], p.matchStart[i] == i else { return false }
        let end = p.matchEnd[i]
        guard end < p.tokens.count, !p.tokens[end - 1].possessive else { return false }
        return p.tokens[end].isWord && (p.tokens[end].lex & Lex.suffixes != 0) && p.tokens[end].capitalized
    }

    private enum Kind { case name, title, stop, orgWord, entity }

    private static func kind(_ p: ParagraphText, _ k: Int) -> Kind {
        switch p.labels[k] {
        case .place, .organization: return .entity
        default: break
        }
        let lex = p.tokens[k].lex
        if lex & Lex.suffixes != 0 && p.tokens[k].capitalized { return .name }
        if p.tokens[k].hyphenatedLower { return .stop }
        if lex & (Lex.functionWords | Lex.nationalities | Lex.weekdays | Lex.months) != 0 { return .stop }
        if p.tokens[k].sentenceStart && lex & Lex.sentenceWords != 0 { return .stop }
        if lex & Lex.titles != 0 { return .title }
        if lex & Lex.nonPersonWords != 0 { return .orgWord }
        return .name
    }

    private static func split(run: Range<Int>, _ p: ParagraphText, into out: inout [NameCandidate]) {
        var piece: [Int] = []
        var lastTitle = -10
        var k = run.lowerBound
        func emit() {
            if let first = piece.first, let last = piece.last {
                var c = NameCandidate(paragraph: p.index, start: first, end: last + 1,
                                      keys: piece.map { p.tokens[$0].key })
                c.titleBefore = lastTitle == first - 1
                annotate(&c, p)
                out.append(c)
            }
            piece.removeAll()
        }
        while k < run.upperBound {
            let t = p.tokens[k]
            switch kind(p, k) {
            case .name:
                piece.append(k)
            case .title:
                if piece.isEmpty {
                    lastTitle = k
                } else if k == run.upperBound - 1, piece.count >= 2 || (p.tokens[piece[piece.count - 1]].lex & Lex.givenName != 0) {
                    // `Martin Luther King`, `Peter King`: a title word closing a name.
                    piece.append(k)
                } else {
                    emit()
                    lastTitle = k
                }
            case .stop:
                // `Theresa May`: a month word right after a given name is a surname.
                if let last = piece.last, (t.lex & Lex.months != 0), (p.tokens[last].lex & Lex.givenName != 0) {
                    piece.append(k)
                } else {
                    emit()
                    lastTitle = -10
                }
            case .orgWord:
                if piece.count == 1, k == run.upperBound - 1, (p.tokens[piece[0]].lex & Lex.givenName != 0) {
                    // `Bernard Law`: a given name and one last word.
                    piece.append(k)
                } else {
                    piece.removeAll()
                    lastTitle = -10
                }
            case .entity:
                let end = p.matchEnd[k]
                if end - k == 1, let last = piece.last, (p.tokens[last].lex & Lex.givenName != 0) || p.tokens[last].isInitial {
                    // `Jim Jordan`, `Michael Bloomberg`: a one-word place or outlet after a given name.
                    piece.append(k)
                } else {
                    emit()
                    lastTitle = -10
                    k = max(k + 1, min(end, run.upperBound))
                    continue
                }
            }
            if t.possessive { emit(); lastTitle = -10 }
            k += 1
        }
        emit()
    }

    /// Evidence from the words around a candidate.
    private static func annotate(_ c: inout NameCandidate, _ p: ParagraphText) {
        let before = c.start - 1
        let after = c.end
        let tokens = p.tokens
        c.sentenceInitial = tokens[c.start].sentenceStart
        // `“Goofy Kicking Donald Duck.”`: the name alone between opening and closing marks.
        if before >= 0, after < tokens.count, tokens[before].isPunct, tokens[after].isPunct {
            let open = tokens[before].mark
            let openOK = open == "\u{201C}" || open == "\u{2018}"
                || (open == "\"" && (before == 0 || !(tokens[before - 1].isPunct && [",", ".", "!", "?"].contains(tokens[before - 1].mark))))
            var close = after
            if [",", "."].contains(tokens[close].mark), close + 1 < tokens.count { close += 1 }
            let m = tokens[close].mark
            if openOK, tokens[close].isPunct, m == "\u{201D}" || m == "\u{2019}" || m == "\"" { c.quotedName = true }
        }
        c.hasAllCaps = (c.start..<c.end).contains { tokens[$0].allCaps && !tokens[$0].abbreviation && tokens[$0].lex & Lex.suffixes == 0 }
        if before >= 0, tokens[before].isWord {
            let key = tokens[before].key
            let lex = tokens[before].lex
            if lex & Lex.titles != 0 { c.titleBefore = true }
            if lex & Lex.personalTitles != 0 && tokens[before].capitalized { c.personalTitle = true }
            if lex & Lex.speechVerbs != 0 { c.speech = true }
            if key == "to", before >= 1, tokens[before - 1].key == "according" { c.speech = true }
            if key == "by" {
                let prev = before >= 1 ? tokens[before - 1].key : ""
                if ["reporting", "editing", "writing", "additional", "compiled", "photo", "photos"].contains(prev) || tokens[before].sentenceStart {
                    c.credit = true
                }
            }
        }
        if c.titleBefore, before >= 0, (tokens[before].lex & Lex.personalTitles != 0), tokens[before].capitalized {
            c.personalTitle = true
        }
        // Photo credits: `AP Photo/Evan Vucci`, `RIA Novosti / Ruslan Aliyev`, `REUTERS/Pavel Drozdov`.
        if before >= 1, tokens[before].isPunct, tokens[before].mark == "/" {
            let prev = tokens[before - 1]
            if prev.key == "photo" || prev.key == "photos" || prev.allCaps || p.labels[before - 1] != .none { c.credit = true }
        }
        if before >= 0, tokens[before].isPunct, tokens[before].mark == "\u{00A9}" { c.credit = true }
        if after < tokens.count {
            let t = tokens[after]
            if t.isWord {
                if (t.lex & Lex.speechVerbs != 0) { c.speech = true }
                if t.key == "contributed" { c.credit = true }
            } else if t.mark == "," {
                var k = after + 1
                if k < tokens.count, ["a", "an", "the", "who"].contains(tokens[k].key) {
                    if tokens[k].key == "who" { c.appositive = true }
                    k += 1
                }
                var steps = 0
                while k < tokens.count, steps < 4, tokens[k].isWord {
                    if (tokens[k].lex & Lex.titles != 0) && !tokens[k].capitalized { c.appositive = true; break }
                    if (tokens[k].lex & Lex.titles != 0) && k == after + 1 { c.appositive = true; break }
                    k += 1
                    steps += 1
                }
                if after + 1 < tokens.count, (tokens[after + 1].lex & Lex.speechVerbs != 0) { c.speech = true }
            }
        }
        if c.start >= 2, p.editorial[c.start - 1] {
            // `(Vladimir. – Ed.) Zelensky`: the inserted given name.
            var k = c.start - 1
            while k >= 0, p.editorial[k] { k -= 1 }
            let first = k + 2
            if first < c.start, tokens[first].isWord, tokens[first].capitalized { c.hint = tokens[first].key }
        }
    }

    /// Marks `( Name . – Ed. )` so that the inserted name is neither a person nor a mention.
    static func markEditorialInsertions(_ p: inout ParagraphText) {
        let t = p.tokens
        var i = 0
        while i < t.count {
            if t[i].isPunct, t[i].mark == "(" {
                var j = i + 1
                var sawEd = false
                while j < t.count, j - i <= 8, !(t[j].isPunct && t[j].mark == ")") {
                    if t[j].key == "ed" && (t[j].abbreviation || (j + 1 < t.count && t[j + 1].mark == ".")) { sawEd = true }
                    j += 1
                }
                if sawEd, j < t.count {
                    for k in i...j { p.editorial[k] = true }
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
    }

    /// Words right before a name that make the role before them someone else's (`a spokesman for X`).
    static let rolePrepositions: Set<String> = ["for", "to", "with", "the", "of", "and", "a", "an"]
    /// Words a role runs across (`Minister of Foreign Affairs`, `Secretary for Defence and Security`).
    static let roleGlue: Set<String> = ["of", "the", "for", "and"]

    /// The role phrase before a name: `White House Press Secretary`, `Press Secretary of the head of state`.
    static func role(before start: Int, _ p: ParagraphText) -> String? {
        // `a spokesman for X`, `an adviser to X`: the role is someone else's.
        if start >= 1, Self.rolePrepositions.contains(p.tokens[start - 1].key) { return nil }
        var k = start - 1
        var hasTitle = false
        while k >= 0 {
            // Fields read one by one: a whole `Token` copy retains its key.
            guard p.tokens[k].isWord, !p.editorial[k] else { break }
            if p.tokens[k].possessive && k != start - 1 { break }
            switch p.labels[k] {
            case .place, .organization:
                k -= 1
                continue
            case .person:
                break
            case .none:
                let lex = p.tokens[k].lex
                if (lex & Lex.titles != 0) { hasTitle = true; k -= 1; continue }
                if Self.roleGlue.contains(p.tokens[k].key) || (lex & Lex.nationalities != 0) { k -= 1; continue }
            }
            break
        }
        var first = k + 1
        // `the German chancellor and French President Emmanuel Macron`, `Austin and French
        // President Macron`: two people, and the role of this one is what follows the last
        // `and` when that part names a role of its own (`Minister of Foreign Affairs and Trade`
        // stays whole).
        if let and = (first..<start).last(where: { p.tokens[$0].key == "and" }),
           (and + 1..<start).contains(where: { p.tokens[$0].lex & Lex.roleNouns != 0 }) {
            first = and + 1
        }
        while first < start, Self.roleGlue.contains(p.tokens[first].key) || p.tokens[first].key == "a" { first += 1 }
        var last = start
        while last > first, Self.roleGlue.contains(p.tokens[last - 1].key) { last -= 1 }
        // `his Russian counterpart Vladimir Putin`: a relation, not a role.
        guard hasTitle, first < last, (first..<last).contains(where: { p.tokens[$0].lex & Lex.titles != 0 }),
              !["counterpart", "counterparts", "host"].contains(p.tokens[last - 1].key) else { return nil }
        let text = p.slice(first, last)
        return text.isEmpty ? nil : text
    }

    /// Verbs that make what follows a name and a comma a clause of its own.
    static let finiteVerbs: Set<String> = ["is", "was", "are", "were", "has", "had", "have", "been", "will", "would",
                                           "could", "can", "may", "might", "must", "should", "did", "does", "do"]

    /// The role in an apposition after a name: `John Kirby, coordinator of strategic communications at …`.
    static func role(after end: Int, _ p: ParagraphText) -> String? {
        let t = p.tokens
        guard end < t.count, t[end].isPunct, t[end].mark == "," else { return nil }
        var first = end + 1
        if first < t.count, ["the", "a", "an"].contains(t[first].key) { first += 1 }
        guard first < t.count, t[first].isWord, (t[first].lex & Lex.titles != 0) || (t[first].lex & Lex.nationalities != 0) else { return nil }
        var last = first
        var hasTitle = false
        while last < t.count, last < first + 12, t[last].isWord || t[last].kind == .number {
            // `According to Macron, the Foreign Ministry had been informed`: a clause, not an apposition.
            if (t[last].lex & Lex.speechVerbs != 0) || t[last].key == "who" || Self.finiteVerbs.contains(t[last].key) { return nil }
            if (t[last].lex & Lex.titles != 0) { hasTitle = true }
            last += 1
        }
        guard hasTitle, last < t.count, t[last].isPunct, [",", ".", ";"].contains(t[last].mark) || last == t.count else { return nil }
        let text = p.slice(first, last)
        return text.isEmpty ? nil : text
    }
}
