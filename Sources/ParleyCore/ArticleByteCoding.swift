/// Analyzed articles as bytes, for the build cache: every field of `AnalyzedArticle` and of the
/// types it holds, in declaration order, but for the raw text of the source (`source.body`),
/// which nothing reads once an article is normalized. People and events of the registry are
/// written as their place in it (the cache is only read with the same registry). When a field
/// is added to one of these types it must be added here too; `ArticleByteCodingTests` fails
/// until it is (it round-trips real articles and counts the fields).
extension ByteWriter {
    public mutating func write(_ a: AnalyzedArticle, registry: RegistryIndex) {
        write(a.article)
        write(UInt64(a.people.count))
        for p in a.people {
            if let i = registry.people[p.person.id], registry.registry.people[i] == p.person {
                write(i + 1)
            } else {
                write(0)
                write(p.person)
            }
            write(p.mentions)
            write(p.roles)
        }
        write(UInt64(a.events.count))
        for e in a.events {
            if let i = registry.events[e.id], registry.registry.events[i] == e {
                write(i + 1)
            } else {
                write(0)
                write(e)
            }
        }
        write(a.places)
        write(a.organizations)
        write(UInt64(a.mentions.count))
        for m in a.mentions {
            write(m.kind.rawValue)
            write(m.entity)
            write(m.paragraph)
            write(m.start)
            write(m.end)
        }
        write(UInt64(a.quotes.count))
        for q in a.quotes {
            write(q.speaker)
            write(q.text)
            write(q.paragraph)
        }
        write(a.diagnostics)
    }

    public mutating func write(_ a: NormalizedArticle) {
        write(a.source)
        write(a.title)
        write(a.titleDerived)
        write(a.standfirst)
        write(a.date.day)
        write(a.date.status.rawValue)
        write(a.date.basis)
        write(a.dateline != nil)
        if let d = a.dateline {
            write(d.raw)
            write(d.places)
            write(d.source)
            write(d.month)
            write(d.day)
        }
        write(a.outlet)
        write(a.contributors)
        write(a.corrections)
        write(a.captions)
        write(a.storyCodes)
        write(UInt64(a.paragraphs.count))
        for p in a.paragraphs {
            write(p.text)
            write(p.line)
        }
        write(a.diagnostics)
    }

    public mutating func write(_ s: SourceArticle) {
        write(s.path)
        write(s.format.rawValue)
        write(s.bodyStartLine)
        write(s.frontMatter != nil)
        if let f = s.frontMatter {
            write(f.title)
            write(f.date)
            write(f.source)
            write(f.dateline)
            write(f.slug)
            write(f.summary)
            write(f.people)
            write(f.events)
            write(f.places)
            write(f.contributors)
        }
    }

    public mutating func write(_ p: Person) {
        write(p.id)
        write(p.name)
        write(p.aliases)
        write(p.roles)
        write(p.country)
        write(p.inRegistry)
    }

    public mutating func write(_ e: Event) {
        write(e.id)
        write(e.name)
        write(e.start)
        write(e.end)
        write(e.place)
        write(e.phrases)
        write(e.participants)
        write(e.summary)
    }

    public mutating func write(_ diagnostics: [Diagnostic]) {
        write(UInt64(diagnostics.count))
        for d in diagnostics {
            write(d.severity.rawValue)
            write(d.step)
            write(d.file)
            write(d.line)
            write(d.message)
        }
    }

    public mutating func write(_ day: Day?) {
        write(day != nil)
        if let day {
            write(day.year)
            write(day.month)
            write(day.day)
        }
    }

    public mutating func write(_ values: [String]?) {
        write(values != nil)
        if let values { write(values) }
    }
}

extension ByteReader {
    public mutating func readAnalyzedArticle(registry: RegistryIndex) throws(Damaged) -> AnalyzedArticle {
        let article = try readNormalizedArticle()
        let people = try readArray { r throws(Damaged) in
            let i = try r.readInt()
            guard i >= 0, i <= registry.registry.people.count else { throw Damaged() }
            let person = i > 0 ? registry.registry.people[i - 1] : try r.readPerson()
            return PersonInArticle(person: person, mentions: try r.readInt(), roles: try r.readStrings())
        }
        let events = try readArray { r throws(Damaged) in
            let i = try r.readInt()
            guard i >= 0, i <= registry.registry.events.count else { throw Damaged() }
            return i > 0 ? registry.registry.events[i - 1] : try r.readEvent()
        }
        let places = try readStrings()
        let organizations = try readStrings()
        let mentions = try readArray { r throws(Damaged) in
            guard let kind = EntityKind(rawValue: try r.readString()) else { throw Damaged() }
            let entity = try r.readString()
            let (paragraph, start, end) = (try r.readInt(), try r.readInt(), try r.readInt())
            // A mention stores these in 32 bits.
            guard [paragraph, start, end].allSatisfy({ Int32(exactly: $0) != nil }) else { throw Damaged() }
            return Mention(kind: kind, entity: entity, paragraph: paragraph, start: start, end: end)
        }
        let quotes = try readArray { r throws(Damaged) in
            Quote(speaker: try r.readString(), text: try r.readString(), paragraph: try r.readInt())
        }
        return AnalyzedArticle(article: article, people: people, events: events, places: places, organizations: organizations,
                               mentions: mentions, quotes: quotes, diagnostics: try readDiagnostics())
    }

