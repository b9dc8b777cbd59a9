import ParleyCore

/// schema.org descriptions of pages as JSON-LD, for the `<script type="application/ld+json">`
/// of their head: `NewsArticle` for an article, `Person` for a person, `Event` for an event.
/// Only what the site knows is said: an undated article has no `datePublished`.
struct StructuredData {
    let contexts: PageContexts

    private var site: SiteConfig { contexts.site }
    private var library: Library { contexts.library }

    /// The site, as publisher of every article.
    private var publisher: JSONValue {
        .object([("@type", .string("Organization")), ("name", .string(site.title)), ("url", .string(site.baseURL))])
    }

    func article(_ index: Int) -> JSONValue {
        let entry = library.articles[index]
        let a = entry.article
        let url = contexts.canonical(entry.path)
        return .members([
            ("@context", .string("https://schema.org")),
            ("@type", .string("NewsArticle")),
            ("headline", .string(a.title)),
            ("description", .nonEmpty(entry.summary)),
            ("datePublished", a.date.day.map { .string($0.iso) }),
            ("inLanguage", .string(site.language)),
            ("url", .string(url)),
            ("mainEntityOfPage", .string(url)),
            ("publisher", publisher),
            ("sourceOrganization", a.outlet.map { .object([("@type", .string("Organization")), ("name", .string($0))]) }),
            ("author", .nonEmpty(a.contributors.map { .object([("@type", .string("Person")), ("name", .string($0))]) })),
            ("mentions", .nonEmpty(entry.analyzed.people.compactMap { personReference($0.person.id) })),
            ("about", .nonEmpty(entry.analyzed.events.compactMap { eventReference($0.id) })),
        ])
    }

    func person(_ entry: PersonEntry) -> JSONValue {
        let p = entry.person
        return .members([
            ("@context", .string("https://schema.org")),
            ("@type", .string("Person")),
            ("name", .string(p.name)),
            ("alternateName", .nonEmpty(p.aliases.map { .string($0) })),
            ("jobTitle", .nonEmpty(p.roles.map { .string($0) })),
            ("nationality", p.country.map { .object([("@type", .string("Country")), ("name", .string($0))]) }),
            ("url", .string(contexts.canonical(entry.path))),
        ])
    }

    func event(_ entry: EventEntry) -> JSONValue {
        let e = entry.event
        return .members([
            ("@context", .string("https://schema.org")),
            ("@type", .string("Event")),
            ("name", .string(e.name)),
            ("description", .nonEmpty(e.summary)),
            ("startDate", e.start.map { .string($0.iso) }),
            ("endDate", (e.end ?? e.start).map { .string($0.iso) }),
            ("location", e.place.map { .object([("@type", .string("Place")), ("name", .string($0))]) }),
            ("attendee", .nonEmpty(entry.people.compactMap(personReference))),
            ("url", .string(contexts.canonical(entry.path))),
        ])
    }

    /// A person named on a page: name and the address of their page.
    private func personReference(_ id: String) -> JSONValue? {
        guard let i = library.personPosition(id) else { return nil }
        return .object([("@type", .string("Person")), ("name", .string(library.people[i].person.name)),
                        ("url", .string(contexts.canonical(library.people[i].path)))])
    }

    private func eventReference(_ id: String) -> JSONValue? {
        guard let i = library.eventPosition(id) else { return nil }
        return .object([("@type", .string("Event")), ("name", .string(library.events[i].event.name)),
                        ("url", .string(contexts.canonical(library.events[i].path)))])
    }
}
