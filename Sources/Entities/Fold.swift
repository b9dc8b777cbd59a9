import ParleyCore
/// Folding of letters for matching: lower-case ASCII with accents dropped.
///
/// A run of letters from another script inside a Latin word (an encoding accident such as
/// `Mevlুতt`) folds to one `?`, which the fuzzy matcher treats as one unknown letter.
enum Fold {
    static let wildcard: UInt8 = UInt8(ascii: "?")

    /// Appends the folded form of `s` to `out`. Returns false when `s` is not a Latin letter
    /// or digit (the caller decides what to do with other scripts).
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to out: inout [UInt8]) -> Bool {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x61...0x7A: out.append(UInt8(v)); return true
            case 0x41...0x5A: out.append(UInt8(v + 32)); return true
            default: return false
            }
        }
        if let folded = LatinFold.asciiBytes[v] {
            out.append(contentsOf: folded)
            return true
        }
        return false
    }

    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || LatinFold.asciiBytes[v] != nil
    }

    /// Folds a whole word (letters and digits only; everything else dropped).
    static func key(_ text: Substring) -> String {
        var out: [UInt8] = []
        var inForeign = false
        for s in text.unicodeScalars {
            if append(s, to: &out) {
                inForeign = false
            } else if s.properties.isAlphabetic {
                if !inForeign { out.append(wildcard) }
                inForeign = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func key(_ text: String) -> String { key(text[...]) }
}
