import Entities
import ParleyCore
import Testing

/// Where a role in front of or after a name begins and ends.
@Suite struct RoleBoundaryTests {
    let recognizer = EntityRecognizer(registry: smallRegistry)

    func roles(_ text: String, of name: String) -> [String] {
        recognizer.analyze(article([text])).people.first { $0.person.name == name }?.roles ?? []
    }

    @Test func twoPeopleJoinedByAndEachKeepTheirOwnRole() {
        #expect(roles("The German chancellor and French President Vladimir Putin met.", of: "Vladimir Putin") == ["French President"])
        #expect(roles("Istanbul and Foreign Minister Sergey Lavrov were named.", of: "Sergei Lavrov") == ["Foreign Minister"])
        // One role with `and` inside it stays whole.
        #expect(roles("Minister of Defence and Security Antony Blinken spoke.", of: "Antony Blinken") == ["Minister of Defence and Security"])
    }

    @Test func aClauseAfterANameIsNoApposition() {
        #expect(roles("According to Putin, the Russian Foreign Ministry had been informed about the contacts.", of: "Vladimir Putin").isEmpty)
        #expect(roles("Putin, the Russian President, spoke.", of: "Vladimir Putin") == ["the Russian President"]
            || roles("Putin, the Russian President, spoke.", of: "Vladimir Putin") == ["Russian President"])
    }
}
