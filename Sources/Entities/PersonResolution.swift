import ParleyCore

extension EntityRecognizer {
    /// Turns registry matches and name candidates into the article's people and mentions.
    func resolvePeople(_ table: inout PersonTable, candidates: [NameCandidate], paragraphs: [ParagraphText],
                       article: NormalizedArticle, diagnostics: inout [Diagnostic]) {
        var replaced = Set<TokenPosition>()
        for c in candidates where c.extendsRegistry != nil { replaced.insert(TokenPosition(paragraph: c.paragraph, token: c.start)) }
        // 1. Registry spellings found by the automaton.
        for p in paragraphs {
            for k in p.tokens.indices where p.matchStart[k] == k {
                guard case .person(let r) = p.labels[k], replaced.isEmpty || !replaced.contains(TokenPosition(paragraph: p.index, token: k)) else { continue }
                let person = table.registryPerson(r, registry, keys: spellings[r][0])
                table.spans.append(.init(paragraph: p.index, start: k, end: p.matchEnd[k], person: person))
            }
        }
        // Surname evidence: capitalized words standing alone elsewhere in the article.
        var alone: [String: Int] = [:]
        for c in candidates where c.isSingle && !c.credit { alone[c.keys[0], default: 0] += 1 }

        // 2. Multi-word names.
        var pending: [NameCandidate] = []
        for c in candidates where !c.isSingle && !c.credit {
            let p = paragraphs[c.paragraph]
            if c.extendsRegistry != nil {
                let joined = c.keys.joined(separator: " ")
                let person: Int
                if let r = fullNames[joined]?.first {
                    person = table.registryPerson(r, registry, keys: spellings[r][0])
                } else {
                    person = table.unknownPerson(name: displayName(p, c), keys: c.keys)
                }
                table.spans.append(.init(paragraph: c.paragraph, start: c.start, end: c.end, person: person))
                continue
            }
            if let r = fuzzy(c.keys) {
                let person = table.registryPerson(r, registry, keys: spellings[r][0])
                table.spans.append(.init(paragraph: c.paragraph, start: c.start, end: c.end, person: person))
                let text = displayName(p, c)
                let foreign = c.keys.contains { $0.utf8.contains(Fold.wildcard) }
                diagnostics.append(Diagnostic(foreign ? .warning : .note, step: "entities", file: article.source.path, line: p.line,
                                              foreign ? "'\(text)' has letters of another script; read as \(registry.people[r].name)"
                                                      : "'\(text)' is spelled differently from the registry; read as \(registry.people[r].name)"))
                continue
            }
            if accept(c, alone: alone) {
                let person = table.unknownPerson(name: displayName(p, c), keys: c.keys)
                table.spans.append(.init(paragraph: c.paragraph, start: c.start, end: c.end, person: person))
            } else {
                pending.append(c)
            }
        }
        // Shorter forms of a longer name (`Patrick Ho` → `Chi Ping Patrick Ho`) join it.
        var merge: [Int: Int] = [:]
        for i in table.entries.indices where table.entries[i].registry == nil {
            if let longer = table.byTail(table.entries[i].keys, excluding: i) { merge[i] = longer }
        }
        for c in pending {
            if let longer = table.byTail(c.keys) ?? table.index(forUnknownKeys: c.keys) {
                table.spans.append(.init(paragraph: c.paragraph, start: c.start, end: c.end, person: longer))
            }
        }
        // 3. One-word mentions.
        for c in candidates where c.isSingle && !c.credit {
            let key = c.keys[0]
            var person: Int? = nil
            if let hint = c.hint, let r = fullNames[hint + " " + key]?.first {
                person = table.registryPerson(r, registry, keys: spellings[r][0])
            }
            if person == nil { person = table.bySurname(key, aliasSurnames: surnames.aliasSurnames) }
            // `Trump` where the article names only `Donald Trump Jr.`: the registry's `Donald Trump`.
            if let local = person, PersonTable.hasSuffix(table.entries[local].keys), c.hint == nil,
               let r = surnames.registryPerson(surname: key), !surnames.suffixed.contains(r) {
                person = table.registryPerson(r, registry, keys: spellings[r][0])
            }
            if person == nil, GivenNames.contains(key) || !c.sentenceInitial { person = table.byGivenName(key) }
            if person == nil, let r = surnames.registryPerson(surname: key) { person = table.registryPerson(r, registry, keys: spellings[r][0]) }
            if person == nil, c.speech || c.titleBefore, let near = table.bySurnameSpelling(key) {
                person = near
                let p = paragraphs[c.paragraph]
                diagnostics.append(Diagnostic(.note, step: "entities", file: article.source.path, line: p.line,
                                              "'\(displayName(p, c))' read as \(table.entries[near].person.name) (spelling differs)"))
            }
            // A surname several registry people share (`Col. Aydin`) is one of them, not someone new.
            if person == nil, c.personalTitle, !c.sentenceInitial || c.titleBefore, surnames.registrySurnames[key] == nil {
                person = table.unknownPerson(name: displayName(paragraphs[c.paragraph], c), keys: c.keys)
            }
            if let person { table.spans.append(.init(paragraph: c.paragraph, start: c.start, end: c.end, person: person)) }
        }
        if !merge.isEmpty {
            for i in table.spans.indices { if let to = merge[table.spans[i].person] { table.spans[i].person = to } }
        }
        compact(&table)
    }

