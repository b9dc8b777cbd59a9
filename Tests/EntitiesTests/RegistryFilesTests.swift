import Foundation
import Ingest
import ParleyCore
import Testing

/// The shipped registries parse without diagnostics, are unambiguous, and cover the seeds.
@Suite struct RegistryFilesTests {
    @Test func registriesParseCleanly() throws {
        let dir = Support.repoRoot.appendingPathComponent("content")
        func text(_ name: String) throws -> String { try #require(Support.read(dir.appendingPathComponent(name))) }
        let people = try RegistryParser.people(try text("people.yml"), file: "people.yml")
        let events = try RegistryParser.events(try text("events.yml"), file: "events.yml")
        let places = try RegistryParser.namedEntities(try text("places.yml"), file: "places.yml", listKey: "places")
        let orgs = try RegistryParser.namedEntities(try text("organizations.yml"), file: "organizations.yml", listKey: "organizations")
        #expect(people.diagnostics.isEmpty && events.diagnostics.isEmpty && places.diagnostics.isEmpty && orgs.diagnostics.isEmpty)
        let registry = Registry(people: people.entries, events: events.entries, places: places.entries, organizations: orgs.entries)
        #expect(RegistryValidator.validate(registry).isEmpty, "\(RegistryValidator.validate(registry))")
        let ids = Set(registry.people.map(\.id))
        for e in registry.events {
            #expect(e.start != nil, "\(e.id)")
            for p in e.participants { #expect(ids.contains(p), "\(e.id): \(p)") }
        }
        // Everyone named in the seeds' gold is in the registry.
        let names = Set(registry.people.map(\.name))
        for g in Support.gold("seeds-gold.jsonl") {
            for p in (g["people"] as? [String]) ?? [] { #expect(names.contains(p), "\(p)") }
        }
    }
}
