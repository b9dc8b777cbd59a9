import ParleyCore

/// A year's negotiations alluded to without their name, place or date: `in 2022, Moscow and
/// Kyiv managed to reach agreements`. One sentence must name
/// - a year (`in 2022`, `in March 2022`, `in early 2022`),
/// - two or more different countries as the parties, by name or by a place that stands for one
///   (`Moscow` → Russia: the `country` of a registry place),
/// - a negotiation word: an outcome (`agreements`, `agreed`, `deal`, `communique`) or a process
///   (`talks`, `negotiations`, `dialogue`).
///
/// The candidates are the registry's negotiations of that year (a meeting word in their name or
/// phrases) whose participants' countries include every party. An outcome is where the year's
/// process ended: the latest candidate not after the article's date. A process word alone
/// names a candidate only when there is one. A sentence that already refers to an event, or
/// that looks forward (`will hold talks`), alludes to nothing.
struct NegotiationAllusion: Sendable {
    let events: [Event]
    /// Per event: the folded countries of its participants; empty unless the event is a
    /// negotiation with participants whose country is known.
    let countriesOfEvent: [Set<String>]
    /// Per place (index into `EntityRecognizer.places`): the folded country it stands for.
    let countryOfPlace: [String?]

    static let outcomeWords: Set<String> = Lexicon.set("agreement agreements agreed deal deals communique")
    static let processWords: Set<String> = Lexicon.set("talks negotiations negotiation dialogue")
    static let negotiationWords: Set<String> = Lexicon.set("talks negotiations negotiation round rounds meeting meetings summit")

    init(events: [Event], people: [Person], places: [NamedEntity]) {
        self.events = events
        // A country string (`USA`, `the Russian Federation`) folds to its place's canonical name.
        var canonical: [String: String] = [:]
        for place in places.reversed() {
            for s in [place.name] + place.aliases { canonical[Fold.key(s)] = Fold.key(place.name) }
        }
        func country(_ s: String) -> String { canonical[Fold.key(s)] ?? Fold.key(s) }
        let countries = Set(people.compactMap { $0.country.map(country) } + places.compactMap { $0.country.map(country) })
        self.countryOfPlace = places.map { place in
            if let c = place.country { return country(c) }
            let own = Fold.key(place.name)
            return countries.contains(own) ? own : nil
        }
        let countryOfPerson = Dictionary(people.map { ($0.id, $0.country.map(country)) }, uniquingKeysWith: { a, _ in a })
        self.countriesOfEvent = events.map { e in
            let words = ([e.name] + e.phrases).flatMap { Tokenizer.tokenize($0).map(\.key) }
            guard e.start != nil, words.contains(where: { Self.negotiationWords.contains($0) }) else { return [] }
            return Set(e.participants.compactMap { countryOfPerson[$0] ?? nil })
        }
    }

    /// True when no registry event can be alluded to (nothing to scan for).
    var isEmpty: Bool { countriesOfEvent.allSatisfy { $0.count < 2 } }

    /// References for the allusions of `paragraphs`, skipping sentences that `existing` already
    /// refers to an event from. The reference covers the negotiation word.
    func find(_ paragraphs: [ParagraphText], existing: [EventFinder.Reference], articleDate: Day?) -> [EventFinder.Reference] {
        guard !isEmpty else { return [] }
        var out: [EventFinder.Reference] = []
        for p in paragraphs {
            let t = p.tokens
            var k = 0
            while k < t.count {
                let sentence = t[k].sentence
                var end = k
                var number = false
                while end < t.count, t[end].sentence == sentence {
                    if t[end].kind == .number { number = true }
                    end += 1
                }
                // A year is a number: most sentences have none and are not read further.
                if number, let ref = allusion(p, from: k, to: end, articleDate: articleDate),
                   !existing.contains(where: { $0.paragraph == p.index && t[$0.start].sentence == sentence }) {
                    out.append(ref)
                }
                k = end
            }
        }
        return out
    }

    /// The allusion of the sentence `from..<to` of `p`, if any.
    func allusion(_ p: ParagraphText, from: Int, to: Int, articleDate: Day?) -> EventFinder.Reference? {
        let t = p.tokens
        var year: EventContext.StatedDate? = nil
        var yearAt = -1
        var parties = Set<String>()
        var outcome: Int? = nil
        var process: Int? = nil
        var k = from
        while k < to {
            let key = t[k].key
            if case .place(let place) = p.labels[k], p.matchStart[k] == k {
                if let c = countryOfPlace[place] { parties.insert(c) }
                k = p.matchEnd[k]
                continue
            }
            if t[k].isWord {
                if key == "in", year == nil, let (date, at) = Self.year(t, after: k, to: to) { year = date; yearAt = at }
                // `deal with`: the verb, not an agreement.
                else if outcome == nil, Self.outcomeWords.contains(key), !(key == "deal" && k + 1 < to && t[k + 1].key == "with") { outcome = k }
                else if process == nil, Self.processWords.contains(key) { process = k }
            }
            k += 1
        }
        guard let year, parties.count >= 2, let word = outcome ?? process else { return nil }
        let first = min(yearAt, word), last = max(yearAt, word)
        if EventContext.looksForward(t, start: first, end: last + 1) { return nil }
        var candidates: [Int] = []
        for (e, countries) in countriesOfEvent.enumerated() where countries.count >= 2 && parties.isSubset(of: countries) {
            guard let start = events[e].start, EventContext.agrees(year, with: events[e]) else { continue }
            if let articleDate, start > articleDate { continue }
            candidates.append(e)
        }
        let chosen: Int?
        if outcome != nil {
            chosen = candidates.max { (events[$0].end ?? events[$0].start!) < (events[$1].end ?? events[$1].start!) }
        } else {
            chosen = candidates.count == 1 ? candidates[0] : nil
        }
        guard let chosen else { return nil }
        return EventFinder.Reference(event: chosen, paragraph: p.index, start: word, end: word + 1, weekday: nil, byPhrase: false)
    }

    /// The year named after `in` at `k`: `in 2022`, `in early 2022`, `in March 2022` (no day:
    /// a full date names a day, which the date rules handle). Returns the date and the year's index.
    static func year(_ t: [Token], after k: Int, to: Int) -> (EventContext.StatedDate, Int)? {
        var j = k + 1
        if j < to, ["early", "late", "mid", "the"].contains(t[j].key) { j += 1 }
        var date = EventContext.StatedDate()
        if let m = EventContext.month(t, j) { date.month = m; j += 1 }
        guard j < to, t[j].kind == .number, let y = Int(t[j].key), y > 1900, y < 2200 else { return nil }
        // `in 2022 and 2023`, `in 2022-23`: not one year.
        if j + 1 < to, t[j + 1].key == "and" || t[j + 1].mark == "-" || t[j + 1].mark == "\u{2013}", j + 2 < to, t[j + 2].kind == .number { return nil }
        date.year = y
        return (date, j)
    }
}
