import ParleyCore
import Render

/// A short summary of an article for lists: its first two sentences.
enum Summary {
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gen", "Lt", "Col", "Gov", "Pres", "Jr", "Sr",
        "U.S", "U.K", "U.N", "E.U", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs", "Ed",
    ]

    static func make(_ article: NormalizedArticle, sentences wanted: Int = 2, limit: Int = 320) -> String {
        if let summary = article.source.frontMatter?.summary { return summary }
        let texts = article.paragraphs.lazy.map { article.source.format == .markdown ? CommonMark.plainText($0.text) : $0.text }
        guard let text = texts.first(where: { !$0.trimmed.isEmpty }) else { return "" }
        let chars = Array(text)
        var count = 0
        var end = chars.count
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < chars.count, "”\"’)".contains(chars[j]) { j += 1 }
                let atEnd = j >= chars.count
                let followedBySpace = !atEnd && chars[j].isWhitespace
                if atEnd || (followedBySpace && !endsWithAbbreviation(chars, at: i)) {
                    count += 1
                    if count == wanted { end = j; break }
                }
            }
            i += 1
        }
        let summary = String(chars[..<end]).trimmed
        guard summary.count > limit else { return summary }
        let cut = summary.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmed + "…"
    }

    private static func endsWithAbbreviation(_ chars: [Character], at dot: Int) -> Bool {
        guard chars[dot] == "." else { return false }
        var k = dot
        while k > 0, !chars[k - 1].isWhitespace { k -= 1 }
        let word = String(chars[k..<dot]).drop(while: { "(“\"‘".contains($0) })
        if word.count == 1, word.first?.isUppercase == true { return true } // an initial: "J."
        return abbreviations.contains(String(word))
    }
}
