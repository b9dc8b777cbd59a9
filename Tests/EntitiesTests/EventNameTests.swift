import Entities
import ParleyCore
import Testing

/// An event's registry name refers to it like a phrase; a name several events share is weighed
/// like a place (invented registry and sentences).
@Suite struct EventNameTests {
    static let registry = Registry(
        events: [
            Event(id: "lisbon-2019", name: "Lisbon talks (May 2019)", start: Day(iso: "2019-05-10"), place: "Lisbon"),
            Event(id: "lisbon-2023", name: "Lisbon talks (June 2023)", start: Day(iso: "2023-06-02"), place: "Lisbon"),
            Event(id: "lisbon-round-2021", name: "Round of talks in Lisbon (April 2021)", start: Day(iso: "2021-04-15"), place: "Lisbon",
                  phrases: ["April 2021 round of talks in Lisbon"]),
            Event(id: "porto-summit", name: "Porto harbour summit", start: Day(iso: "2020-03-01"), place: "Porto"),
            Event(id: "porto-forum", name: "Porto forum (2018)", start: Day(iso: "2018-05-01"), place: "Porto"),
            Event(id: "porto-forum-talks", name: "Porto forum talks", start: Day(iso: "2018-05-02"), place: "Porto",
                  phrases: ["Porto forum"]),
        ],
        places: [NamedEntity(name: "Lisbon"), NamedEntity(name: "Porto")]
    )
    let recognizer = EntityRecognizer(registry: registry)

    func events(_ text: String, date: ArticleDate = .undated) -> [String] {
        recognizer.analyze(article([text], date: date)).events.map(\.id)
    }

    @Test func aNameIsAPhrase() {
        #expect(events("Nothing came of the Porto harbour summit.") == ["porto-summit"])
    }

    @Test func aNameThatIsAnotherEventsPhraseGoesToThatEvent() {
        #expect(events("He spoke at the Porto forum.") == ["porto-forum-talks"])
    }

    @Test func aNameThatIsAMeetingAtItsPlaceIsNoPhrase() {
        // `Round of talks in Lisbon` is weighed by the place rule against the other Lisbon meetings.
        #expect(events("He recalled the round of talks in Lisbon.").isEmpty)
    }

    @Test func aSharedNameNamesTheOneTheDatesLeave() {
        #expect(events("He recalled the Lisbon talks.").isEmpty)
        #expect(events("He recalled the Lisbon talks.", date: .exact(Day(iso: "2020-01-10")!)) == ["lisbon-2019"])
    }

    @Test func aSharedNameNextToANamedMeetingAtItsPlaceIsThatMeeting() {
        let text = "No progress was made since the April 2021 round of talks in Lisbon. Nothing was agreed at the Lisbon talks."
        #expect(events(text, date: .exact(Day(iso: "2021-05-01")!)) == ["lisbon-round-2021"])
    }
}
