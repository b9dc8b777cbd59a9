import ParleyCore

/// What Parley extracted from one article, as `parley inspect` prints it.
public struct ArticleReport: Codable, Sendable, Equatable {
    public struct DatelineReport: Codable, Sendable, Equatable {
        public var places: [String]
        public var raw: String
    }

    public struct PersonReport: Codable, Sendable, Equatable {
        public var name: String
        public var mentions: Int
        public var inRegistry: Bool
        public var roles: [String]

        enum CodingKeys: String, CodingKey {
            case name, mentions, roles
            case inRegistry = "in_registry"
        }
    }

    public struct EventReport: Codable, Sendable, Equatable {
        public var name: String
        public var date: String?
    }

    public struct QuoteReport: Codable, Sendable, Equatable {
        public var speaker: String
        public var text: String
    }

    public struct DiagnosticReport: Codable, Sendable, Equatable {
        public var severity: String
        public var message: String
        public var line: Int?
    }

    public var file: String
    public var title: String
    public var date: String?
    public var dateStatus: String
    public var dateline: DatelineReport?
    public var source: String?
    public var contributors: [String]
    public var people: [PersonReport]
    public var events: [EventReport]
    public var places: [String]
    public var organizations: [String]
    public var quotes: [QuoteReport]
    public var diagnostics: [DiagnosticReport]

    enum CodingKeys: String, CodingKey {
        case file, title, date, dateline, source, contributors, people, events, places, organizations, quotes, diagnostics
        case dateStatus = "date_status"
    }

    public init(_ analyzed: AnalyzedArticle, file: String, extraDiagnostics: [Diagnostic] = []) {
        let a = analyzed.article
        self.file = file
        title = a.title
        date = a.date.day?.iso
        dateStatus = a.date.status.rawValue
        dateline = a.dateline.map { DatelineReport(places: $0.places, raw: $0.raw) }
        source = a.outlet
        contributors = a.contributors
        people = analyzed.people.map { PersonReport(name: $0.person.name, mentions: $0.mentions, inRegistry: $0.person.inRegistry, roles: $0.roles) }
        events = analyzed.events.map { EventReport(name: $0.name, date: $0.start?.iso) }
        places = analyzed.places
        organizations = analyzed.organizations
        let names = Dictionary(analyzed.people.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { x, _ in x })
        quotes = analyzed.quotes.map { QuoteReport(speaker: names[$0.speaker] ?? $0.speaker, text: $0.text) }
        diagnostics = (extraDiagnostics + a.diagnostics + analyzed.diagnostics).sorted()
            .map { DiagnosticReport(severity: $0.severity.rawValue, message: $0.message, line: $0.line) }
    }

    /// A readable multi-line account for people at a terminal.
    public var text: String {
        var lines = ["\(file)", "  title:        \(title)"]
        lines.append("  date:         \(date ?? "—") (\(dateStatus))")
        if let dateline { lines.append("  dateline:     \(dateline.raw)  → \(dateline.places.joined(separator: ", "))") }
        lines.append("  source:       \(source ?? "—")")
        if !contributors.isEmpty { lines.append("  contributors: \(contributors.joined(separator: ", "))") }
        if !people.isEmpty {
            lines.append("  people:")
            for p in people {
                let role = p.roles.isEmpty ? "" : " — \(p.roles.joined(separator: "; "))"
                lines.append("    \(p.name) ×\(p.mentions)\(p.inRegistry ? "" : " (not in the registry)")\(role)")
            }
        }
        if !events.isEmpty {
            lines.append("  events:")
            for e in events { lines.append("    \(e.name)\(e.date.map { " (\($0))" } ?? "")") }
        }
        if !places.isEmpty { lines.append("  places:       \(places.joined(separator: ", "))") }
        if !organizations.isEmpty { lines.append("  organizations: \(organizations.joined(separator: ", "))") }
        if !quotes.isEmpty {
            lines.append("  quotes:")
            for q in quotes { lines.append("    \(q.speaker): “\(q.text)”") }
        }
        if !diagnostics.isEmpty {
            lines.append("  diagnostics:")
            for d in diagnostics { lines.append("    \(d.line.map { "line \($0): " } ?? "")\(d.severity): \(d.message)") }
        }
        return lines.joined(separator: "\n")
    }
}
