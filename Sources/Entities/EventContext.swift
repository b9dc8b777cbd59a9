import ParleyCore

/// What the words around an event reference say about it: a date that qualifies it (`the
/// October 2021 talks in Geneva`, `talks in Geneva in August 2019`), a sentence that looks
/// forward (`the next round of talks could be held in Vienna`), or a date that is only when
/// something was said (`told reporters on February 27`).
///
/// All tests read a few tokens on either side, within the sentence.
enum EventContext {
    /// A calendar date named in the text; any part may be missing.
    struct StatedDate: Equatable {
        var year: Int?
        var month: Int?
        var day: Int?
    }

    /// True when `date` can name a day of `event` (every part that is given agrees).
    static func agrees(_ date: StatedDate, with event: Event) -> Bool {
        guard let start = event.start else { return true }
        let end = event.end ?? start
        var d = start
        var steps = 0
        while d <= end && steps < 400 {
            if date.year.map({ $0 == d.year }) ?? true, date.month.map({ $0 == d.month }) ?? true,
               date.day.map({ $0 == d.day }) ?? true { return true }
            d = d.adding(days: 1)
            steps += 1
        }
        return false
    }

    // MARK: A date qualifying the reference

    /// The date written right before the reference at `start..<end`, else right after it.
    static func statedDate(_ t: [Token], start: Int, end: Int) -> StatedDate? {
        dateBefore(t, start) ?? dateAfter(t, end)
    }

    /// The date written right before a reference (`the January 2022 Geneva talks`, `the August 8
    /// round of talks in Antalya`, `the 2018 summit`), over a few lower-case qualifiers.
    static func dateBefore(_ t: [Token], _ start: Int) -> StatedDate? {
        guard start > 0 else { return nil }
        let sentence = t[start].sentence
        var j = start - 1
        var skipped = 0
        // Qualifiers: `humanitarian`, `expert-level`, `prisoner exchange`, `round of`.
        while j >= 0, skipped < 4, t[j].sentence == sentence {
            let tok = t[j]
            let qualifier = tok.isWord && !tok.capitalized && (tok.lex & Lex.functionWords == 0 || tok.key == "of")
            guard qualifier || (tok.isPunct && tok.mark == "-") else { break }
            j -= 1
            skipped += 1
        }
        guard j >= 0, t[j].sentence == sentence else { return nil }
        if t[j].kind == .number, let n = Int(t[j].key) {
            if n > 1900 && n < 2200 {
                var date = StatedDate(year: n)
                // `March 2015`, `March 2, 2015`, `2 March 2015`.
                var k = j - 1
                if k >= 0, t[k].isPunct, t[k].mark == "," { k -= 1 }
                if let m = month(t, k) {
                    date.month = m
                    if k >= 1, t[k - 1].kind == .number, let d = Int(t[k - 1].key), (1...31).contains(d) { date.day = d }
                } else if k >= 1, t[k].kind == .number, let d = Int(t[k].key), (1...31).contains(d), let m = month(t, k - 1) {
                    date.month = m
                    date.day = d
                }
                return date
            }
            if (1...31).contains(n), j >= 1, let m = month(t, j - 1) { return StatedDate(month: m, day: n) }
            return nil
        }
        if let m = month(t, j) {
            // `17 December talks`
            if j >= 1, t[j - 1].kind == .number, let d = Int(t[j - 1].key), (1...31).contains(d) { return StatedDate(month: m, day: d) }
            return StatedDate(month: m)
        }
        return nil
    }

    /// The date written right after a reference: `… in August 2019`, `… in 2022`, `… on March 29`.
    static func dateAfter(_ t: [Token], _ end: Int) -> StatedDate? {
        guard end + 1 < t.count, t[end].sentence == t[end - 1].sentence,
              t[end].key == "in" || t[end].key == "on" else { return nil }
        var k = end + 1
        if t[k].key == "the" || t[k].key == "early" || t[k].key == "late" || t[k].key == "mid" { k += 1 }
        guard k < t.count else { return nil }
        if let m = month(t, k) {
            var date = StatedDate(month: m)
            var next = k + 1
            if next < t.count, t[next].kind == .number, let d = Int(t[next].key), (1...31).contains(d) {
                date.day = d
                next += 1
                if next < t.count, t[next].isPunct, t[next].mark == "," { next += 1 }
            }
            if next < t.count, t[next].kind == .number, let y = Int(t[next].key), y > 1900 && y < 2200 { date.year = y }
            return date
        }
        if t[k].kind == .number, let n = Int(t[k].key) {
            if n > 1900 && n < 2200 { return StatedDate(year: n) }
            if (1...31).contains(n), k + 1 < t.count, let m = month(t, k + 1) {
                var date = StatedDate(month: m, day: n)
                if k + 2 < t.count, t[k + 2].kind == .number, let y = Int(t[k + 2].key), y > 1900 && y < 2200 { date.year = y }
                return date
            }
        }
        return nil
    }