    /// Evidence that a multi-word capitalized run not in the registry is a person.
    func accept(_ c: NameCandidate, alone: [String: Int]) -> Bool {
        guard c.keys.count <= 5 else { return false }
        // Acronyms and all-caps datelines are not names.
        if c.hasAllCaps { return false }
        if c.quotedName && !c.titleBefore && !c.speech { return false }
        let given = c.keys.dropLast().contains { GivenNames.contains($0) }
        let surnameAlone = (alone[c.keys.last!] ?? 0) > 0
        return given || c.titleBefore || c.speech || c.appositive || surnameAlone
    }

    /// A registry person whose spelling is within a small edit distance, when exactly one is.
    /// Only spellings sharing the first letter of at least one word are compared.
    func fuzzy(_ keys: [String]) -> Int? {
        var codes = Set<Int32>()
        for key in keys { if let b = key.utf8.first, let list = fuzzyIndex[b] { codes.formUnion(list) } }
        guard !codes.isEmpty else { return nil }
        let lengths = keys.map { $0.utf8.count }
        var bestByPerson: [Int: Int] = [:]
        for code in codes {
            let r = Int(code >> 8), k = Int(code & 0xFF)
            let spelling = spellings[r][k]
            guard spelling.count == keys.count else { continue }
            // Cheap length check before the edit distance.
            var plausible = true
            for (i, word) in spelling.enumerated() where abs(word.utf8.count - lengths[i]) > FuzzyMatcher.bound(word.utf8.count) + 1 {
                plausible = false
                break
            }
            guard plausible, let d = FuzzyMatcher.nameDistance(keys, spelling) else { continue }
            bestByPerson[r] = min(bestByPerson[r] ?? d, d)
        }
        guard let minimum = bestByPerson.values.min() else { return nil }
        let winners = bestByPerson.filter { $0.value == minimum }
        return winners.count == 1 ? winners.first!.key : nil
    }

    func displayName(_ p: ParagraphText, _ c: NameCandidate) -> String {
        let raw = p.slice(c.start, c.end)
        var out = ""
        var space = false
        for ch in raw {
            if ch.isWhitespace { space = true; continue }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(ch)
        }
        return out
    }

    /// Contributors (bylines, photo credits) are never people of the story.
    func removeContributors(_ table: inout PersonTable, _ contributors: [String]) {
        guard !contributors.isEmpty else { return }
        let credited = contributors.map { Tokenizer.tokenize($0).filter(\.isWord).map(\.key) }
        var drop = Set<Int>()
        for (i, e) in table.entries.enumerated() where e.registry == nil {
            for c in credited where !c.isEmpty {
                let a = e.keys.joined(separator: " "), b = c.joined(separator: " ")
                if a == b || (e.keys.count >= 2 && e.keys.first == c.first && b.hasPrefix(a)) { drop.insert(i) }
            }
        }
        guard !drop.isEmpty else { return }
        table.spans.removeAll { drop.contains($0.person) }
        compact(&table)
    }

    /// Drops people without mentions, orders people by first mention and renumbers spans.
    func compact(_ table: inout PersonTable) {
        var first: [Int: (Int, Int)] = [:]
        for s in table.spans {
            let pos = (s.paragraph, s.start)
            if let f = first[s.person] { if pos < f { first[s.person] = pos } } else { first[s.person] = pos }
        }
        let order = first.keys.sorted { first[$0]! < first[$1]! }
        var newTable = PersonTable()
        var remap: [Int: Int] = [:]
        for old in order {
            let e = table.entries[old]
            let n: Int
            if let r = e.registry { n = newTable.registryPerson(r, registry, keys: spellings[r][0]) } else { n = newTable.unknownPerson(name: e.person.name, keys: e.keys) }
            newTable.entries[n].roles = e.roles
            remap[old] = n
        }
        var seen = Set<TokenPosition>()
        for s in table.spans.sorted(by: { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) }) {
            let position = TokenPosition(paragraph: s.paragraph, token: s.start)
            guard let n = remap[s.person], !seen.contains(position) else { continue }
            seen.insert(position)
            newTable.spans.append(.init(paragraph: s.paragraph, start: s.start, end: s.end, person: n))
        }
        table = newTable
    }
}
