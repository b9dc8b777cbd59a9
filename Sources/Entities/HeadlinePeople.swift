import ParleyCore

extension EntityRecognizer {
    /// Adds the people the headline names (`Aydın to meet Graham in Warsaw`) that the body does
    /// not: a registry spelling, a full name of the article, or one word resolved as in the body
    /// (the surname of a person the article names, else a surname unique in the registry).
    /// They get no mention (the headline is not linked) and come after the body's people.
    ///
    /// A word is read as a name only when its capital is evidence or it cannot be a common word:
    /// the first word of the headline, and every word of a Title Case headline, must not stand in
    /// lower case in the body (`Price Cap Talks …` while the body speaks of the price cap). Lexicon
    /// words (`Talks`, `May`, `Russian`) are never a one-word name, and a surname after a given
    /// name or before a suffix that is no name of the article (`Ivanka Trump` when the body names
    /// only Donald Trump, `Trump Jr.`) is someone else.
    func addHeadlinePeople(_ table: inout PersonTable, article: NormalizedArticle, paragraphs: [ParagraphText]) {
        guard !article.titleDerived, !article.title.isEmpty else { return }
        var p = ParagraphText(index: paragraphs.count, text: article.title, line: nil)
        _ = label(&p)
        let t = p.tokens
        guard t.contains(where: { $0.isWord && $0.capitalized }) else { return }
        let notName = Lex.functionWords | Lex.months | Lex.weekdays | Lex.nationalities | Lex.titles
            | Lex.nonPersonWords | Lex.pronouns | Lex.sentenceWords | Lex.suffixes
        // Title Case: a capitalized function word inside the headline (`Borrell To Meet Rubio`).
        let titleCase = t.indices.contains { k in
            k > 0 && t[k].isWord && t[k].capitalized && !t[k].allCaps && t[k].lex & Lex.functionWords != 0
                && !(t[k - 1].isPunct && [":", "\u{2013}", "\u{2014}", "-", "\u{201C}", "\""].contains(t[k - 1].mark))
        }
        func lowerInBody(_ word: Token) -> Bool {
            paragraphs.contains { q in q.tokens.contains { $0.keyHash == word.keyHash && $0.isWord && !$0.capitalized && $0.key == word.key } }
        }
        let bodyPeople = table.entries.count
        var k = 0
        while k < t.count {
            if case .person(let r) = p.labels[k], p.matchStart[k] == k {
                // `Donald Trump Jr.`: a registry spelling with a suffix is someone else.
                let end = p.matchEnd[k]
                if !(end < t.count && t[end].isWord && t[end].lex & Lex.suffixes != 0) { _ = table.registryPerson(r, registry, keys: spellings[r][0]) }
                k = end
                continue
            }
            guard t[k].isWord, t[k].capitalized, p.labels[k] == .none else { k = p.labels[k] == .none ? k + 1 : p.matchEnd[k]; continue }
            // A full name the article gives (longest first).
            var best = 0
            for entry in table.entries.prefix(bodyPeople) where entry.keys.count >= 2 && entry.keys.count > best {
                let n = entry.keys.count
                guard k + n <= t.count else { continue }
                if (0..<n).allSatisfy({ t[k + $0].isWord && t[k + $0].key == entry.keys[$0] }) { best = n }
            }
            if best > 0 {
                k += best
                continue
            }
            // One word.
            let key = t[k].key
            // `Ivanka Trump` (a given name before it) or `Trump Jr.`: someone the article does not name.
            let longerName = (k > 0 && t[k - 1].isWord && t[k - 1].capitalized && t[k - 1].lex & Lex.givenName != 0 && p.labels[k - 1] == .none)
                || (k + 1 < t.count && t[k + 1].isWord && t[k + 1].lex & Lex.suffixes != 0 && !t[k].possessive)
            // A body person's surname adds no one; a registry surname adds its person.
            if t[k].lex & notName == 0, !t[k].allCaps, !longerName,
               table.bySurname(key, aliasSurnames: surnames.aliasSurnames) == nil, let r = surnames.registryPerson(surname: key),
               !((k == 0 || titleCase) && lowerInBody(t[k])) {
                _ = table.registryPerson(r, registry, keys: spellings[r][0])
            }
            k += 1
        }
    }
}
