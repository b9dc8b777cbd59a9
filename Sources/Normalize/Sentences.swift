/// The sentences of a text, as Parley splits them when it cleans articles (abbreviations,
/// initials and quotations respected). For later stages, such as the summaries in lists.
public enum Sentences {
    public static func split(_ text: String) -> [String] {
        SentenceSplitter.split(text).map(\.text)
    }
}
