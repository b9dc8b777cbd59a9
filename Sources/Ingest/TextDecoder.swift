import Foundation
import ParleyCore

/// Turns the bytes of a text file into clean text: UTF-8 (or Windows-1252 when the bytes
/// are not UTF-8), no byte-order mark, `\n` line ends, Unicode NFC.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        public var diagnostics: [Diagnostic]
    }

    public enum Failure: Error, Sendable, Equatable {
        /// The file holds NUL bytes: it is binary, not text.
        case binary(offset: Int)
    }

    public static func decode(_ bytes: [UInt8], file: String) throws(Failure) -> Decoded {
        var diagnostics: [Diagnostic] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) { throw .binary(offset: nul) }

        var text: String
        if let utf8 = String(validating: body, as: UTF8.self) {
            text = utf8
        } else {
            let (line, offset) = firstInvalidUTF8(body)
            text = windows1252(body)
            diagnostics.append(Diagnostic(.warning, step: "ingest", file: file, line: line,
                                          "not valid UTF-8 (first bad byte at offset \(offset)); read as Windows-1252"))
        }
        if text.containsUTF8(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if !isNFCByQuickCheck(text) { text = text.precomposedStringWithCanonicalMapping }
        return Decoded(text: text, diagnostics: diagnostics)
    }

    /// True when every scalar is one that is in NFC whatever surrounds it (Unicode's quick check
    /// gives Yes and it never combines with a neighbour): ASCII and Latin up to U+02FF, Cyrillic
    /// letters, general punctuation such as curly quotes and dashes, and currency signs. Wire
    /// copy is nearly always made of these alone; anything else goes through normalization.
    static func isNFCByQuickCheck(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Scalars read from the bytes: ASCII skipped at once, others decoded (the text is valid UTF-8).
            var i = 0
            let n = bytes.count
            while i < n {
                if bytes[i] < 0x80 { i += 1; continue }
                let (value, length) = UTF8Scalar.decode(bytes, at: i)
                i += length
                switch value {
                case 0..<0x300, 0x400...0x482, 0x48A...0x4FF, 0x2002...0x206F, 0x20A0...0x20BF: continue
                default: return false
                }
            }
            return true
        }
    }

    /// `isNFCByQuickCheck`, scalar by scalar (the reference for tests).
    static func isNFCByQuickCheckOnScalars(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x400...0x482, 0x48A...0x4FF, 0x2002...0x206F, 0x20A0...0x20BF: continue
            default: return false
            }
        }
        return true
    }

    /// Line (1-based) and byte offset of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (line: Int, offset: Int) {
        var line = 1
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 10 { line += 1 }
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, i - bytes.startIndex)
            }
            let end = i + length
            if end > bytes.endIndex || String(validating: bytes[i..<end], as: UTF8.self) == nil {
                return (line, i - bytes.startIndex)
            }
            i = end
        }
        return (line, bytes.count)
    }

    /// Windows-1252: Latin-1 with typographic characters in 0x80–0x9F.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if (0x80...0x9F).contains(b), let mapped = cp1252High[Int(b - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
