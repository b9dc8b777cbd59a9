/// Resolves a one-word mention (`Blinken`, `Kirby`) to a person: first to a full name given in
/// the same article, then to the registry person when the surname is unique there.
struct SurnameResolver: Sendable {
    /// Folded surname → registry person indices (from canonical names and aliases; a one-word
    /// alias counts as a surname, so one that several people are listed as names none of them).
    var registrySurnames: [String: [Int]] = [:]
    /// Registry people whose names end in a suffix (`Jr.`).
    var suffixed: Set<Int> = []
    /// Per registry person: the surnames of their aliases that differ from the canonical one.
    var aliasSurnames: [[String]] = []

    init(people: [[[String]]]) {
        for (index, spellings) in people.enumerated() {
            var others: [String] = []
            let own = spellings.first.flatMap(PersonTable.surname)
            for (k, keys) in spellings.enumerated() {
                if k > 0, let s = PersonTable.surname(keys), s != own, !others.contains(s) { others.append(s) }
                var words = keys
                if let last = words.last, Lexicon.suffixes.contains(last), words.count > 1 {
                    words.removeLast()
                    suffixed.insert(index)
                }
                guard let surname = words.last else { continue }
                if !(registrySurnames[surname]?.contains(index) ?? false) {
                    registrySurnames[surname, default: []].append(index)
                }
            }
            aliasSurnames.append(others)
        }
    }

    /// Picks one of several people sharing a surname: the one without a suffix when unique.
    func prefer<T>(_ candidates: [T], suffixed isSuffixed: (T) -> Bool) -> T? {
        if candidates.count == 1 { return candidates[0] }
        let plain = candidates.filter { !isSuffixed($0) }
        return plain.count == 1 ? plain[0] : nil
    }

    func registryPerson(surname: String) -> Int? {
        guard let list = registrySurnames[surname] else { return nil }
        return prefer(list, suffixed: { suffixed.contains($0) })
    }
}
