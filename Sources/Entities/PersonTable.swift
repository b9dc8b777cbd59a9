import ParleyCore

/// The people of one article: registry people and people found only in the text, with their
/// mentions as token spans.
struct PersonTable {
    struct Entry {
        var person: Person
        var registry: Int?
        /// Folded words of the fullest name seen.
        var keys: [String]
        var roles: [String] = []
        /// `sabban` for `Mohammed al-Sabban`.
        var altSurname: String? = nil
    }

    struct Span {
        var paragraph: Int
        var start: Int
        var end: Int
        var person: Int
    }

    var entries: [Entry] = []
    var spans: [Span] = []
    private var byRegistry: [Int: Int] = [:]
    private var byKey: [String: Int] = [:]

    /// The entry of registry person `r`, added when new. `keys` are the folded words of the
    /// person's name (`EntityRecognizer.spellings[r][0]`, tokenized once for the registry).
    mutating func registryPerson(_ r: Int, _ registry: Registry, keys: [String]) -> Int {
        if let i = byRegistry[r] { return i }
        entries.append(Entry(person: registry.people[r], registry: r, keys: keys))
        byRegistry[r] = entries.count - 1
        return entries.count - 1
    }

    mutating func unknownPerson(name: String, keys: [String]) -> Int {
        let k = keys.joined(separator: " ")
        if let i = byKey[k] { return i }
        var entry = Entry(person: Person(id: Slug.make(name, fallback: "person"), name: name, inRegistry: false), registry: nil, keys: keys)
        if let last = name.split(separator: " ").last {
            let parts = last.split(separator: "-")
            if parts.count == 2, ["al", "el", "bin", "ibn", "abu", "ben", "ul"].contains(parts[0].lowercased()) { entry.altSurname = Fold.key(parts[1]) }
        }
        entries.append(entry)
        byKey[k] = entries.count - 1
        return entries.count - 1
    }

    func index(forUnknownKeys keys: [String]) -> Int? { byKey[keys.joined(separator: " ")] }

    static func surname(_ keys: [String]) -> String? {
        var words = keys
        while let last = words.last, words.count > 1, Lexicon.suffixes.contains(last) { words.removeLast() }
        return words.count >= 2 ? words.last : nil
    }

    static func hasSuffix(_ keys: [String]) -> Bool {
        keys.count > 1 && Lexicon.suffixes.contains(keys.last!)
    }

    /// Article people whose surname is `key`, the one without a suffix preferred. When no name
    /// has it, a registry person's aliases count (`aliasSurnames`, by registry index: `oleynik`
    /// for Olena Oliinyk, also spelled `Yelena Oleynik`).
    func bySurname(_ key: String, aliasSurnames: [[String]] = []) -> Int? {
        var found = entries.indices.filter { Self.surname(entries[$0].keys) == key || entries[$0].altSurname == key }
        if found.isEmpty {
            found = entries.indices.filter { i in
                entries[i].registry.map { $0 < aliasSurnames.count && aliasSurnames[$0].contains(key) } ?? false
            }
        }
        if found.count == 1 { return found[0] }
        let plain = found.filter { !Self.hasSuffix(entries[$0].keys) }
        return plain.count == 1 ? plain[0] : nil
    }

    /// An article person whose surname is one small misspelling away (`Jefferies` → `Jeffries`).
    func bySurnameSpelling(_ key: String) -> Int? {
        let found = entries.indices.filter { i in
            guard let surname = Self.surname(entries[i].keys), surname != key, surname.utf8.count >= 5 else { return false }
            return FuzzyMatcher.distance(key, surname, limit: FuzzyMatcher.bound(surname.utf8.count)) != nil
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Article people whose first name is `key` (`Keiko`), when unique.
    func byGivenName(_ key: String) -> Int? {
        let found = entries.indices.filter { entries[$0].keys.count >= 2 && entries[$0].keys.first == key }
        return found.count == 1 ? found[0] : nil
    }

    /// An article person whose name ends with all of `keys` (`Patrick Ho` in `Chi Ping Patrick Ho`).
    func byTail(_ keys: [String], excluding: Int? = nil) -> Int? {
        let found = entries.indices.filter { i in
            i != excluding && entries[i].keys.count > keys.count && Array(entries[i].keys.suffix(keys.count)) == keys
        }
        return found.count == 1 ? found[0] : nil
    }
}
