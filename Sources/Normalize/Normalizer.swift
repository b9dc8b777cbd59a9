import ParleyCore

/// Turns a source article into a normalized one: boilerplate out, metadata found,
/// text in paragraphs. Pure: no I/O, no clock.
///
/// Plain text (`.text`, as delivered by the wire or scraped from a page) gets the full
/// treatment: page chrome, captions and duplicated headline/lede are removed, the headline
/// and standfirst are recognised, run-on paragraphs are re-paragraphed and run-together
/// sentences mended.
///
/// Markdown (`.markdown`) was written by an editor, so it is kept as written: paragraphs
/// are the blank-line separated blocks (lines kept), a leading `# ` heading is the title,
/// and only the structured shapes are read: dateline, trailers and story codes. Front
/// matter (`title`, `date`, `source`, `dateline`, `contributors`) wins over detection.
public struct Normalizer: Sendable {
    /// Known places (canonical name and spellings), used to name dateline places.
    public let places: [NamedEntity]
    /// Reads datelines against `places`; made once, not per article.
    let datelineParser: DatelineParser

    public init(places: [NamedEntity] = []) {
        self.places = places
        self.datelineParser = DatelineParser(places: places)
    }

    public func normalize(_ source: SourceArticle) -> NormalizedArticle {
        var trace = Trace()
        return normalize(source, trace: &trace)
    }

    /// `normalize`, also recording what was taken out of the body.
    func normalize(_ source: SourceArticle, trace: inout Trace) -> NormalizedArticle {
        let fm = source.frontMatter
        let path = source.path
        let isText = source.format == .text
        var diagnostics = MixedScriptDetector.diagnostics(for: source)
        var captions: [String] = []
        var contributors: [String] = []
        var title: String?
        var standfirst: String?

        // 1. Blocks and paragraphs; chrome and captions out (plain text only).
        var blocks = SourceLines.blocks(source.body, firstLine: source.bodyStartLine, keepLines: !isText)
        var paragraphs: [WorkingParagraph]
        let parser = datelineParser
        if isText {
            let filtered = BoilerplateFilter().filter(blocks, trace: &trace)
            blocks = Self.splittingAfterHeadline(Self.splittingBeforeDateline(filtered.blocks, parser: parser))
            captions = filtered.captions
            contributors = filtered.photographers
            paragraphs = blocks.flatMap(SourceLines.textParagraphs)
        } else {
            paragraphs = blocks.map(SourceLines.markdownParagraph)
        }

        // The opening paragraphs are asked about their dateline several times over (to find
        // the front of the story, around the headline and standfirst, then to take it): each
        // text is parsed once.
        let parsed = ParsedDatelines(parser)
        let hasDateline: (WorkingParagraph) -> Bool = { parsed.result(for: $0.text)?.dateline != nil }

        // 2. Duplicates, headline and standfirst.
        if isText {
            let datelineIndex = paragraphs.prefix(5).firstIndex(where: hasDateline)
            DuplicateFilter.filter(&paragraphs, frontZone: datelineIndex ?? 1, path: path,
                                   trace: &trace, diagnostics: &diagnostics)
            if paragraphs.count >= 2, TitleFinder.isHeadlineShaped(paragraphs[0]), !hasDateline(paragraphs[0]) {
                title = paragraphs[0].text.trimmed
                trace.remove(.headline, paragraphs[0].text, line: paragraphs[0].line)
                paragraphs.removeFirst()
                if paragraphs.count >= 2, TitleFinder.isStandfirstShaped(paragraphs[0]),
                   !hasDateline(paragraphs[0]), hasDateline(paragraphs[1]) {
                    standfirst = TextScanning.collapseWhitespace(paragraphs[0].text)
                    trace.remove(.standfirst, paragraphs[0].text, line: paragraphs[0].line)
                    paragraphs.removeFirst()
                }
            }
        } else if let first = paragraphs.first, first.singleLine, first.text.hasPrefix("# ") {
            title = first.text.dropFirst(2).trimmed
            trace.remove(.heading, first.text, line: first.line)
            paragraphs.removeFirst()
        }

        // 3. Dateline and what precedes it.
        var dateline: Dateline?
        var corrections: [String] = []
        var statedDate: Day?
        var statedDateText: String?
        if let first = paragraphs.first, let found = parsed.result(for: first.text) {
            dateline = found.dateline
            corrections = found.corrections
            statedDate = found.statedDate
            statedDateText = found.statedDateText
            for name in found.bylines where !contributors.contains(name) { contributors.append(name) }
            trace.remove(.dateline, found.consumed, line: first.line)
            if found.remainder.trimmed.isEmpty {
                paragraphs.removeFirst()
            } else {
                paragraphs[0].text = found.remainder
            }
            if found.emptyAgency, let d = found.dateline {
                diagnostics.append(Diagnostic(.note, step: "normalize", file: path, line: first.line,
                    "dateline ‘\(d.raw)’ has an empty agency slot; taken as Reuters (the CITY (Agency) - shape)"))
            }
        }
        if let fmDateline = fm?.dateline, !fmDateline.trimmed.isEmpty {
            dateline = parser.parse(fmDateline.trimmed + " -")?.dateline.map { d in
                var d = d; d.raw = fmDateline.trimmed; return d
            } ?? Dateline(raw: fmDateline.trimmed, places: [])
        }

        // 4. Trailers.
        let trailers = TrailerParser().parse(&paragraphs, trace: &trace)
        corrections += trailers.corrections
        for name in trailers.contributors where !contributors.contains(name) { contributors.append(name) }

        // 5. Final paragraphs.
        var finalParagraphs: [Paragraph] = []
        for p in paragraphs {
            if isText {
                for text in ParagraphSplitter.paragraphs(from: p.text, onlyParagraph: paragraphs.count == 1) { finalParagraphs.append(Paragraph(text, line: p.line)) }
            } else {
                let text = p.text.trimmed
                if !text.isEmpty { finalParagraphs.append(Paragraph(text, line: p.line)) }
            }
        }
        if finalParagraphs.isEmpty {
            diagnostics.append(Diagnostic(.warning, step: "normalize", file: path, line: source.bodyStartLine,
                                          "no body text left after normalization"))
        }

        // 6. Date.
        if let stated = statedDate, let m = dateline?.month, let d = dateline?.day, stated.month != m || stated.day != d {
            diagnostics.append(Diagnostic(.warning, step: "normalize", file: path, line: paragraphs.first?.line,
                "stated date \(stated.iso) disagrees with the dateline ‘\(dateline?.raw ?? "")’"))
        }
        let date = DateFinder.decide(stated: statedDate, statedText: statedDateText, frontMatter: fm?.date,
                                     dateline: dateline, paragraphs: finalParagraphs.map(\.text))

        // 7. Title.
        var titleDerived = false
        if let fmTitle = fm?.title, !fmTitle.trimmed.isEmpty {
            title = fmTitle.trimmed
        } else if title == nil {
            if let lede = finalParagraphs.first, let derived = TitleFinder.derive(fromLede: lede.text) {
                title = derived
                titleDerived = true
            }
        }

        let outlet = fm?.source ?? dateline?.source ?? trailers.outlet
        return NormalizedArticle(
            source: source, title: title ?? source.stem, titleDerived: titleDerived, standfirst: standfirst,
            date: date, dateline: dateline, outlet: outlet, contributors: fm?.contributors ?? contributors,
            corrections: corrections, captions: captions, storyCodes: trailers.storyCodes,
            paragraphs: finalParagraphs, diagnostics: diagnostics.sorted())
    }

