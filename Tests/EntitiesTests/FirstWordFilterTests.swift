import Testing
@testable import Entities

@Suite struct FirstWordFilterTests {
    @Test func neverDeniesAnInsertedHash() {
        var filter = FirstWordFilter()
        let inserted = (0..<5_000).map { FoldedKeyHash.of("w\($0)") }
        for h in inserted { filter.insert(h) }
        for h in inserted { #expect(filter.mayContain(h)) }
    }

    @Test func deniesMostOtherHashes() {
        var filter = FirstWordFilter()
        for n in 0..<500 { filter.insert(FoldedKeyHash.of("w\(n)")) }
        let others = (0..<10_000).map { FoldedKeyHash.of("other\($0)") }
        // 500 of 65,536 bits set: about 0.8 % of other hashes pass; a filter that passes
        // everything would be no filter.
        #expect(others.filter { filter.mayContain($0) }.count < 500)
        #expect(!FirstWordFilter().mayContain(FoldedKeyHash.of("the")))
    }

    /// Every spelling is found where it stands, whatever word starts it, and a text of words that
    /// start no spelling finds nothing: the filter in front of the trie loses no match.
    @Test func automatonFindsEverySpellingItHolds() {
        var automaton = AliasAutomaton()
        let spellings = ["Sergey Lavrov", "Lavrov", "Istanbul", "the Istanbul talks", "U.S.", "NATO", "Jean-Pierre Lacroix"]
            + (0..<300).map { "Person\($0) Surname\($0)" }
        for (i, s) in spellings.enumerated() { automaton.add(s, target: .person(i)) }
        for (i, s) in spellings.enumerated() {
            let tokens = Tokenizer.tokenize("Yesterday " + s + " spoke")
            let found = automaton.matches(in: tokens) { _ in true }
            #expect(found.contains { $0.start == 1 && automaton.entries[$0.entry].target == .person(i) }, "\(s)")
        }
        #expect(automaton.matches(in: Tokenizer.tokenize("Yesterday nobody spoke of Surname7 alone")) { _ in true }.isEmpty)
    }
}
