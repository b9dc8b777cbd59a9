import ParleyCore

/// Decides the article date from what the text states. Never uses a clock.
///
/// - ` date 2022-12-02` in the text, or a front-matter date → exact.
/// - A dateline with month and day but no year: when the text names years, the latest
///   year named (ignoring forward references such as `by 2030`) is taken as evidence and
///   the date is inferred. A year named only in passing, with no dateline day, is never
///   used: `in 2022, Moscow and Kiev managed …` in a 2024 story is a past reference.
/// - Otherwise undated; a later stage may infer the date from registry events.
enum DateFinder {
    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        for (i, name) in Day.monthNames.enumerated() {
            m[name.lowercased()] = i + 1
            m[String(name.lowercased().prefix(3))] = i + 1
        }
        m["sept"] = 9
        return m
    }()

    /// `July`, `Dec.`, `Sept` → month number.
    static func month<S: StringProtocol>(_ word: S) -> Int? {
        var w = word.lowercased()
        while w.hasSuffix(".") || w.hasSuffix(",") { w.removeLast() }
        return months[w]
    }

    /// Four-digit years (1900–2099) standing as words in the text, except forward references.
    static func yearsNamed(in paragraphs: [String]) -> [Int] {
        var years: [Int] = []
        let forward: Set<String> = ["by", "until", "till", "through", "before", "next"]
        let forwardBytes = forward.map { Array($0.utf8) }
        for p in paragraphs {
            // Word by word, lower-cased: a year counts unless the word before is a forward one.
            var afterForward = false
            LowercasedWords.forEach(in: p, ascii: { word in
                if word.count == 4, word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !afterForward {
                    let y = word.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    if (1900...2099).contains(y) { years.append(y) }
                }
                afterForward = word.count <= 7 && forwardBytes.contains { $0.elementsEqual(word) }
            }, other: { word in
                afterForward = forward.contains(word)
            })
        }
        return years
    }

    static func decide(stated: Day?, statedText: String?, frontMatter: Day?, dateline: Dateline?,
                       paragraphs: [String]) -> ArticleDate {
        if let frontMatter { return .exact(frontMatter, basis: "front matter date") }
        if let stated { return .exact(stated, basis: "stated in the text (‘\(statedText ?? stated.iso)’)") }
        guard let month = dateline?.month, let day = dateline?.day else { return .undated }
        let years = yearsNamed(in: paragraphs)
        guard let year = years.max(), let d = Day(year: year, month: month, day: day) else { return .undated }
        let monthName = Day.monthNames[month - 1]
        return .inferred(d, basis: "dateline \(monthName) \(day); year \(year) is the latest year named in the text")
    }
}
