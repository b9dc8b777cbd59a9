import Ingest
import ParleyCore
import Testing

/// `places.yml` may give a place the country it stands for (`Moscow` → Russia).
@Suite struct PlaceCountryTests {
    @Test func aPlaceMayNameItsCountry() throws {
        let parsed = try RegistryParser.namedEntities("""
            - name: Moscow
              country: Russia
            - name: Russia
            """, file: "places.yml", listKey: "places")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entries == [NamedEntity(name: "Moscow", country: "Russia"), NamedEntity(name: "Russia")])
    }

    @Test func anOrganizationHasNoCountry() throws {
        let parsed = try RegistryParser.namedEntities("""
            - name: Kremlin
              country: Russia
            """, file: "organizations.yml", listKey: "organizations")
        #expect(parsed.entries == [NamedEntity(name: "Kremlin")])
        #expect(parsed.diagnostics.count == 1)
    }
}
