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

    /// Makes `base` unique against the slugs `taken` so far by appending `-2`, `-3`, … and
    /// records the result.
    public static func unique(_ base: String, in taken: inout SlugSet) -> String {
        taken.claim(base)
    }
}

/// Slugs handed out, for `Slug.unique`. Remembers, for each base, the number its last
/// candidate had: an archive holds hundreds of stories under one headline ("US, Russia agree
/// to continue talks"), and trying `-2`, `-3`, … from the start for each of them took time in
/// the square of their number (4 s of a 100,000-article build). The numbers below the one
/// remembered were all taken when tried, and slugs are never given back, so the slug found is
/// the one a search from `-2` would find.
public struct SlugSet: Sendable {
    private var taken: Set<String> = []
    private var nextNumber: [String: Int] = [:]

    public init() {}

    public func contains(_ slug: String) -> Bool { taken.contains(slug) }

    /// `base`, or `base-N` with the lowest N from 2 not taken yet; taken from then on.
    mutating func claim(_ base: String) -> String {
        var candidate = base
        var n = nextNumber[base] ?? 2
        if taken.contains(candidate) {
            repeat {
                candidate = "\(base)-\(n)"
                n += 1
            } while taken.contains(candidate)
            nextNumber[base] = n
        }
        taken.insert(candidate)
        return candidate
    }
}
