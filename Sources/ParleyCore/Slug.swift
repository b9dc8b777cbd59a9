/// URL-safe identifiers for pages: lower-case ASCII letters, digits and hyphens.
public enum Slug {
    /// `Mevlüt Çavuşoğlu` → `mevlut-cavusoglu`, `Russia–Ukraine talks` → `russia-ukraine-talks`,
    /// `Putin’s` → `putins`. Never empty, never contains `/` or `.`: `fallback` is used when
    /// nothing is left.
    /// Longer slugs are cut at the last word boundary before `maxLength`.
    public static func make(_ text: String, fallback: String = "untitled", maxLength: Int = 64) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            guard let folded = fold(scalar) else {
                if !out.isEmpty { pendingHyphen = true }
                continue
            }
            if pendingHyphen { out.append("-"); pendingHyphen = false }
            out.append(folded)
            if out.utf8.count > maxLength {
                out = String(out.prefix(maxLength))
                if let cut = out.lastIndex(of: "-") { out = String(out[..<cut]) }
                break
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    /// Lower-case ASCII for a letter or digit (accents dropped), nil for a separator.
    private static func fold(_ s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x30...0x39, 0x61...0x7A: return String(s)
        case 0x41...0x5A: return String(Unicode.Scalar(UInt8(s.value + 32)))
        default: return LatinFold.ascii[s.value]
        }
    }

    /// Makes `base` unique against `taken` by appending `-2`, `-3`, … and records the result.
    public static func unique(_ base: String, in taken: inout Set<String>) -> String {
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
