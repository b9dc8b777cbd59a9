import ParleyCore

/// Finds registry events an article refers to: by their phrases, by their place next to a
/// meeting word (`a face-to-face meeting took place in Istanbul`), by their date
/// (`since February 28`), or by their month next to a participant (`In June, Putin …`).
/// An event after the article's date cannot be referred to and is dropped.
struct EventFinder: Sendable {
    struct Reference: Sendable {
        var event: Int
        var paragraph: Int
        /// Token range that names it (for the mention).
        var start: Int
        var end: Int
        /// A weekday named in the same sentence (1 = Monday … 7 = Sunday).
        var weekday: Int?
        /// Found by a phrase (strong) rather than place, date or month evidence.
        var byPhrase: Bool
        /// What leaves this reference open to several events, weighed against the others it
        /// could be (`withoutAmbiguousPlaces`); nil for a reference that names its event.
        var openTo: Openness? = nil
    }

    /// Evidence that names no event by itself.
    enum Openness: Hashable, Sendable {
        /// A place next to a meeting word (the place's key): several meetings may have been held there.
        case place(String)
        /// A name several events share (its folded words).
        case sharedName(String)
    }

    let events: [Event]
    /// Folded place spellings → event indices (for place + meeting word).
    let eventPlaceKeys: [String: [Int]]
    /// Folded spellings of each event's place (empty when it has none).
    let placeKeysOfEvent: [Set<String>]

    /// Words before a place that tell where a meeting was held (`talks in Istanbul`).
    static let placePrepositions = ["in", "at", "near"]

    static let meetingWords: Set<String> = Lexicon.set("talks meeting meetings summit negotiations negotiation round rounds")

    init(events: [Event], placeSpellings: (String) -> [String]) {
        self.events = events
        let placeKeysOfEvent = events.map { e in Set((e.place.map(placeSpellings) ?? []).map { Fold.key($0) }) }
        self.placeKeysOfEvent = placeKeysOfEvent
        var keys: [String: [Int]] = [:]
        for (i, e) in events.enumerated() {
            // Only meetings are found by place: their name or phrases have a meeting word.
            let words = ([e.name] + e.phrases).flatMap { Tokenizer.tokenize($0).map(\.key) }
            guard words.contains(where: { Self.meetingWords.contains($0) }) else { continue }
            for k in placeKeysOfEvent[i] { keys[k, default: []].append(i) }
        }
        self.eventPlaceKeys = keys
    }

