/// One token trie over every spelling the recognizer knows: registry people, places,
/// organizations, event phrases, and the built-in gazetteer and titles. Built once.
///
/// Matching walks the trie from each token; a spelling matches when its tokens' folded keys
/// are equal and every capitalized word of the spelling is capitalized in the text (all-caps
/// spellings such as `US` or `WHO` must be all caps), so `turkey` and `Us` do not match.
struct AliasAutomaton: Sendable {
    enum Target: Sendable, Hashable {
        case person(Int)
        case place(Int)
        case organization(Int)
        case event(Int)
        case title
    }

    struct Entry: Sendable {
        var target: Target
        /// Per token: 0 = any case, 1 = capitalized, 2 = all caps.
        var caseRule: [UInt8]
        var length: Int
        /// Lower wins among spellings of the same length.
        var rank: Int
    }

    struct Match: Sendable {
        var start: Int
        /// Token index past the last token.
        var end: Int
        var entry: Int
    }

    /// Edges of the trie: (node as salt, token key) → child node.
    private var children = FoldedKeyTable<Int32>()
    private var terminals: [[Int32]] = [[]]
    /// Per node: a spelling's word reached there is possessive (`the alliance’s summit`), so a
    /// possessive in the text does not end the match.
    private var possessiveNodes: [Bool] = [false]
    private(set) var entries: [Entry] = []
    /// The words that start a spelling, as a filter probed before the trie: most tokens start
    /// none, and the filter (8 KiB) answers for them without a probe of the larger edge table.
    private var firstWords = FirstWordFilter()

    /// Adds `spelling` for `target`. `caseSensitive` false ignores case (event phrases, titles).
    mutating func add(_ spelling: String, target: Target, caseSensitive: Bool = true, rank: Int = 0) {
        let tokens = Tokenizer.tokenize(spelling)
        guard !tokens.isEmpty else { return }
        var node = 0
        var rule: [UInt8] = []
        firstWords.insert(tokens[0].keyHash)
        for t in tokens {
            if let next = children.value(for: t.key, hash: t.keyHash, salt: UInt64(node)) {
                node = Int(next)
            } else {
                terminals.append([])
                possessiveNodes.append(false)
                let next = terminals.count - 1
                children.set(t.key, salt: UInt64(node), Int32(next))
                node = next
            }
            if t.possessive { possessiveNodes[node] = true }
            if !caseSensitive || !t.isWord { rule.append(0) } else if t.allCaps { rule.append(2) } else if t.capitalized { rule.append(1) } else { rule.append(0) }
        }
        // Skip exact duplicates (same target, same tokens).
        for e in terminals[node] where entries[Int(e)].target == target { return }
        entries.append(Entry(target: target, caseRule: rule, length: tokens.count, rank: rank))
        terminals[node].append(Int32(entries.count - 1))
    }

    /// All matches starting at each token (including overlapping ones), filtered by `accept`.
    func matches(in tokens: [Token], accept: (Target) -> Bool) -> [Match] {
        var out: [Match] = []
        for i in tokens.indices where firstWords.mayContain(tokens[i].keyHash) {
            var node = 0
            var j = i
            while j < tokens.count {
                guard let next = children.value(for: tokens[j].key, hash: tokens[j].keyHash, salt: UInt64(node)) else { break }
                node = Int(next)
                j += 1
                for e in terminals[node] {
                    let entry = entries[Int(e)]
                    guard accept(entry.target), caseMatches(entry, tokens, from: i) else { continue }
                    out.append(Match(start: i, end: j, entry: Int(e)))
                }
                // A possessive ends a name (`Biden’s Press` is not one name), unless the spelling
                // has it there (`the foreign ministers’ meeting in Antalya`).
                if tokens[j - 1].possessive, !possessiveNodes[node] { break }
            }
        }
        return out
    }

    private func caseMatches(_ entry: Entry, _ tokens: [Token], from i: Int) -> Bool {
        for k in 0..<entry.length {
            switch entry.caseRule[k] {
            case 1: if !tokens[i + k].capitalized { return false }
            case 2: if !tokens[i + k].allCaps && tokens[i + k].key.utf8.count > 1 { return false }
                    if tokens[i + k].key.utf8.count == 1 && !tokens[i + k].capitalized { return false }
            default: break
            }
        }
        return true
    }
}
