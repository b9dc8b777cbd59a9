import ParleyCore

/// Splits a Markdown article into YAML front matter and body, and reads the front matter.
public enum FrontMatterParser {
    public struct Result: Sendable {
        public var frontMatter: FrontMatter?
        public var body: String
        /// 1-based line of the body's first line in the file.
        public var bodyStartLine: Int
        /// Warnings (unknown keys); errors are thrown.
        public var diagnostics: [Diagnostic]
    }

    static let knownKeys: Set<String> = [
        "title", "date", "source", "dateline", "slug", "summary", "people", "events", "places", "contributors",
    ]

    /// `text` is the whole file. Front matter is a block between a first line `---` and the next
    /// line `---` (or `...`). Without one the whole text is the body.
    public static func parse(_ text: String, file: String) throws(YAMLError) -> Result {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmed == "---" else {
            return Result(frontMatter: nil, body: text, bodyStartLine: 1, diagnostics: [])
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmed == "---" || $0.trimmed == "..." }) else {
            throw YAMLError(line: 1, message: "front matter starts with '---' but has no closing '---'")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        let reader = YAMLReader(lineOffset: 1)
        var diagnostics: [Diagnostic] = []
        var fm = FrontMatter()
        guard let root = try reader.compose(yaml) else {
            return Result(frontMatter: fm, body: body, bodyStartLine: close + 2, diagnostics: [])
        }
        if reader.isNull(root) {
            return Result(frontMatter: fm, body: body, bodyStartLine: close + 2, diagnostics: [])
        }
        for (key, value, line) in try reader.mapping(root, what: "front matter") {
            switch key {
            case "title": fm.title = try reader.optionalString(value, key: key)
            case "date": fm.date = try reader.day(value, key: key)
            case "source": fm.source = try reader.optionalString(value, key: key)
            case "dateline": fm.dateline = try reader.optionalString(value, key: key)
            case "slug": fm.slug = try reader.optionalString(value, key: key)
            case "summary": fm.summary = try reader.optionalString(value, key: key)
            case "people": fm.people = try reader.strings(value, key: key)
            case "events": fm.events = try reader.strings(value, key: key)
            case "places": fm.places = try reader.strings(value, key: key)
            case "contributors": fm.contributors = try reader.strings(value, key: key)
            default:
                let known = knownKeys.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(.warning, step: "ingest", file: file, line: line,
                                              "unknown front matter key '\(key)' is ignored (known keys: \(known))"))
            }
        }
        return Result(frontMatter: fm, body: body, bodyStartLine: close + 2, diagnostics: diagnostics)
    }
}