    func find(_ paragraphs: [ParagraphText], phraseMatches: [[AliasAutomaton.Match]], eventOf: (Int) -> Int,
              sharedName: (Int) -> String? = { _ in nil }, placeName: (Int) -> String, personRegistryAt: (Int, Int) -> Int?, participantIDs: [Set<Int>],
              articleDate: Day?, dateIsLowerBound: Bool = false) -> [Reference] {
        var refs: [Reference] = []
        for p in paragraphs {
            let t = p.tokens
            let weekdayOfSentence = weekdays(p)
            var phraseRefs: [Reference] = []
            for m in phraseMatches[p.index] {
                let event = eventOf(m.entry)
                guard phraseStands(t, start: m.start, end: m.end, event: events[event]) else { continue }
                // A name several events share is weighed like a place: it stands when one is left.
                let shared = sharedName(m.entry)
                phraseRefs.append(Reference(event: event, paragraph: p.index, start: m.start, end: m.end,
                                            weekday: weekdayOfSentence[t[m.start].sentence], byPhrase: shared == nil,
                                            openTo: shared.map(Openness.sharedName)))
            }
            var found: [Reference] = []
            // Place next to a meeting word in the same sentence.
            var k = 0
            while k < t.count {
                guard case .place(let place) = p.labels[k], p.matchStart[k] == k else { k += 1; continue }
                let end = p.matchEnd[k]
                // `talks in Istanbul`, `a meeting took place in Istanbul`: a meeting word shortly before `in <place>`.
                guard k >= 2, Self.placePrepositions.contains(t[k - 1].key) else { k = end; continue }
                let key = Fold.key(placeName(place))
                if let list = eventPlaceKeys[key] {
                    let sentence = t[k].sentence
                    var meeting: Int? = nil
                    for j in stride(from: k - 2, through: max(0, k - 6), by: -1) where t[j].sentence == sentence && Self.meetingWords.contains(t[j].key) {
                        meeting = j
                        break
                    }
                    if let meeting, !EventContext.isVerbMeeting(t, meeting, labels: p.labels) {
                        let start = min(meeting, k), stop = max(meeting + 1, end)
                        let stated = EventContext.statedDate(t, start: start, end: stop)
                        // A meeting still to come is not one the registry lists as held.
                        if stated != nil || !EventContext.looksForward(t, start: start, end: stop) {
                            for e in list where stated.map({ EventContext.agrees($0, with: events[e]) }) ?? true {
                                found.append(Reference(event: e, paragraph: p.index, start: start, end: stop,
                                                       weekday: weekdayOfSentence[sentence], byPhrase: false, openTo: .place(key)))
                            }
                        }
                    }
                }
                k = end
            }
            // Dates: `February 24`, `24 February`, optionally with a year.
            for i in t.indices where t[i].isWord && t[i].capitalized && (t[i].lex & Lex.months != 0) && p.labels[i] == .none {
                guard let month = monthNumber(t[i].key) else { continue }
                var day: Int? = nil
                var last = i
                if i + 1 < t.count, t[i + 1].kind == .number, let d = Int(t[i + 1].key), (1...31).contains(d) { day = d; last = i + 1 }
                else if i > 0, t[i - 1].kind == .number, let d = Int(t[i - 1].key), (1...31).contains(d) { day = d }
                var year: Int? = nil
                if last + 1 < t.count, t[last + 1].kind == .number, let y = Int(t[last + 1].key), y > 1900 { year = y; last += 1 }
                else if last + 2 < t.count, t[last + 1].mark == ",", t[last + 2].kind == .number, let y = Int(t[last + 2].key), y > 1900 { year = y; last += 2 }
                let from = day != nil && t[i - 1 < 0 ? 0 : i - 1].kind == .number && last == i ? i - 1 : i
                // `told reporters on March 3`: when something was said, not an event.
                if year == nil, EventContext.isStatementTime(t, from: from) { continue }
                let meetingPlace = placeOfMeeting(after: last + 1, p, placeName: placeName)
                for (e, event) in events.enumerated() {
                    guard let start = event.start, start.month == month else { continue }
                    if let year, start.year != year { continue }
                    if let day {
                        guard start.day == day else { continue }
                        // Without a year, a day and month name the last such day before the article.
                        if year == nil, !dateIsLowerBound, let articleDate, !(articleDate.adding(days: -366) < start) { continue }
                    } else {
                        // A bare month counts only next to one of the event's participants.
                        let sentence = t[i].sentence
                        let named = t.indices.contains { j in
                            t[j].sentence == sentence && (personRegistryAt(p.index, j).map { participantIDs[e].contains($0) } ?? false)
                        }
                        guard named else { continue }
                    }
                    // `the May 13 energy talks in Oslo` is not a meeting held elsewhere.
                    if let meetingPlace, !placeKeysOfEvent[e].isEmpty, !placeKeysOfEvent[e].contains(meetingPlace) { continue }
                    found.append(Reference(event: e, paragraph: p.index, start: from, end: last + 1,
                                           weekday: weekdayOfSentence[t[i].sentence], byPhrase: day != nil))
                }
            }
            // A reference inside a longer phrase of another event is part of that one's name:
            // `talks in Geneva` in `prisoner exchange talks in Geneva`, `January 12` in `January 12
            // session of the NATO-Russia Council`.
            for ref in phraseRefs + found where !phraseRefs.contains(where: { other in
                other.event != ref.event && other.start <= ref.start && ref.end <= other.end
                    && other.end - other.start > ref.end - ref.start
            }) {
                refs.append(ref)
            }
        }
        Self.shortenedMentions(&refs, paragraphs)
        // An inferred date is only the earliest the article can be: a phrase naming a later event
        // shows the article is later (the caller moves the date and then drops later events).
        if let articleDate, !dateIsLowerBound {
            refs.removeAll { ref in (events[ref.event].start.map { $0 > articleDate } ?? false) }
            // A weekday that resolves against the article date must fall within a place-matched event.
            refs.removeAll { ref in
                guard !ref.byPhrase, let wd = ref.weekday, let start = events[ref.event].start else { return false }
                let back = (articleDate.weekday - wd + 7) % 7
                let day = articleDate.adding(days: -back)
                return !events[ref.event].contains(day) && start < articleDate.adding(days: -6)
            }
        }
        // A shared name when the article names another meeting held at its place (`the August
        // 2024 talks in Istanbul … the Istanbul talks`) is that meeting (none when it names several).
        let named = Set(refs.filter { $0.openTo == nil }.map(\.event))
        refs = refs.compactMap { ref in
            guard case .sharedName? = ref.openTo, !named.contains(ref.event) else { return ref }
            let others = named.filter { !placeKeysOfEvent[$0].isDisjoint(with: placeKeysOfEvent[ref.event]) }
            guard !others.isEmpty else { return ref }
            guard others.count == 1 else { return nil }
            var moved = ref
            moved.event = others.first!
            moved.openTo = nil
            return moved
        }
        return Self.withoutAmbiguousPlaces(refs)
    }

    /// A phrase match stands unless a date written next to it disagrees with the event (`the
    /// October 2021 humanitarian talks in Vatican City`), or, for a meeting named without a date,
    /// the sentence tells of it as still to come (`the negotiations in Minsk are expected to …`).
    private func phraseStands(_ t: [Token], start: Int, end: Int, event: Event) -> Bool {
        var dated = false
        var meeting = false
        for k in start..<end {
            if t[k].kind == .number || (t[k].capitalized && t[k].lex & Lex.months != 0) { dated = true }
            if Self.meetingWords.contains(t[k].key) { meeting = true }
        }
        if dated { return true }
        if let stated = EventContext.statedDate(t, start: start, end: end) {
            return EventContext.agrees(stated, with: event)
        }
        return !(meeting && EventContext.looksForward(t, start: start, end: end))
    }

