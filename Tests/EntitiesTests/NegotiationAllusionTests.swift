import Entities
import ParleyCore
import Testing

/// A year's negotiations alluded to by a year, two parties and a negotiation word: `in 2021,
/// Moscow and Kyiv reached agreements` (invented registry and sentences).
@Suite struct NegotiationAllusionTests {
    static let registry = Registry(
        people: [
            Person(id: "ivan-petrov", name: "Ivan Petrov", country: "Russia"),
            Person(id: "oksana-kovalenko", name: "Oksana Kovalenko", country: "Ukraine"),
            Person(id: "ayse-demir", name: "Ayşe Demir", country: "Turkey"),
            Person(id: "john-carter", name: "John Carter", country: "USA"),
        ],
        events: [
            Event(id: "first-round", name: "First round of talks in Gomel", start: Day(iso: "2021-02-10"), place: "Gomel",
                  phrases: ["talks in Gomel"], participants: ["ivan-petrov", "oksana-kovalenko"]),
            Event(id: "second-round", name: "Second round of talks in Antalya", start: Day(iso: "2021-05-20"), place: "Antalya",
                  phrases: ["talks in Antalya"], participants: ["ivan-petrov", "oksana-kovalenko", "ayse-demir"]),
            Event(id: "declaration-2021", name: "Declaration on the border", start: Day(iso: "2021-09-01"), place: "Moscow",
                  participants: ["ivan-petrov", "oksana-kovalenko"]),
            Event(id: "vienna-summit-2023", name: "Summit in Vienna", start: Day(iso: "2023-06-01"), place: "Vienna",
                  participants: ["ivan-petrov", "john-carter"]),
        ],
        places: [NamedEntity(name: "Russia"), NamedEntity(name: "Ukraine"), NamedEntity(name: "United States", aliases: ["USA"]),
                 NamedEntity(name: "Moscow", country: "Russia"), NamedEntity(name: "Kyiv", aliases: ["Kiev"], country: "Ukraine"),
                 NamedEntity(name: "Washington", country: "United States"), NamedEntity(name: "Gomel"), NamedEntity(name: "Antalya"),
                 NamedEntity(name: "Vienna")]
    )
    let recognizer = EntityRecognizer(registry: registry)

    func events(_ text: String, date: ArticleDate = .undated) -> [String] {
        recognizer.analyze(article([text], date: date)).events.map(\.id)
    }

    @Test func anOutcomeIsWhereTheYearsNegotiationsEnded() {
        #expect(events("The minister noted that in 2021, Moscow and Kiev reached agreements on prisoners.") == ["second-round"])
        #expect(events("In 2021, Russia and Ukraine agreed on a grain corridor.") == ["second-round"])
        // The latest negotiation not after the article.
        #expect(events("In 2021, Moscow and Kyiv reached a deal on prisoners.", date: .exact(Day(iso: "2021-03-01")!)) == ["first-round"])
        // The reference is the negotiation word.
        let r = recognizer.analyze(article(["He said that in 2021, Moscow and Kyiv reached agreements on prisoners."]))
        #expect(r.mentions.first { $0.kind == .event }.map(r.article.text(of:)) == "agreements")
    }

    @Test func aCapitalOrACountryNameInAnySpellingIsAParty() {
        #expect(events("In 2023, Washington and Moscow held talks on arms control.") == ["vienna-summit-2023"])
        #expect(events("In 2023, the USA and Russia held talks on arms control.") == ["vienna-summit-2023"])
    }

    @Test func oneParty() {
        #expect(events("In 2021, Moscow reached agreements with its partners.").isEmpty)
        #expect(events("In 2021, Moscow and Moscow's partners reached agreements.").isEmpty)
    }

    @Test func noYear() {
        #expect(events("Moscow and Kyiv reached agreements on prisoners.").isEmpty)
        #expect(events("In March, Moscow and Kyiv reached agreements on prisoners.").isEmpty)
    }

    @Test func aYearWithoutANegotiationOfThoseParties() {
        #expect(events("In 2022, Moscow and Kyiv reached agreements on prisoners.").isEmpty)
        #expect(events("In 2021, Washington and Kyiv reached agreements on prisoners.").isEmpty)
        // A month that no negotiation of the year was held in.
        #expect(events("In July 2021, Moscow and Kyiv reached agreements on prisoners.").isEmpty)
        #expect(events("In May 2021, Moscow and Kyiv reached agreements on prisoners.") == ["second-round"])
    }

    @Test func aProcessWordWithSeveralCandidatesIsAmbiguous() {
        #expect(events("In 2021, Moscow and Kyiv held talks on prisoners.").isEmpty)
        #expect(events("In 2021, Moscow and Kyiv kept up a dialogue.").isEmpty)
        #expect(events("In 2021, Moscow and Kyiv held talks.", date: .exact(Day(iso: "2021-03-01")!)) == ["first-round"])
    }

    @Test func aSentenceLookingForwardAlludesToNothing() {
        #expect(events("In 2021, Moscow and Kyiv could reach a deal on prisoners.").isEmpty)
        #expect(events("In 2021, Moscow and Kyiv will reach agreements on prisoners.").isEmpty)
    }

    @Test func aSentenceThatNamesItsEventAlludesToNothingElse() {
        #expect(events("In 2021, Moscow and Kyiv agreed at the talks in Gomel to swap prisoners.") == ["first-round"])
        #expect(events("In 2021, Moscow and Kyiv had to deal with floods.").isEmpty)
    }
}
