import ParleyCore

/// Checks a registry for entries that would make names ambiguous.
public enum RegistryValidator {
    public static func validate(_ registry: Registry) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: [String]] = [:]
        var ids: [String: [String]] = [:]
        for person in registry.people {
            ids[person.id, default: []].append(person.name)
            for name in Set([person.name] + person.aliases).map({ $0.lowercased() }) {
                owners[name, default: []].append(person.name)
            }
        }
        for (alias, people) in owners.sorted(by: { $0.key < $1.key }) where Set(people).count > 1 {
            diagnostics.append(Diagnostic(.warning, step: "ingest", file: "people.yml",
                                          "the name '\(alias)' belongs to \(people.sorted().joined(separator: " and ")); it will not be linked to either"))
        }
        for (id, people) in ids.sorted(by: { $0.key < $1.key }) where people.count > 1 {
            diagnostics.append(Diagnostic(.error, step: "ingest", file: "people.yml",
                                          "the id '\(id)' is used by \(people.sorted().joined(separator: " and ")); give each an 'id:'"))
        }
        var eventIDs: [String: [String]] = [:]
        for event in registry.events { eventIDs[event.id, default: []].append(event.name) }
        for (id, events) in eventIDs.sorted(by: { $0.key < $1.key }) where events.count > 1 {
            diagnostics.append(Diagnostic(.error, step: "ingest", file: "events.yml",
                                          "the id '\(id)' is used by \(events.sorted().joined(separator: " and ")); give each an 'id:'"))
        }
        return diagnostics
    }
}
