import ParleyCore
import Testing

@Suite struct TrimmedTests {
    static let texts = [
        "", " ", "\n", "\r\n", " \r\n\t", "a", " a ", "\ta\t", "  two words  ", "\u{00A0}nbsp\u{00A0}", " \u{00A0} x \u{00A0} ",
        " \u{301}combining first", "ends with a combining space \u{301}", "x \u{301}", " é ", "é", "\u{3000}ideographic\u{3000}",
        "\u{2028}separator", "“quoted”", " “quoted” ", "\u{0600} prepend", "tail \u{0600}", "\u{0085}next line", "a\r\n", "\r\na",
        "\u{1F1FA}\u{1F1F8} flags ", " \u{200D} zwj", "line\u{000B}", "\u{001C}info separator\u{001F}",
    ]

    @Test func bytePathAgreesWithCharacterPath() {
        for text in Self.texts {
            #expect(text.trimmed == text.trimmedByCharacter, "\(text.unicodeScalars.map { $0.value })")
            let sub = ("<" + text + ">").dropFirst().dropLast()
            #expect(sub.trimmed == sub.trimmedByCharacter)
        }
    }

    @Test func containsUTF8() {
        #expect("a[b".containsUTF8(0x5B))
        #expect(!"ab".containsUTF8(0x5B))
        #expect("x\r\n".dropFirst().containsUTF8(13))
        #expect(!"".containsUTF8(0))
    }
}

@Suite struct ScalarsWithOffsetsTests {
    @Test func agreesWithTheScalarView() {
        for text in ["", "a", "ASCII only.", "“Çavuşoğlu” — 10 €", "e\u{301}", "𝔘𝔫𝔦 \u{1F1FA}\u{1F1F8}", "Mevlুতt", "\u{FFFD}x"] {
            let (scalars, offsets) = text.scalarsWithOffsets()
            #expect(scalars == Array(text.unicodeScalars))
            var expected: [Int] = []
            var offset = 0
            for s in text.unicodeScalars { expected.append(offset); offset += UTF8.width(s) }
            expected.append(offset)
            #expect(offsets == expected)
        }
    }
}
