import ParleyCore

/// One line of the body with its line number in the source file.
struct SourceLine: Hashable, Sendable {
    var text: String
    var line: Int
}

/// A run of non-blank lines: the unit the text was written in.
struct Block: Sendable {
    var lines: [SourceLine]
    var firstLine: Int { lines.first?.line ?? 0 }
}

/// A paragraph while it is being worked on: text plus the file line it starts on.
struct WorkingParagraph: Sendable {
    var text: String
    var line: Int
    /// True when the paragraph is a single source line (candidates for headline, standfirst).
    var singleLine: Bool
}

enum SourceLines {
    /// Splits a body into blank-line separated blocks. Lines are trimmed unless `keepLines`
    /// (Markdown, where indentation and trailing spaces carry meaning).
    static func blocks(_ body: String, firstLine: Int, keepLines: Bool = false) -> [Block] {
        var blocks: [Block] = []
        var current: [SourceLine] = []
        var n = firstLine
        for raw in lines(body) {
            let text = raw.trimmed
            if text.isEmpty {
                if !current.isEmpty { blocks.append(Block(lines: current)); current = [] }
            } else {
                current.append(SourceLine(text: keepLines ? String(raw) : text, line: n))
            }
            n += 1
        }
        if !current.isEmpty { blocks.append(Block(lines: current)) }
        return blocks
    }

    /// The lines of `text` (split at `\n`, empty lines kept), found on the bytes.
    static func lines(_ text: String) -> [Substring] {
        let u = text.utf8
        let breaks: [Int] = u.withContiguousStorageIfAvailable { bytes in
            var out: [Int] = []
            for (k, b) in bytes.enumerated() where b == 0x0A { out.append(k) }
            return out
        } ?? u.enumerated().filter { $0.element == 0x0A }.map(\.offset)
        var out: [Substring] = []
        out.reserveCapacity(breaks.count + 1)
        var start = u.startIndex
        for k in breaks {
            let end = u.index(u.startIndex, offsetBy: k)
            out.append(text[start..<end])
            start = u.index(after: end)
        }
        out.append(text[start..<u.endIndex])
        return out
    }

    /// Joins a plain-text block into paragraphs. Lines are joined with a space, except that
    /// a line ending a sentence, followed by a line that starts like a sentence, closes the
    /// paragraph: wire copy often puts one paragraph per line with no blank line between
    /// (seed 004), while hard-wrapped prose rarely ends a line exactly at a sentence end and,
    /// when it does, the split still falls on a sentence boundary.
    static func textParagraphs(_ block: Block) -> [WorkingParagraph] {
        var out: [WorkingParagraph] = []
        var parts: [String] = []
        var start = block.firstLine
        for (i, line) in block.lines.enumerated() {
            if parts.isEmpty { start = line.line }
            parts.append(line.text)
            let next = i + 1 < block.lines.count ? block.lines[i + 1].text : nil
            if let next, !(TextScanning.endsSentence(line.text) && startsLikeSentence(next)) { continue }
            // Spacing inside the line is kept for now: runs of spaces after a sentence are
            // a paragraph-break hint for `ParagraphSplitter`, which collapses them.
            out.append(WorkingParagraph(text: parts.joined(separator: " "),
                                        line: start, singleLine: parts.count == 1))
            parts = []
        }
        return out
    }

    /// A Markdown block stays as written (lines kept), since its line structure may be
    /// meaningful (lists, headings, quotes).
    static func markdownParagraph(_ block: Block) -> WorkingParagraph {
        WorkingParagraph(text: block.lines.map(\.text).joined(separator: "\n"), line: block.firstLine,
                         singleLine: block.lines.count == 1)
    }

    static func startsLikeSentence<S: StringProtocol>(_ text: S) -> Bool {
        guard let c = text.first else { return false }
        return c.isUppercase || c.isNumber || TextScanning.openingQuotes.contains(c) || c == "(" || c == "–" || c == "—"
    }
}
