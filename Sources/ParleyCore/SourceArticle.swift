/// An article as read from `content/articles/`, before any interpretation.
public struct SourceArticle: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, Codable {
        /// Plain text as delivered by the wire.
        case text
        /// Markdown with optional YAML front matter, curated by an editor.
        case markdown
    }

    /// Path relative to the content folder, with `/` separators: `articles/000_x.txt`.
    public var path: String
    public var format: Format
    /// The body: decoded, NFC, line ends `\n`, front matter removed.
    public var body: String
    /// 1-based line number of the body's first line in the file (after front matter).
    public var bodyStartLine: Int
    public var frontMatter: FrontMatter?

    public init(path: String, format: Format, body: String, bodyStartLine: Int = 1, frontMatter: FrontMatter? = nil) {
        self.path = path
        self.format = format
        self.body = body
        self.bodyStartLine = bodyStartLine
        self.frontMatter = frontMatter
    }

    /// The file name without folders and extension: `000_x` for `articles/000_x.txt`.
    public var stem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
