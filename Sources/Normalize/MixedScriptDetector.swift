import ParleyCore

/// Finds words that mix writing systems, such as `Mevl` + two Bengali letters + `t`
/// (an encoding accident for `Mevlüt`). Reports them; never changes the text.
struct MixedScriptDetector {
    enum Script: String, CaseIterable {
        case latin = "Latin", greek = "Greek", cyrillic = "Cyrillic", armenian = "Armenian"
        case hebrew = "Hebrew", arabic = "Arabic", devanagari = "Devanagari", bengali = "Bengali"
        case gurmukhi = "Gurmukhi", gujarati = "Gujarati", tamil = "Tamil", thai = "Thai"
        case georgian = "Georgian", hangul = "Hangul", cjk = "CJK", other = "other"
    }

    /// The script of a letter or mark; nil for scalars that belong to no script
    /// (digits, punctuation, combining diacritics shared by all scripts).
    static func script(_ s: Unicode.Scalar) -> Script? {
        let v = s.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A: return .latin
        case 0x00...0x7F: return nil
        case 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F:
            return (v == 0xD7 || v == 0xF7) ? nil : .latin
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF: return nil
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return .greek
        case 0x0400...0x052F, 0x2DE0...0x2DFF, 0xA640...0xA69F, 0x1C80...0x1C8F: return .cyrillic
        case 0x0530...0x058F: return .armenian
        case 0x0590...0x05FF: return .hebrew
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF: return .arabic
        case 0x0900...0x097F: return .devanagari
        case 0x0980...0x09FF: return .bengali
        case 0x0A00...0x0A7F: return .gurmukhi
        case 0x0A80...0x0AFF: return .gujarati
        case 0x0B80...0x0BFF: return .tamil
        case 0x0E00...0x0E7F: return .thai
        case 0x10A0...0x10FF: return .georgian
        case 0x1100...0x11FF, 0xAC00...0xD7AF, 0x3130...0x318F: return .hangul
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return .cjk
        default:
            return s.properties.isAlphabetic ? .other : nil
        }
    }

    struct Finding: Hashable {
        var word: String
        var scripts: [Script]
        /// 1-based column (in characters) where the word starts.
        var column: Int
    }

    /// Mixed-script words of one line. Scans scalars; builds strings only for findings.
    static func findings(in line: String) -> [Finding] {
        var out: [Finding] = []
        let view = line.unicodeScalars
        var wordStart: String.Index?
        var mask: UInt32 = 0
        var count = 0
        let all = Script.allCases
        func flush(_ end: String.Index) {
            if let s = wordStart, count > 1 {
                let column = line[line.startIndex..<s].count + 1
                let word = line[s..<end]
                // Scripts in order of appearance.
                var scripts: [Script] = []
                for scalar in word.unicodeScalars {
                    if let sc = script(scalar), !scripts.contains(sc) { scripts.append(sc) }
                }
                out.append(Finding(word: String(word), scripts: scripts, column: column))
            }
            wordStart = nil
            mask = 0
            count = 0
        }
        var i = view.startIndex
        while i < view.endIndex {
            let s = view[i]
            if TextScanning.isWordScalar(s) {
                if wordStart == nil { wordStart = i }
                if let sc = script(s) {
                    let bit: UInt32 = 1 << UInt32(all.firstIndex(of: sc)!)
                    if mask & bit == 0 { mask |= bit; count += 1 }
                }
            } else {
                flush(i)
            }
            i = view.index(after: i)
        }
        flush(view.endIndex)
        return out
    }

    /// True when the line has a letter outside ASCII (punctuation such as curly quotes
    /// and dashes does not count): only then can a word mix scripts.
    static func hasNonASCIILetter(_ line: Substring.UTF8View) -> Bool {
        if let found = line.withContiguousStorageIfAvailable(hasNonASCIILetter) { return found }
        var i = line.startIndex
        while i < line.endIndex {
            let b = line[i]
            if b < 0xC2 { i = line.index(after: i); continue } // ASCII or continuation byte
            if b == 0xC2 { i = line.index(after: i); continue } // U+0080–U+00BF: symbols, spaces
            if b == 0xE2 {
                let j = line.index(after: i)
                if j < line.endIndex, line[j] == 0x80 || line[j] == 0x81 { i = j; continue } // U+2000–U+207F
            }
            return true
        }
        return false
    }

    /// `hasNonASCIILetter` on contiguous bytes.
    static func hasNonASCIILetter(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = line.count
        while i < n {
            let b = line[i]
            if b <= 0xC2 { i += 1; continue } // ASCII, continuation byte, or U+0080–U+00BF
            if b == 0xE2, i + 1 < n, line[i + 1] == 0x80 || line[i + 1] == 0x81 { i += 1; continue } // U+2000–U+207F
            return true
        }
        return false
    }

    /// Diagnostics for every mixed-script word of the body.
    static func diagnostics(for source: SourceArticle) -> [Diagnostic] {
        // Most bodies have no letter outside ASCII at all: one pass over the bytes says so.
        guard hasNonASCIILetter(Substring(source.body).utf8) else { return [] }
        var out: [Diagnostic] = []
        var line = source.bodyStartLine
        for raw in SourceLines.lines(source.body) {
            if hasNonASCIILetter(raw.utf8) {
                for f in findings(in: String(raw)) {
                    let names = f.scripts.map(\.rawValue).joined(separator: " and ")
                    out.append(Diagnostic(.warning, step: "normalize", file: source.path, line: line,
                                          "word “\(f.word)” mixes \(names) scripts (column \(f.column))"))
                }
            }
            line += 1
        }
        return out
    }
}
