import Testing
@testable import Entities

@Suite struct FoldedKeyTableTests {
    @Test func answersAsADictionaryPerSaltWould() {
        var table = FoldedKeyTable<Int>()
        var reference: [UInt64: [String: Int]] = [:]
        let words = ["", "a", "the", "jeanpierre", "cavusoglu", "?", "\u{201C}", "é", "a very long key past fifteen bytes"]
            + (0..<300).map { "w\($0)" }
        for (n, word) in words.enumerated() {
            for salt: UInt64 in [0, 1, 7, 1_000] where (n + Int(salt)) % 3 != 0 {
                table.set(word, salt: salt, n)
                reference[salt, default: [:]][word] = n
            }
        }
        for word in words + ["missing", "w300", "The"] {
            for salt: UInt64 in [0, 1, 7, 1_000, 2] {
                #expect(table.value(for: word, salt: salt) == reference[salt]?[word])
                #expect(table.value(for: word, hash: FoldedKeyHash.of(Array(word.utf8)), salt: salt) == reference[salt]?[word])
            }
        }
    }

    @Test func setUpdatesAnExistingValue() {
        var table = FoldedKeyTable<UInt32>()
        table.set("mr", 1)
        table.set("mr", 4) { $0 |= 4 }
        table.set("dr", 4) { $0 |= 4 }
        #expect(table.value(for: "mr") == 5)
        #expect(table.value(for: "dr") == 4)
        #expect(table.count == 2)
    }

    @Test func punctuationKeysAreTheirMarks() {
        let tokens = Tokenizer.tokenize("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \u{2013} \u{201C}x\u{201D} \u{2026} \u{A7}")
        #expect(tokens.filter(\.isPunct).count >= 36)
        for t in tokens where t.isPunct {
            #expect(t.key == String(Character(t.mark)))
            #expect(t.keyHash == FoldedKeyHash.of(t.key))
            #expect(t.end - t.start == t.key.utf8.count)
        }
    }

    @Test func tokenKeysCarryTheirHashAndLexiconFlags() {
        let tokens = Tokenizer.tokenize("Mr. Lavrov said U.S. officials, the Gen. and Çavuşoğlu’s aide met “today”.")
        for t in tokens {
            #expect(t.keyHash == FoldedKeyHash.of(t.key))
            #expect(t.isInitial == (t.abbreviation && t.key.utf8.count == 1))
            #expect(t.isWord == (t.kind == .word) && t.isPunct == (t.kind == .punct))
        }
        #expect(Tokenizer.tokenize("J. Smith and Æ. Jones, U.S.").filter(\.isInitial).map(\.key) == ["j"])
        for t in tokens where t.isWord {
            #expect(t.lex == (Lexicon.flags[t.key] ?? 0), "\(t.key)")
        }
        #expect(tokens.first { $0.key == "mr" }?.abbreviation == true)
        #expect(tokens.first { $0.key == "gen" }?.abbreviation == true)
        #expect(tokens.first { $0.key == "us" }?.abbreviation == true)
        #expect(tokens.first { $0.key == "said" }?.abbreviation == false)
    }
}