    /// The folded place of a meeting named right after a date: `(May 13) energy talks in Oslo` → `oslo`.
    private func placeOfMeeting(after k: Int, _ p: ParagraphText, placeName: (Int) -> String) -> String? {
        let t = p.tokens
        guard k < t.count else { return nil }
        let sentence = t[k - 1].sentence
        var j = k
        var sawMeeting = false
        while j < min(t.count, k + 6), t[j].sentence == sentence {
            if Self.meetingWords.contains(t[j].key) { sawMeeting = true }
            else if sawMeeting, t[j].key == "in", j + 1 < t.count, case .place(let place) = p.labels[j + 1] {
                return Fold.key(placeName(place))
            } else if !(t[j].isWord && !t[j].capitalized) && !(t[j].isPunct && t[j].mark == "-") {
                return nil
            }
            j += 1
        }
        return nil
    }

    /// A phrase of one event standing inside the words of a longer phrase the article gives
    /// another event refers to that one: after `the October 17 round of talks in Riyadh`, `the
    /// round of talks in Riyadh` is that round, not the event whose phrase is `talks in Riyadh`.
    /// The text must go on beyond the shorter phrase with the longer one's words (`round of`), so
    /// `the talks in Riyadh` alone keeps its own event.
    static func shortenedMentions(_ refs: inout [Reference], _ paragraphs: [ParagraphText]) {
        let named = refs.filter(\.byPhrase)
        guard let first = named.first, named.contains(where: { $0.event != first.event }) else { return }
        // Each named span as 64-bit key hashes, which stand for the folded words.
        func hashes(_ r: Reference) -> [UInt64] { paragraphs[r.paragraph].tokens[r.start..<r.end].map(\.keyHash) }
        let longs = named.map(hashes)
        for i in refs.indices where refs[i].byPhrase {
            let a = refs[i]
            let t = paragraphs[a.paragraph].tokens
            let short = hashes(a)
            for (n, b) in named.enumerated() where b.event != a.event && longs[n].count > short.count {
                let long = longs[n]
                guard let offset = (0...(long.count - short.count)).first(where: { o in (0..<short.count).allSatisfy { long[o + $0] == short[$0] } }) else { continue }
                let before = offset > 0 && a.start > 0 && t[a.start - 1].sentence == t[a.start].sentence && t[a.start - 1].keyHash == long[offset - 1]
                let afterAt = offset + short.count
                let after = afterAt < long.count && a.end < t.count && t[a.end].sentence == t[a.end - 1].sentence && t[a.end].keyHash == long[afterAt]
                guard before || after else { continue }
                refs[i].event = b.event
                break
            }
        }
    }

    /// A place where several registry meetings were held does not tell which of them `talks in
    /// Istanbul` means: such a reference stands only when it leaves one meeting (after the
    /// date checks) or names an event the article refers to in another way.
    static func withoutAmbiguousPlaces(_ refs: [Reference]) -> [Reference] {
        struct Spot: Hashable {
            var paragraph: Int
            var start: Int
            var openTo: Openness
        }
        var candidates: [Spot: Set<Int>] = [:]
        var named = Set<Int>()
        for ref in refs {
            if let openTo = ref.openTo {
                candidates[Spot(paragraph: ref.paragraph, start: ref.start, openTo: openTo), default: []].insert(ref.event)
            } else {
                named.insert(ref.event)
            }
        }
        return refs.filter { ref in
            guard let openTo = ref.openTo else { return true }
            return named.contains(ref.event) || candidates[Spot(paragraph: ref.paragraph, start: ref.start, openTo: openTo)]!.count == 1
        }
    }

    /// The weekday named in each sentence (`on Tuesday`, `Tuesday’s talks`), by sentence index.
    private func weekdays(_ p: ParagraphText) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for k in p.tokens.indices where p.tokens[k].lex & Lex.weekdays != 0 && p.tokens[k].capitalized {
            if let n = Self.weekdayNumbers[p.tokens[k].key] { out[p.tokens[k].sentence] = n }
        }
        return out
    }

    static let monthNumbers: [String: Int] = {
        var out: [String: Int] = [:]
        for (i, name) in Day.monthNames.enumerated() { out[Fold.key(name)] = i + 1 }
        for (i, k) in ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].enumerated() where !k.isEmpty { out[k] = i + 1 }
        out["sept"] = 9
        return out
    }()

    static let weekdayNumbers: [String: Int] = {
        var out: [String: Int] = [:]
        for (i, name) in Day.weekdayNames.enumerated() { out[Fold.key(name)] = i + 1 }
        return out
    }()

    func monthNumber(_ key: String) -> Int? { Self.monthNumbers[key] }
}