    /// The month named by a capitalized month word at `k` (`March`, `Sept.`), else nil.
    static func month(_ t: [Token], _ k: Int) -> Int? {
        guard k >= 0, k < t.count, t[k].isWord, t[k].capitalized, t[k].lex & Lex.months != 0 || t[k].abbreviation else { return nil }
        return EventFinder.monthNumbers[t[k].key]
    }

    // MARK: A meeting still to come

    /// Words before a meeting word that make it a meeting still to come: `the next round of talks`.
    static let comingWords: Set<String> = Lexicon.set("next upcoming forthcoming planned proposed possible future prospective")
    /// Words after a meeting noun that make it a meeting still to come: `talks could be held`.
    static let modals: Set<String> = Lexicon.set("will could would may might shall should can")
    /// `are expected`, `is scheduled`, `are set to`: still to come (present tense only: `were
    /// expected to` tells of a meeting that has been held).
    static let plannedWords: Set<String> = Lexicon.set("expected scheduled planned set due slated likely to")

    /// True when the meeting named at `start..<end` is one still to come: a coming word shortly
    /// before it (`next round of talks in Geneva`), `before`/`ahead of` right before it, a modal
    /// between the meeting word and its place (`talks could be held in Vienna`), or a modal or
    /// `is/are expected` right after it (`the negotiations in Minsk are expected to focus on …`).
    static func looksForward(_ t: [Token], start: Int, end: Int) -> Bool {
        let sentence = t[start].sentence
        var j = start - 1
        var seen = 0
        while j >= 0, seen < 4, t[j].sentence == sentence, t[j].isWord {
            let key = t[j].key
            if comingWords.contains(key) { return true }
            if key == "before" || key == "ahead" || key == "pending" { return true }
            // `the next round of talks`, `ahead of the talks`, `before new talks`.
            guard key == "the" || key == "of" || key == "round" || key == "rounds" || key == "a" || key == "new"
                || (!t[j].capitalized && t[j].lex & Lex.functionWords == 0 && seen < 2) else { break }
            j -= 1
            seen += 1
        }
        for k in start..<end where t[k].isWord && !t[k].capitalized && modals.contains(t[k].key) { return true }
        for k in start..<end where t[k].key == "be" && k + 1 < end && t[k + 1].key == "held" { return true }
        guard end < t.count, t[end].sentence == sentence, t[end].isWord else { return false }
        if modals.contains(t[end].key), !t[end].capitalized { return true }
        if t[end].key == "is" || t[end].key == "are", end + 1 < t.count, plannedWords.contains(t[end + 1].key) { return true }
        return false
    }

    // MARK: A date that is when something was said

    /// True when the date starting at `from` is when a statement was made: `on` right before it,
    /// with a speech verb just before that (`said on March 3`, `told reporters on March 3`).
    static func isStatementTime(_ t: [Token], from: Int) -> Bool {
        guard from >= 2, t[from - 1].key == "on" else { return false }
        let sentence = t[from].sentence
        for j in stride(from: from - 2, through: max(0, from - 4), by: -1) where t[j].sentence == sentence {
            if t[j].lex & Lex.speechVerbs != 0 { return true }
            if !t[j].isWord || t[j].capitalized { break }
        }
        return false
    }

    // MARK: `meeting` as a verb

    /// True when the `meeting` at `k` is the verb, with the person met after it: `after meeting
    /// Blinken in Vienna`, `after meeting bin Farhan in Moscow`, not a meeting that was held.
    static func isVerbMeeting(_ t: [Token], _ k: Int, labels: [TokenLabel]) -> Bool {
        guard t[k].key == "meeting" || t[k].key == "meetings", k + 1 < t.count, t[k + 1].sentence == t[k].sentence else { return false }
        let next = t[k + 1]
        if case .person = labels[k + 1] { return true }
        // `after meeting bin Farhan in Moscow`: a name that opens with a lower-case particle.
        if next.isWord, !next.capitalized, next.lex & Lex.connectors != 0, k + 2 < t.count, t[k + 2].sentence == t[k].sentence,
           t[k + 2].isWord, t[k + 2].capitalized { return true }
        return next.isWord && next.capitalized && next.lex & (Lex.months | Lex.weekdays) == 0
    }
}
