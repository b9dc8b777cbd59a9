import ParleyCore

/// Refile and correction notes: `(Corrects …)`, `(Refiles to add …)`,
/// `(This story has been refiled …)`, `(In Dec. 25 story, … corrects …)`.
enum EditorialNotes {
    static let firstWords: Set<String> = [
        "corrects", "correcting", "corrected", "correction", "refiles", "refile", "refiled", "updates",
        "recasts", "repeats", "fixes", "clarifies", "adds", "removes", "changes", "withdraws", "rewrites",
    ]

    static func isNote<S: StringProtocol>(_ content: S) -> Bool {
        let l = content.lowercased().trimmed
        guard !l.isEmpty, TextScanning.wordCount(l) >= 2 else { return false }
        let first = String(l.prefix { $0.isLetter })
        if firstWords.contains(first) { return true }
        if l.hasPrefix("this story") || l.hasPrefix("this version") || l.hasPrefix("this article") { return true }
        return l.contains("story") && (l.contains("correct") || l.contains("refile"))
    }
}

/// Reporting credits: `(Reporting by X in Y; Additional reporting by Z; Editing by V)`.
enum Credits {
    static let roleStarts = [
        "reporting", "additional reporting", "writing", "editing", "edited", "compiled", "written",
        "research", "translated", "graphics", "produced", "reporting and writing", "photos", "video",
    ]

    static func isCredit<S: StringProtocol>(_ content: S) -> Bool {
        let l = content.lowercased().trimmed
        guard let firstPart = l.split(separator: ";").first, firstPart.contains(" by ") else { return false }
        return roleStarts.contains { firstPart.hasPrefix($0 + " by ") || firstPart.hasPrefix($0 + " ") }
    }