    public mutating func readNormalizedArticle() throws(Damaged) -> NormalizedArticle {
        let source = try readSourceArticle()
        let title = try readString()
        let titleDerived = try readBool()
        let standfirst = try readOptionalString()
        let day = try readDay()
        guard let status = DateStatus(rawValue: try readString()) else { throw Damaged() }
        let date = ArticleDate(day: day, status: status, basis: try readOptionalString())
        var dateline: Dateline?
        if try readBool() {
            dateline = Dateline(raw: try readString(), places: try readStrings(), source: try readOptionalString(),
                                month: try readOptionalInt(), day: try readOptionalInt())
        }
        let outlet = try readOptionalString()
        let contributors = try readStrings()
        let corrections = try readStrings()
        let captions = try readStrings()
        let storyCodes = try readStrings()
        let paragraphs = try readArray { r throws(Damaged) in Paragraph(try r.readString(), line: try r.readOptionalInt()) }
        return NormalizedArticle(source: source, title: title, titleDerived: titleDerived, standfirst: standfirst, date: date,
                                 dateline: dateline, outlet: outlet, contributors: contributors, corrections: corrections,
                                 captions: captions, storyCodes: storyCodes, paragraphs: paragraphs, diagnostics: try readDiagnostics())
    }

    public mutating func readSourceArticle() throws(Damaged) -> SourceArticle {
        let path = try readString()
        guard let format = SourceArticle.Format(rawValue: try readString()) else { throw Damaged() }
        let body = ""
        let bodyStartLine = try readInt()
        var frontMatter: FrontMatter?
        if try readBool() {
            frontMatter = FrontMatter(title: try readOptionalString(), date: try readDay(), source: try readOptionalString(),
                                      dateline: try readOptionalString(), slug: try readOptionalString(), summary: try readOptionalString(),
                                      people: try readOptionalStrings(), events: try readOptionalStrings(), places: try readOptionalStrings(),
                                      contributors: try readOptionalStrings())
        }
        return SourceArticle(path: path, format: format, body: body, bodyStartLine: bodyStartLine, frontMatter: frontMatter)
    }

    public mutating func readPerson() throws(Damaged) -> Person {
        Person(id: try readString(), name: try readString(), aliases: try readStrings(), roles: try readStrings(),
               country: try readOptionalString(), inRegistry: try readBool())
    }

    public mutating func readEvent() throws(Damaged) -> Event {
        Event(id: try readString(), name: try readString(), start: try readDay(), end: try readDay(), place: try readOptionalString(),
              phrases: try readStrings(), participants: try readStrings(), summary: try readOptionalString())
    }

    public mutating func readDiagnostics() throws(Damaged) -> [Diagnostic] {
        try readArray { r throws(Damaged) in
            guard let severity = Diagnostic.Severity(rawValue: try r.readString()) else { throw Damaged() }
            return Diagnostic(severity, step: try r.readString(), file: try r.readOptionalString(), line: try r.readOptionalInt(), try r.readString())
        }
    }

    public mutating func readDay() throws(Damaged) -> Day? {
        guard try readBool() else { return nil }
        guard let day = Day(year: try readInt(), month: try readInt(), day: try readInt()) else { throw Damaged() }
        return day
    }

    public mutating func readOptionalStrings() throws(Damaged) -> [String]? {
        try readBool() ? try readStrings() : nil
    }
}

/// A registry with its people and events found by id, for writing them as their place.
public struct RegistryIndex: Sendable {
    public let registry: Registry
    let people: [String: Int]
    let events: [String: Int]

    public init(_ registry: Registry) {
        self.registry = registry
        people = Dictionary(registry.people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        events = Dictionary(registry.events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
