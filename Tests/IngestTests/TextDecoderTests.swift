import Foundation
@testable import Ingest
import ParleyCore
import Testing

@Suite struct TextDecoderTests {
    @Test func stripsByteOrderMarkAndNormalizesLineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthree\n".utf8)
        let decoded = try TextDecoder.decode(bytes, file: "a.txt")
        #expect(decoded.text == "one\ntwo\nthree\n")
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func composesToNFC() throws {
        let decomposed = "Mevlu\u{0308}t C\u{0327}avus\u{0327}og\u{0306}lu"
        let decoded = try TextDecoder.decode(Array(decomposed.utf8), file: "a.txt")
        #expect(decoded.text.unicodeScalars.map(\.value) == "Mevlüt Çavuşoğlu".unicodeScalars.map(\.value))
    }

    /// The scalars normalization skips are in NFC alone and beside any other of them.
    @Test func quickCheckAcceptsOnlyTextAlreadyInNFC() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x2FF, 0x400...0x482, 0x48A...0x4FF, 0x2002...0x206F, 0x20A0...0x20BF]
        let scalars = ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
        for (i, scalar) in scalars.enumerated() {
            let pair = String(String.UnicodeScalarView([scalar, scalars[(i * 7919) % scalars.count], scalar]))
            #expect(TextDecoder.isNFCByQuickCheck(pair))
            #expect(pair.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(pair.unicodeScalars), "U+\(String(scalar.value, radix: 16))")
        }
        for text in ["e\u{301}", "\u{2126}", "\u{1100}\u{1161}", "A\u{30A}", "\u{483}"] {
            #expect(!TextDecoder.isNFCByQuickCheck(text), "\(text.debugDescription)")
        }
    }

    @Test func readsWindows1252WithAWarning() throws {
        // “Kyiv” – café, in Windows-1252, on line 2.
        let bytes: [UInt8] = Array("title\n".utf8) + [0x93, 0x4B, 0x79, 0x69, 0x76, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xE9]
        let decoded = try TextDecoder.decode(bytes, file: "articles/x.txt")
        #expect(decoded.text == "title\n“Kyiv” – café")
        let warning = try #require(decoded.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.file == "articles/x.txt")
        #expect(warning.line == 2)
        #expect(warning.message.contains("Windows-1252"))
    }

    @Test func rejectsBinary() {
        #expect(throws: TextDecoder.Failure.binary(offset: 3)) {
            try TextDecoder.decode([0x61, 0x62, 0x63, 0x00, 0x01], file: "a.txt")
        }
    }
}