    /// The people named in a credit, in order: `Reporting by X and Y in Moscow; Editing by Z`.
    static func names(inCredit content: Substring) -> [String] {
        var out: [String] = []
        for part in content.split(separator: ";") {
            let r: Range<String.Index>
            if let found = part.firstRange(of: " by ") {
                r = found
            } else if part.lowercased().hasPrefix("by ") {
                r = part.startIndex..<part.index(part.startIndex, offsetBy: 3)
            } else {
                continue
            }
            for name in splitNames(part[r.upperBound...]) where !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// `X, Y and Z in Washington` → `["X", "Y", "Z"]`.
    static func splitNames(_ text: Substring) -> [String] {
        var out: [String] = []
        var pieces: [Substring] = []
        for chunk in text.split(separator: ",") {
            var rest = chunk[...]
            while let r = rest.firstRange(of: " and ") ?? rest.firstRange(of: " & ") {
                pieces.append(rest[..<r.lowerBound]); rest = rest[r.upperBound...]
            }
            pieces.append(rest)
        }
        for piece in pieces {
            var name = piece.trimmed
            if let r = name.firstRange(of: " in ") { name = String(name[..<r.lowerBound]) }
            if let r = name.firstRange(of: " at ") { name = String(name[..<r.lowerBound]) }
            name = name.trimmed
            while let last = name.last, last == "." || last == ")" { name.removeLast() }
            guard let first = name.first, first.isUppercase, TextScanning.wordCount(name) <= 5 else { continue }
            out.append(name)
        }
        return out
    }
}

/// Takes trailers off the end of the story: reporting credits, refile and correction
/// notes, story codes (`[nL8N1N86I0]`, `[ID:nL1N1ND0EQ]`), and a closing
/// `ABC News’ Libby Cath contributed to this report.`
struct TrailerParser {
    struct Result {
        var contributors: [String] = []
        var corrections: [String] = []
        var storyCodes: [String] = []
        /// The outlet named in a contribution line (`ABC News`).
        var outlet: String?
    }

    /// Works backwards over the last paragraphs; a paragraph left empty is dropped.
    func parse(_ paragraphs: inout [WorkingParagraph], trace: inout Trace) -> Result {
        var result = Result()
        // Story codes can stand anywhere.
        for k in paragraphs.indices {
            let (text, codes, removed) = Self.removeStoryCodes(paragraphs[k].text)
            if !codes.isEmpty {
                paragraphs[k].text = text
                result.storyCodes.append(contentsOf: codes)
                for r in removed { trace.remove(.storyCode, r, line: paragraphs[k].line) }
            }
        }
        paragraphs.removeAll { $0.text.trimmed.isEmpty }

        var guardCount = 0
        while let last = paragraphs.last, guardCount < 12 {
            guardCount += 1
            var text = last.text.trimmed[...]
            if text.last == ")", let open = Self.openingParen(ofTrailing: text) {
                let content = text[text.index(after: open)..<text.index(before: text.endIndex)]
                if Credits.isCredit(content) {
                    for n in Credits.names(inCredit: content) where !result.contributors.contains(n) {
                        result.contributors.append(n)
                    }
                } else if EditorialNotes.isNote(content) {
                    result.corrections.insert(String(text[open...]), at: 0)
                } else {
                    break
                }
                trace.remove(.trailer, String(text[open...]), line: last.line)
                text = text[..<open]
                replaceLast(&paragraphs, with: String(text).trimmed)
                continue
            }
            if let (names, outlet) = Self.contribution(String(text)) {
                for n in names where !result.contributors.contains(n) { result.contributors.append(n) }
                if result.outlet == nil { result.outlet = outlet }
                trace.remove(.trailer, String(text), line: last.line)
                paragraphs.removeLast()
                continue
            }
            break
        }
        return result
    }

    private func replaceLast(_ paragraphs: inout [WorkingParagraph], with text: String) {
        if text.isEmpty { paragraphs.removeLast() } else { paragraphs[paragraphs.count - 1].text = text }
    }

    /// The `(` matching a final `)`.
    static func openingParen(ofTrailing text: Substring) -> String.Index? {
        var depth = 0
        var i = text.endIndex
        var steps = 0
        while i > text.startIndex, steps < 800 {
            i = text.index(before: i)
            steps += 1
            if text[i] == ")" { depth += 1 } else if text[i] == "(" {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// `ABC News’ Libby Cath contributed to this report.` → (["Libby Cath"], "ABC News").
    static func contribution(_ text: String) -> ([String], String?)? {
        guard text.utf8.count <= 300, TextScanning.hasAtMost(25, wordsIn: text) else { return nil }
        let lower = text.lowercased()
        let endings = ["contributed to this report.", "contributed to this story.", "contributed to this article.",
                       "contributed reporting.", "contributed to this report", "contributed reporting"]
        guard let ending = endings.first(where: { lower.hasSuffix($0) }) else { return nil }
        var who = text.dropLast(ending.count).trimmed[...]
        if who.lowercased().hasSuffix(" also") { who = who.dropLast(5) }
        var outlet: String?
        for marker in ["’s ", "'s ", "’ ", "' "] {
            if let r = who.firstRange(of: marker) {
                let owner = who[..<r.lowerBound].trimmed
                if owner.first?.isUppercase == true, TextScanning.wordCount(owner) <= 4 {
                    outlet = owner
                    who = who[r.upperBound...]
                }
                break
            }
        }
        let names = Credits.splitNames(who)
        guard !names.isEmpty else { return nil }
        return (names, outlet)
    }

    /// Removes `[nL8N1N86I0]` and `[ID:nL1N1ND0EQ]` codes; returns the text, the codes and
    /// the removed pieces as printed.
    static func removeStoryCodes(_ text: String) -> (String, [String], [String]) {
        guard text.containsUTF8(0x5B) else { return (text, [], []) }
        var out = ""
        var codes: [String] = []
        var removed: [String] = []
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "[", let close = text[i...].firstIndex(of: "]"), text.distance(from: i, to: close) <= 30 {
                var code = text[text.index(after: i)..<close]
                if code.hasPrefix("ID:") { code = code.dropFirst(3) }
                if isStoryCode(code) {
                    codes.append(String(code))
                    removed.append(String(text[i...close]))
                    i = text.index(after: close)
                    continue
                }
            }
            out.append(text[i])
            i = text.index(after: i)
        }
        return (TextScanning.collapseWhitespace(out), codes, removed)
    }

    /// `nL8N1N86I0`: `n` then 6–14 upper-case letters and digits, at least one digit.
    static func isStoryCode(_ code: Substring) -> Bool {
        guard code.first == "n", (7...15).contains(code.count) else { return false }
        let rest = code.dropFirst()
        return rest.allSatisfy { ($0.isASCII && $0.isUppercase) || $0.isNumber } && rest.contains(where: \.isNumber)
    }
}