    /// A headline with the story on the next line and no blank line between is two paragraphs,
    /// although a line that ends no sentence is otherwise read as wrapped, when either shows
    /// that it is no wrapped line: it is in Title Case (`Umerov To Meet Rubio In Rome` / `Rustem
    /// Umerov said …`: a story's lines are not written with every long word capitalized), or it
    /// is headline-shaped and the next line is longer than any wrapped line (over 160
    /// characters: the text is not wrapped, so its line breaks are breaks). Only the first line
    /// of the first block is looked at.
    static func splittingAfterHeadline(_ blocks: [Block]) -> [Block] {
        guard let first = blocks.first, first.lines.count > 1 else { return blocks }
        let line = first.lines[0].text, next = first.lines[1].text
        guard line.utf8.count <= 640, SourceLines.startsLikeSentence(next.trimmed), !TextScanning.endsSentence(line) else { return blocks }
        guard isTitleCase(line)
            || (next.utf8.count > 200 && next.trimmed.count > 160
                && TitleFinder.isHeadlineShaped(WorkingParagraph(text: line, line: 0, singleLine: true))) else { return blocks }
        return [Block(lines: [first.lines[0]]), Block(lines: Array(first.lines[1...]))] + blocks.dropFirst()
    }

    /// 3–20 words, at most 160 characters, not all upper case, and at least three words of four
    /// letters or more, every one of them capitalized (`No Breakthrough In Warsaw Talks, Karpov Says`).
    static func isTitleCase(_ line: String) -> Bool {
        guard line.count <= 160, line.contains(where: \.isLowercase) else { return false }
        let words = line.split(separator: " ")
        guard (3...20).contains(words.count) else { return false }
        var long = 0
        for word in words where word.reduce(0, { $1.isLetter ? $0 + 1 : $0 }) >= 4 {
            guard let initial = word.first(where: \.isLetter), initial.isUppercase else { return false }
            long += 1
        }
        return long >= 3
    }

    /// A headline with the dateline paragraph on the next line and no blank line between
    /// (`Macron calls for talks` / `GENEVA, Nov 14 (Reuters) - …`) is two paragraphs: the block
    /// is split before a line that opens with a dateline when the line above ends no sentence.
    /// Only the first blocks are looked at, where headlines stand.
    static func splittingBeforeDateline(_ blocks: [Block], parser: DatelineParser) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count + 1)
        for (b, block) in blocks.enumerated() {
            guard b < 3, block.lines.count > 1 else { out.append(block); continue }
            var cut: Int? = nil
            for k in 1..<min(block.lines.count, 4) where !TextScanning.endsSentence(block.lines[k - 1].text) {
                let line = block.lines[k].text
                guard let found = parser.parse(line), found.dateline != nil || found.statedDate != nil else { continue }
                cut = k
                break
            }
            if let cut {
                out.append(Block(lines: Array(block.lines[..<cut])))
                out.append(Block(lines: Array(block.lines[cut...])))
            } else {
                out.append(block)
            }
        }
        return out
    }
}

/// What a dateline parser made of each text it was given, kept for the same text asked again
/// (within one article: a handful of texts, looked through rather than hashed; the same
/// paragraph's text is the same string, which compares at once).
private final class ParsedDatelines {
    private let parser: DatelineParser
    private var results: [(text: String, result: DatelineParser.Result?)] = []

    init(_ parser: DatelineParser) {
        self.parser = parser
    }

    func result(for text: String) -> DatelineParser.Result? {
        if let known = results.first(where: { $0.text == text }) { return known.result }
        let result = parser.parse(text)
        results.append((text, result))
        return result
    }
}
