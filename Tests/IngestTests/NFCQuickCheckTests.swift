import Testing
@testable import Ingest

@Suite struct NFCQuickCheckTests {
    @Test func byteScanAgreesWithScalarScan() {
        let texts = ["", "plain ASCII", "“curly” — dashes… €100", "Çavuşoğlu", "Сергей", "e\u{301}", "\u{0300}", "\u{0483}",
                     "\u{0489}x", "\u{2001}", "\u{2070}", "\u{20C0}", "한국", "𝔘", "ǅ", "\u{02FF}\u{0300}", "Ё\u{0308}"]
        for text in texts {
            #expect(TextDecoder.isNFCByQuickCheck(text) == TextDecoder.isNFCByQuickCheckOnScalars(text), "\(text.debugDescription)")
        }
    }
}
