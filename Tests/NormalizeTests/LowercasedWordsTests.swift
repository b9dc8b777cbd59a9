import Testing
@testable import Normalize

@Suite struct LowercasedWordsTests {
    static let texts = [
        "", " ", "“”", "The talks in Gomel ended. THE TALKS in gomel ended!",
        "Mevlüt Çavuşoğlu met MEVLÜT ÇAVUŞOĞLU and mevlüt çavuşoğlu",
        "Cafe\u{301} café CAFÉ Café", // decomposed and precomposed: equal as Strings
        "Straße STRASSE strasse İstanbul ISTANBUL istanbul",
        "Сергей Лавров СЕРГЕЙ ЛАВРОВ said “yes”—and ‘no’… 2023, 10:30",
        "x\u{301}\u{302} \u{301}alone 42nd 4\u{2009}000 Kelvin \u{212A}m km",
        "Mevlুতt Çavuşoğlu’s visit; don’t, O’Connor, Jean-Pierre",
        "a b c d e f g a b c",
        "Talks ended in Gomel without a breakthrough, officials said on Monday.",
    ]

    @Test func wordsAreFoldedWords() {
        for text in Self.texts {
            var words: [String] = []
            LowercasedWords.forEach(in: text, ascii: { words.append(String(decoding: $0, as: UTF8.self)) },
                                    other: { words.append($0) })
            #expect(words == TextScanning.foldedWords(text), "\(text)")
        }
    }

    @Test func missingCountsAgreeWithBags() {
        for need in Self.texts {
            let bag = LowercasedWordBag(need)
            let reference = TextScanning.bag(TextScanning.foldedWords(need))
            #expect(bag.total == TextScanning.foldedWords(need).count)
            for have in Self.texts + [need, need + " " + need] {
                let haveBag = TextScanning.bag(TextScanning.foldedWords(have))
                var missing = 0
                for (w, n) in reference { missing += max(0, n - (haveBag[w] ?? 0)) }
                #expect(bag.missing(from: have) == missing, "\(need) / \(have)")
            }
        }
    }

    @Test func manyDistinctWordsGrowTheTable() {
        let text = (0..<500).map { "w\($0)" }.joined(separator: " ")
        let bag = LowercasedWordBag(text)
        #expect(bag.total == 500)
        #expect(bag.missing(from: text) == 0)
        #expect(bag.missing(from: "W1 w2 w2") == 498)
    }
}

@Suite struct NonASCIILetterTests {
    /// The byte rule scanned index by index, as on a non-contiguous view.
    static func reference(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0xC2 || b == 0xC2 { i += 1; continue }
            if b == 0xE2, i + 1 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 { i += 1; continue }
            return true
        }
        return false
    }

    @Test func contiguousScanAgreesWithTheRule() {
        for line in ["", "ascii", "“quoted” — ©2023 …", "é", "Mevlুতt", "\u{2070}", "\u{20AC}", "x\u{00A0}y", "Сергей", "\u{E2}"] {
            #expect(MixedScriptDetector.hasNonASCIILetter(Substring(line).utf8) == Self.reference(line), "\(line)")
        }
    }
}
