import Foundation

/// The scoring rules of `shared/tools/score_people.py`, in Swift (strict and lenient micro P/R/F1).
enum PeopleScore {
    static let titles: Set<String> = [
        "president", "vice", "prime", "minister", "foreign", "deputy", "mr", "mrs", "ms", "dr",
        "secretary", "general", "senator", "sen", "rep", "representative", "ambassador",
        "chancellor", "king", "queen", "prince", "pope", "sir", "lord", "gov", "governor",
        "spokesman", "spokeswoman", "director", "chairman", "judge", "justice", "gen", "col",
        "lt", "adm", "admiral", "former", "ex", "the",
    ]

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    static func normalise(_ name: String) -> String {
        var s = String(String.UnicodeScalarView(name.decomposedStringWithCompatibilityMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark && $0.properties.generalCategory != .spacingMark && $0.properties.generalCategory != .enclosingMark
        }))
        s = s.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'").replacingOccurrences(of: "`", with: "'")
        s = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if s.hasSuffix("'s") { s.removeLast(2) } else if s.hasSuffix("'") { s.removeLast() }
        s = String(s.map { c -> Character in
            if c == "-" { return " " }
            if let v = c.unicodeScalars.first?.value, (0x2010...0x2015).contains(v) { return " " }
            return c
        })
        s = s.replacingOccurrences(of: ".", with: " ")
        while let f = s.first, !isWordChar(f) { s.removeFirst() }
        while let l = s.last, !isWordChar(l) { s.removeLast() }
        var words = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        while words.count > 1, titles.contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func resolve(_ predicted: [String], aliases: [String: [String]]) -> Set<String> {
        let normed = predicted.map(normalise).filter { !$0.isEmpty }
        let full = Set(normed.filter { $0.contains(" ") })
        var alias: [String: String] = [:]
        for (canon, variants) in aliases { for v in variants { alias[normalise(v)] = normalise(canon) } }
        var out = Set<String>()
        for var p in normed {
            if !p.contains(" ") {
                let cands = full.filter { f in let w = f.split(separator: " "); return w.first.map(String.init) == p || w.last.map(String.init) == p }
                if cands.count == 1 { p = cands.first! }
            }
            out.insert(alias[p] ?? p)
        }
        return out
    }

    struct Counts { var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? (fn == 0 ? 1 : 0) : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Scores predictions (file → names) against gold records.
    static func score(gold: [[String: Any]], predictions: [String: [String]]) -> (strict: Counts, lenient: Counts, perFile: [String: (fp: [String], fn: [String])]) {
        var strict = Counts(), lenient = Counts()
        var perFile: [String: (fp: [String], fn: [String])] = [:]
        for g in gold {
            guard let file = g["file"] as? String else { continue }
            let gset = Set(((g["people"] as? [String]) ?? []).map(normalise))
            let opt = Set(((g["people_optional"] as? [String]) ?? []).map(normalise))
            let aliases = (g["aliases"] as? [String: [String]]) ?? [:]
            let pset = resolve(predictions[file] ?? [], aliases: aliases).subtracting(opt)
            let tp = pset.intersection(gset), fp = pset.subtracting(gset), fn = gset.subtracting(pset)
            strict.tp += tp.count; strict.fp += fp.count; strict.fn += fn.count
            var ltp = tp, lfp = Set<String>()
            for p in fp {
                let cands = gset.filter { x in !p.contains(" ") && (x.split(separator: " ").first.map(String.init) == p || x.split(separator: " ").last.map(String.init) == p) }
                if cands.count == 1 { ltp.formUnion(cands) } else { lfp.insert(p) }
            }
            lenient.tp += ltp.count; lenient.fp += lfp.count; lenient.fn += gset.subtracting(ltp).count
            perFile[file] = (fp.sorted(), fn.sorted())
        }
        return (strict, lenient, perFile)
    }
}
