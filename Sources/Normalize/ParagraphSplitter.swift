/// Re-paragraphs run-on text and mends run-together sentences.
///
/// Lengths are in UTF-8 bytes (cheap to measure; never less than characters).
/// Paragraphs up to `runOnLength` bytes keep their shape (only mended). Longer ones,
/// and a body that is one long paragraph, typically wire copy whose paragraphs were
/// joined into one line, are regrouped into
/// paragraphs of one to three sentences:
/// - a wide gap (two or more spaces) before a sentence starts a new paragraph;
/// - a sentence that opens a quotation starts a new paragraph, unless it continues the
///   previous speaker (the previous sentence is itself an attributed quotation);
/// - narration after a quotation paragraph starts a new paragraph;
/// - a paragraph closes at three sentences or about `targetLength` characters.
enum ParagraphSplitter {
    static let runOnLength = 1_000
    static let targetLength = 420

    /// A body that is a single paragraph longer than this is also regrouped: one-line wire
    /// copy whose paragraphs were joined.
    static let singleParagraphLength = 400

    static func paragraphs(from text: String, onlyParagraph: Bool = false) -> [String] {
        if let joined = SentenceSplitter.joinedWithoutSplitting(text) {
            let collapsedLength = joined.isEmpty ? 0 : joined.utf8.count + 1
            if !isRunOn(collapsedLength, onlyParagraph: onlyParagraph) { return joined.isEmpty ? [] : [joined] }
        }
        return paragraphsBySplitting(text, onlyParagraph: onlyParagraph)
    }

    /// `paragraphs(from:onlyParagraph:)` through the full sentence split.
    static func paragraphsBySplitting(_ text: String, onlyParagraph: Bool) -> [String] {
        let sentences = SentenceSplitter.split(text)
        let collapsedLength = sentences.reduce(0) { $0 + $1.text.utf8.count + 1 }
        guard isRunOn(collapsedLength, onlyParagraph: onlyParagraph) else {
            let joined = sentences.map(\.text).joined(separator: " ")
            return joined.isEmpty ? [] : [joined]
        }
        var out: [String] = []
        var current: [SentenceSplitter.Sentence] = []
        var length = 0
        for s in sentences {
            if let last = current.last {
                let opensQuote = startsWithQuote(s.text)
                let lastIsQuote = containsQuote(last.text)
                var newParagraph = s.wideGapBefore
                    || length + 1 + s.text.utf8.count > targetLength
                    || current.count >= 3
                if !newParagraph, opensQuote, !lastIsQuote { newParagraph = true }
                if !newParagraph, !opensQuote, startsWithQuote(current[0].text), !containsQuote(s.text) { newParagraph = true }
                if newParagraph {
                    out.append(current.map(\.text).joined(separator: " "))
                    current = []
                    length = 0
                }
            }
            current.append(s)
            length += s.text.utf8.count + (current.count > 1 ? 1 : 0)
        }
        if !current.isEmpty { out.append(current.map(\.text).joined(separator: " ")) }
        return out
    }

    /// Whether sentences of this joined length (each counted with one space) are regrouped.
    static func isRunOn(_ collapsedLength: Int, onlyParagraph: Bool) -> Bool {
        collapsedLength > runOnLength || (onlyParagraph && collapsedLength > singleParagraphLength)
    }

    static func startsWithQuote(_ s: String) -> Bool {
        s.unicodeScalars.first.map(Scalars.isOpeningQuote) ?? false
    }

    static func containsQuote(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value == 0x201C || $0.value == 0x201D || $0.value == 0x22 }
    }
}
