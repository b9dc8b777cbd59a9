import ParleyCore

/// Finds people, events, places, organizations and quotes in a normalized article,
/// resolved against the registry. Pure: no I/O.
public struct EntityRecognizer: Sendable {
    public let registry: Registry
    /// Registry places first, then the built-in gazetteer.
    let places: [NamedEntity]
    let organizations: [NamedEntity]
    let automaton: AliasAutomaton
    /// Folded full spellings (`sergey lavrov`) → registry people.
    let fullNames: [String: [Int]]
    /// Folded spellings of each registry person, word by word.
    let spellings: [[[String]]]
    let surnames: SurnameResolver
    /// First byte of any word of a spelling → (person, spelling) pairs, for the fuzzy matcher.
    let fuzzyIndex: [UInt8: [Int32]]
    let eventFinder: EventFinder
    let allusions: NegotiationAllusion
    /// Automaton entries of event names that several events share → the folded name.
    let sharedNames: [Int: String]
    let participants: [Set<Int>]

    public init(registry: Registry) {
        self.registry = registry
        var automaton = AliasAutomaton()
        var fullNames: [String: [Int]] = [:]
        var spellings: [[[String]]] = []
        for (i, person) in registry.people.enumerated() {
            var list: [[String]] = []
            for s in [person.name] + person.aliases {
                let keys = Tokenizer.tokenize(s).filter(\.isWord).map(\.key)
                list.append(keys)
                let joined = keys.joined(separator: " ")
                if !(fullNames[joined]?.contains(i) ?? false) { fullNames[joined, default: []].append(i) }
            }
            spellings.append(list)
        }
        // A spelling two registry people share (`Aydin` for Mehmet and Ahmet Aydın) is linked to
        // neither, as the registry check warns: it is read like any name, so it goes to the one
        // the article names in full, else to no one.
        for (i, person) in registry.people.enumerated() {
            for (s, keys) in zip([person.name] + person.aliases, spellings[i]) where fullNames[keys.joined(separator: " ")]?.count ?? 1 < 2 {
                automaton.add(s, target: .person(i))
            }
        }
        let places = registry.places + Gazetteer.places
        let organizations = registry.organizations + Gazetteer.organizations
        for (i, e) in places.enumerated() {
            for s in [e.name] + e.aliases { automaton.add(s, target: .place(i), rank: i < registry.places.count ? 0 : 2) }
        }
        for (i, e) in organizations.enumerated() {
            for s in [e.name] + e.aliases { automaton.add(s, target: .organization(i), rank: i < registry.organizations.count ? 1 : 3) }
        }
        for (i, e) in registry.events.enumerated() {
            for s in e.phrases { automaton.add(s, target: .event(i), caseSensitive: false) }
        }
        // Names as phrases; a name several events share (`Istanbul talks (March 2022)`, `Istanbul
        // talks (May 2025)`), or that is another event's phrase, names one of them only when the
        // dates leave one.
        var sharedNames: [Int: String] = [:]
        var eventsOfName: [String: Set<Int>] = [:]
        func key(_ s: String) -> String { Tokenizer.tokenize(s).map(\.key).joined(separator: " ") }
        let names = registry.events.map(Self.nameAsPhrase)
        let nameKeys = names.map { $0.map(key) }
        for (i, e) in registry.events.enumerated() {
            for k in (nameKeys[i].map { [$0] } ?? []) + e.phrases.map(key) { eventsOfName[k, default: []].insert(i) }
        }
        for (i, name) in names.enumerated() {
            guard let name, let key = nameKeys[i] else { continue }
            let before = automaton.entries.count
            automaton.add(name, target: .event(i), caseSensitive: false)
            if automaton.entries.count > before, eventsOfName[key]!.count > 1 { sharedNames[before] = key }
        }
        self.sharedNames = sharedNames
        self.places = places
        self.organizations = organizations
        self.automaton = automaton
        self.fullNames = fullNames
        self.spellings = spellings
        self.surnames = SurnameResolver(people: spellings)
        var fuzzyIndex: [UInt8: [Int32]] = [:]
        for (r, list) in spellings.enumerated() {
            for (k, spelling) in list.enumerated() {
                let code = Int32(r << 8 | k)
                for word in spelling {
                    guard let b = word.utf8.first else { continue }
                    if fuzzyIndex[b]?.last != code { fuzzyIndex[b, default: []].append(code) }
                }
            }
        }
        self.fuzzyIndex = fuzzyIndex
        self.eventFinder = EventFinder(events: registry.events) { name in
            places.filter { $0.name == name || $0.aliases.contains(name) }.flatMap { [$0.name] + $0.aliases } + [name]
        }
        self.allusions = NegotiationAllusion(events: registry.events, people: registry.people, places: places)
        let ids = Dictionary(registry.people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.participants = registry.events.map { Set($0.participants.compactMap { ids[$0] }) }
    }

    /// An event's name refers to it like a phrase (`Istanbul talks` for `Istanbul talks (March
    /// 2022)`): without a closing parenthesis, two words or more, and not `… in <its place>`
    /// (`Talks in Istanbul (August 2024)`), a description the place rule weighs against the other
    /// meetings held there.
    static func nameAsPhrase(_ e: Event) -> String? {
        var name = e.name.trimmed
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") { name = String(name[..<open]).trimmed }
        let keys = Tokenizer.tokenize(name).filter(\.isWord).map(\.key)
        guard keys.count >= 2 else { return nil }
        if let place = e.place {
            let placeKeys = Tokenizer.tokenize(place).filter(\.isWord).map(\.key)
            for k in keys.indices where ["in", "at", "near"].contains(keys[k]) && Array(keys[(k + 1)...]) == placeKeys { return nil }
        }
        return name
    }

    public func analyze(_ article: NormalizedArticle) -> AnalyzedArticle {
        var diagnostics: [Diagnostic] = []
        var paragraphs = article.paragraphs.enumerated().map { ParagraphText(index: $0, text: $1.text, line: $1.line) }
        var phraseMatches: [[AliasAutomaton.Match]] = []
        for p in paragraphs.indices { phraseMatches.append(label(&paragraphs[p])) }

        // People.
        var candidates: [NameCandidate] = []
        for p in paragraphs.indices { candidates += NameDetector.detect(&paragraphs[p]) }
        var table = PersonTable()
        resolvePeople(&table, candidates: candidates, paragraphs: paragraphs, article: article, diagnostics: &diagnostics)
        removeContributors(&table, article.contributors)

        var personAt: [[Int?]] = paragraphs.map { Array(repeating: nil, count: $0.tokens.count) }
        for s in table.spans { for k in s.start..<s.end { personAt[s.paragraph][k] = s.person } }
        for s in table.spans {
            for role in [NameDetector.role(before: s.start, paragraphs[s.paragraph]), NameDetector.role(after: s.end, paragraphs[s.paragraph])] {
                if let role, !table.entries[s.person].roles.contains(where: { $0.lowercased() == role.lowercased() }) {
                    table.entries[s.person].roles.append(role)
                }
            }
        }

        // Events and the date.
        var references = eventFinder.find(paragraphs, phraseMatches: phraseMatches, eventOf: { entry in
            if case .event(let e) = automaton.entries[entry].target { return e }
            return 0
        }, sharedName: { sharedNames[$0] }, placeName: { places[$0].name }, personRegistryAt: { p, k in
            personAt[p][k].flatMap { table.entries[$0].registry }
        }, participantIDs: participants, articleDate: article.date.day, dateIsLowerBound: article.date.status == .inferred)
        var analyzed = article
        if article.date.status == .inferred, let day = article.date.day {
            analyzed.date = DateInference.movedPast(article, day: day, references: references, events: registry.events)
            if let moved = analyzed.date.day {
                references.removeAll { ref in registry.events[ref.event].start.map { $0 > moved } ?? false }
            }
        } else if article.date.day == nil {
            let (date, notes) = DateInference.infer(article, references: references, events: registry.events)
            analyzed.date = date
            diagnostics += notes
            if let day = date.day {
                references.removeAll { ref in registry.events[ref.event].start.map { $0 > day } ?? false }
            }
        }

        // Negotiations alluded to by year and parties (`in 2022, Moscow and Kyiv agreed …`).
        references += allusions.find(paragraphs, existing: references, articleDate: analyzed.date.day)

        // Quotes.
        let roles = table.entries.map { e in (e.roles + e.person.roles).map { $0.lowercased() } }
        let attributor = QuoteAttributor(paragraphs: paragraphs, personAt: personAt, roles: roles)
        let quotes = attributor.attribute(articlePersonCount: table.entries.count).map { span, person in
            Quote(speaker: table.entries[person].person.id, text: span.text, paragraph: span.paragraph)
        }

        // People named in the headline only (`Aydın to meet Graham in Warsaw`).
        if article.source.frontMatter?.people == nil { addHeadlinePeople(&table, article: article, paragraphs: paragraphs) }

        return assemble(analyzed, paragraphs: paragraphs, table: table, references: references,
                        quotes: quotes, diagnostics: diagnostics)
    }

    /// Lays registry and gazetteer spellings over the tokens (leftmost, longest); returns event phrase matches.
    func label(_ p: inout ParagraphText) -> [AliasAutomaton.Match] {
        let all = automaton.matches(in: p.tokens) { _ in true }
        var events: [AliasAutomaton.Match] = []
        var best: [AliasAutomaton.Match?] = Array(repeating: nil, count: p.tokens.count)
        func order(_ m: AliasAutomaton.Match) -> (Int, Int) {
            let e = automaton.entries[m.entry]
            let kind: Int
            switch e.target {
            case .person: kind = 0
            case .organization: kind = 1
            case .place: kind = 2
            default: kind = 3
            }
            return (e.rank, kind)
        }
        for m in all {
            if case .event = automaton.entries[m.entry].target { events.append(m); continue }
            if let b = best[m.start] {
                let longer = m.end - m.start > b.end - b.start
                if longer || (m.end - m.start == b.end - b.start && order(m) < order(b)) { best[m.start] = m }
            } else {
                best[m.start] = m
            }
        }
        var i = 0
        while i < p.tokens.count {
            guard let m = best[i] else { i += 1; continue }
            // Prefer a longer match starting inside this one.
            var chosen = m
            for k in (m.start + 1)..<m.end {
                if let other = best[k], other.end > chosen.end, other.end - other.start > chosen.end - chosen.start { chosen = other; break }
            }
            if chosen.start != m.start { i = chosen.start; continue }
            let label: TokenLabel
            switch automaton.entries[m.entry].target {
            case .person(let r): label = .person(r)
            case .place(let r): label = .place(r)
            case .organization(let r): label = .organization(r)
            default: label = .none
            }
            for k in m.start..<m.end {
                p.labels[k] = label
                p.matchStart[k] = m.start
                p.matchEnd[k] = m.end
            }
            i = m.end
        }
        return events
    }
}
