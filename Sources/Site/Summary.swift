import Normalize
import ParleyCore
import Render

/// A short summary of an article for lists: its first two sentences.
enum Summary {
    static func make(_ article: NormalizedArticle, sentences wanted: Int = 2, limit: Int = 320) -> String {
        if let summary = article.source.frontMatter?.summary { return summary }
        let texts = article.paragraphs.lazy.map { article.source.format == .markdown ? CommonMark.plainText($0.text) : $0.text }
        guard let text = texts.first(where: { !$0.trimmed.isEmpty }) else { return "" }
        let summary = Sentences.split(text).prefix(wanted).joined(separator: " ")
        guard summary.count > limit else { return summary }
        let cut = summary.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmed + "…"
    }
}
