import ParleyCore
import Yams

/// Reads the registries: `people.yml`, `events.yml`, `places.yml`, `organizations.yml`.
///
/// Each file is a YAML list of entries (or a mapping with one key holding that list).
/// Unknown keys are warnings; wrong types and missing names are errors naming the line.
public enum RegistryParser {
    public struct Parsed<Entry: Sendable>: Sendable {
        public var entries: [Entry]
        public var diagnostics: [Diagnostic]
    }

    public static func people(_ text: String, file: String) throws(YAMLError) -> Parsed<Person> {
        try entries(text, file: file, listKey: "people", known: ["id", "name", "aliases", "roles", "role", "country", "side"]) { fields, reader, line throws(YAMLError) in
            var person = Person(name: try required(fields, "name", reader, line))
            if let id = try fields["id"].flatMap({ node throws(YAMLError) in try reader.optionalString(node, key: "id") }) {
                person.id = Slug.make(id, fallback: person.id)
            }
            person.aliases = try fields["aliases"].map { node throws(YAMLError) in try reader.strings(node, key: "aliases") } ?? []
            person.roles = try (fields["roles"] ?? fields["role"]).map { node throws(YAMLError) in try reader.strings(node, key: "roles") } ?? []
            person.country = try (fields["country"] ?? fields["side"]).flatMap { node throws(YAMLError) in try reader.optionalString(node, key: "country") }
            return person
        }
    }

    public static func events(_ text: String, file: String) throws(YAMLError) -> Parsed<Event> {
        try entries(text, file: file, listKey: "events", known: ["id", "name", "date", "start", "end", "place", "phrases", "participants", "summary"]) { fields, reader, line throws(YAMLError) in
            var event = Event(name: try required(fields, "name", reader, line))
            if let id = try fields["id"].flatMap({ node throws(YAMLError) in try reader.optionalString(node, key: "id") }) {
                event.id = Slug.make(id, fallback: event.id)
            }
            event.start = try (fields["date"] ?? fields["start"]).flatMap { node throws(YAMLError) in try reader.day(node, key: "date") }
            event.end = try fields["end"].flatMap { node throws(YAMLError) in try reader.day(node, key: "end") }
            if let start = event.start, let end = event.end, end < start {
                throw YAMLError(line: line, message: "event '\(event.name)' ends (\(end)) before it starts (\(start))")
            }
            event.place = try fields["place"].flatMap { node throws(YAMLError) in try reader.optionalString(node, key: "place") }
            event.phrases = try fields["phrases"].map { node throws(YAMLError) in try reader.strings(node, key: "phrases") } ?? []
            event.participants = try fields["participants"].map { node throws(YAMLError) in try reader.strings(node, key: "participants") } ?? []
            event.summary = try fields["summary"].flatMap { node throws(YAMLError) in try reader.optionalString(node, key: "summary") }
            return event
        }
    }

    /// Places or organizations: `name` and `aliases`; places also `country` (`Moscow` → `Russia`).
    public static func namedEntities(_ text: String, file: String, listKey: String) throws(YAMLError) -> Parsed<NamedEntity> {
        let places = listKey == "places"
        return try entries(text, file: file, listKey: listKey, known: places ? ["name", "aliases", "country"] : ["name", "aliases"]) { fields, reader, line throws(YAMLError) in
            NamedEntity(name: try required(fields, "name", reader, line),
                        aliases: try fields["aliases"].map { node throws(YAMLError) in try reader.strings(node, key: "aliases") } ?? [],
                        country: try (places ? fields["country"] : nil).flatMap { node throws(YAMLError) in try reader.optionalString(node, key: "country") })
        }
    }

    private static func required(_ fields: [String: Node], _ key: String, _ reader: YAMLReader, _ line: Int?) throws(YAMLError) -> String {
        guard let node = fields[key], let value = try reader.optionalString(node, key: key) else {
            throw YAMLError(line: line, message: "entry has no '\(key)'")
        }
        return value
    }

    private static func entries<Entry: Sendable>(
        _ text: String, file: String, listKey: String, known: Set<String>,
        make: ([String: Node], YAMLReader, Int?) throws(YAMLError) -> Entry
    ) throws(YAMLError) -> Parsed<Entry> {
        let reader = YAMLReader()
        guard var root = try reader.compose(text), !reader.isNull(root) else {
            return Parsed(entries: [], diagnostics: [])
        }
        if root.mapping != nil {
            let pairs = try reader.mapping(root, what: file)
            guard pairs.count == 1, pairs[0].key == listKey else {
                throw YAMLError(line: reader.line(of: root), message: "expected a list of entries (or '\(listKey):' holding one)")
            }
            root = pairs[0].value
        }
        guard let list = root.sequence else {
            throw YAMLError(line: reader.line(of: root), message: "expected a list of entries, one per '- name: …'")
        }
        var result: [Entry] = []
        var diagnostics: [Diagnostic] = []
        for item in list {
            var fields: [String: Node] = [:]
            for (key, value, line) in try reader.mapping(item, what: "an entry") {
                if known.contains(key) {
                    fields[key] = value
                } else {
                    diagnostics.append(Diagnostic(.warning, step: "ingest", file: file, line: line,
                                                  "unknown key '\(key)' is ignored (known keys: \(known.sorted().joined(separator: ", ")))"))
                }
            }
            result.append(try make(fields, reader, reader.line(of: item)))
        }
        return Parsed(entries: result, diagnostics: diagnostics)
    }

    public static func site(_ text: String, file: String) throws(YAMLError) -> (SiteConfig, [Diagnostic]) {
        let reader = YAMLReader()
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        guard let root = try reader.compose(text), !reader.isNull(root) else { return (config, []) }
        for (key, value, line) in try reader.mapping(root, what: file) {
            switch key {
            case "title": config.title = try reader.optionalString(value, key: key) ?? config.title
            case "description": config.description = try reader.optionalString(value, key: key) ?? ""
            case "base_url", "baseURL", "base-url":
                if let url = try reader.optionalString(value, key: key) { config.baseURL = SiteConfig.normalizedBaseURL(url) }
            case "language": config.language = try reader.optionalString(value, key: key) ?? config.language
            default:
                diagnostics.append(Diagnostic(.warning, step: "ingest", file: file, line: line,
                                              "unknown key '\(key)' is ignored (known keys: base_url, description, language, title)"))
            }
        }
        return (config, diagnostics)
    }
}
