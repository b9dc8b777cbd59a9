import ParleyCore

extension EntityRecognizer {
    /// Builds the result: people with counts and roles, events, places, organizations,
    /// non-overlapping mentions, quotes; applies front matter overrides.
    func assemble(_ article: NormalizedArticle, paragraphs: [ParagraphText], table: PersonTable,
                  references: [EventFinder.Reference], quotes: [Quote], diagnostics: [Diagnostic]) -> AnalyzedArticle {
        struct Candidate { var mention: Mention; var priority: Int }
        var candidates: [Candidate] = []
        let fm = article.source.frontMatter

        // People, possibly replaced by the front matter's list.
        var entries = table.entries
        var personOfEntry: [Int: Int] = [:]   // table entry → output person index
        var outputPeople: [Person] = []
        var outputRoles: [[String]] = []
        if let names = fm?.people {
            for name in names {
                let keys = Tokenizer.tokenize(name).filter(\.isWord).map(\.key)
                let person: Person
                if let r = fullNames[keys.joined(separator: " ")]?.first {
                    person = registry.people[r]
                } else {
                    person = Person(name: name, inRegistry: false)
                }
                if outputPeople.contains(where: { $0.id == person.id }) { continue }
                outputPeople.append(person)
                outputRoles.append([])
            }
            for (i, e) in entries.enumerated() {
                if let o = outputPeople.firstIndex(where: { $0.id == e.person.id }) {
                    personOfEntry[i] = o
                    outputRoles[o] = e.roles
                }
            }
        } else {
            for (i, e) in entries.enumerated() {
                personOfEntry[i] = i
                outputPeople.append(e.person)
                outputRoles.append(e.roles)
            }
        }
        entries.removeAll()

        var personCovered: [[Bool]] = paragraphs.map { Array(repeating: false, count: $0.tokens.count) }
        for s in table.spans {
            guard let o = personOfEntry[s.person] else { continue }
            let p = paragraphs[s.paragraph]
            for k in s.start..<s.end { personCovered[s.paragraph][k] = true }
            let start = p.tokens[s.start].start, end = p.tokens[s.end - 1].end
            candidates.append(Candidate(mention: Mention(kind: .person, entity: outputPeople[o].id, paragraph: s.paragraph,
                                                         start: start, end: end), priority: 0))
        }

        // Places and organizations.
        var placeNames: [String] = []
        var orgNames: [String] = []
        for p in paragraphs {
            for k in p.tokens.indices where p.matchStart[k] == k {
                let end = p.matchEnd[k]
                guard !(k..<end).contains(where: { personCovered[p.index][$0] }) else { continue }
                let kind: EntityKind
                let name: String
                switch p.labels[k] {
                case .place(let i): kind = .place; name = places[i].name
                case .organization(let i): kind = .organization; name = organizations[i].name
                default: continue
                }
                if kind == .place { if !placeNames.contains(name) { placeNames.append(name) } } else if !orgNames.contains(name) { orgNames.append(name) }
                let start = p.tokens[k].start, stop = p.tokens[end - 1].end
                candidates.append(Candidate(mention: Mention(kind: kind, entity: name, paragraph: p.index, start: start, end: stop),
                                                   priority: 2))
            }
        }
        if let wanted = fm?.places {
            let resolved = wanted.map { canonicalPlace($0) }
            placeNames = resolved
            candidates.removeAll { $0.mention.kind == .place && !resolved.contains($0.mention.entity) }
        }

        // Events.
        var eventOrder: [Int] = []
        // In text order, references at one position in their given order (a stable sort, through
        // indices: sorting the references themselves copies them).
        let referencesInTextOrder = references.indices.sorted { a, b in
            (references[a].paragraph, references[a].start, a) < (references[b].paragraph, references[b].start, b)
        }
        for r in referencesInTextOrder where !eventOrder.contains(references[r].event) {
            eventOrder.append(references[r].event)
        }
        if let wanted = fm?.events {
            eventOrder = wanted.compactMap { w in
                let slug = Slug.make(w)
                return registry.events.firstIndex { $0.id == w || $0.id == slug || $0.name == w || Slug.make($0.name) == slug }
            }
        }
        for ref in references where eventOrder.contains(ref.event) {
            let p = paragraphs[ref.paragraph]
            let start = p.tokens[ref.start].start, end = p.tokens[ref.end - 1].end
            candidates.append(Candidate(mention: Mention(kind: .event, entity: registry.events[ref.event].id, paragraph: ref.paragraph,
                                                         start: start, end: end), priority: 1))
        }

        // Non-overlapping mentions: people first, then events, then places and organizations; longer first.
        // The order of the (stable) sort, found by sorting small keys: moving the candidates
        // themselves moves their strings. Equal keys keep the candidates' order.
        struct SortKey { var priority: Int; var length: Int; var paragraph: Int; var start: Int; var index: Int }
        let order = candidates.indices.map { i in
            SortKey(priority: candidates[i].priority, length: candidates[i].mention.end - candidates[i].mention.start,
                    paragraph: candidates[i].mention.paragraph, start: candidates[i].mention.start, index: i)
        }.sorted { a, b in
            if a.priority != b.priority { return a.priority < b.priority }
            if a.length != b.length { return a.length > b.length }
            return (a.paragraph, a.start, a.index) < (b.paragraph, b.start, b.index)
        }
        var taken: [Int: [(Int, Int)]] = [:]
        var mentions: [Mention] = []
        for key in order {
            let m = candidates[key.index].mention
            if taken[m.paragraph, default: []].contains(where: { $0.0 < m.end && m.start < $0.1 }) { continue }
            taken[m.paragraph, default: []].append((m.start, m.end))
            mentions.append(m)
        }
        // Kept mentions do not overlap, so no two share a position: sorting their indices by
        // position gives the order sorting the mentions would, without moving them through the sort.
        let mentionsInTextOrder = mentions.indices.sorted { a, b in
            (mentions[a].paragraph, mentions[a].start) < (mentions[b].paragraph, mentions[b].start)
        }
        mentions = mentionsInTextOrder.map { mentions[$0] }

        var counts: [String: Int] = [:]
        for m in mentions where m.kind == .person { counts[m.entity, default: 0] += 1 }
        let people = outputPeople.enumerated().map { i, p in
            PersonInArticle(person: p, mentions: counts[p.id] ?? 0, roles: outputRoles[i])
        }
        let keptIDs = Set(outputPeople.map(\.id))
        return AnalyzedArticle(article: article, people: people, events: eventOrder.map { registry.events[$0] },
                               places: placeNames, organizations: orgNames, mentions: mentions,
                               quotes: quotes.filter { keptIDs.contains($0.speaker) }, diagnostics: diagnostics)
    }

    func canonicalPlace(_ name: String) -> String {
        let key = Fold.key(name)
        for e in places where ([e.name] + e.aliases).contains(where: { Fold.key($0) == key }) { return e.name }
        return name
    }
}
