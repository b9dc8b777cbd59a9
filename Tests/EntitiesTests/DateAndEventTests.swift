import Entities
import ParleyCore
import Testing

@Suite struct DateAndEventTests {
    let recognizer = EntityRecognizer(registry: smallRegistry)

    @Test func datelineYearFromReferencedEvents() {
        let r = recognizer.analyze(article(["WASHINGTON, July 6. Talks have been underway since February 24; later came the talks in Istanbul."],
                                           dateline: Dateline(raw: "WASHINGTON, July 6.", places: ["Washington"], month: 7, day: 6)))
        #expect(r.article.date.day == Day(iso: "2022-07-06"))
        #expect(r.article.date.status == .inferred)
        #expect(r.article.date.basis?.contains("2022") == true)
    }

    @Test func eventWeekdayDatesTheArticle() {
        let r = recognizer.analyze(article(["On Tuesday, the delegations held face-to-face talks in Istanbul."]))
        #expect(r.article.date.day == Day(iso: "2022-03-29"))
        #expect(r.article.date.status == .inferred)
    }

    @Test func weekdayThatDoesNotMatchGivesNoDate() {
        let r = recognizer.analyze(article(["On Thursday officials spoke of the Kursk incursion."]))
        #expect(r.article.date.day == nil)
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.message.contains("undated") })
        #expect(r.events.map(\.id) == ["kursk-incursion"])
    }

    @Test func eventAfterArticleDateIsNotReferenced() {
        let r = recognizer.analyze(article(["They recalled the Kursk incursion."], date: .exact(Day(iso: "2023-01-01")!)))
        #expect(r.events.isEmpty)
        #expect(r.article.date.day == Day(iso: "2023-01-01"))
    }

    @Test func placeAndMeetingWordFindEvent() {
        let r = recognizer.analyze(article(["At the end of March, a face-to-face meeting took place in Istanbul."], date: .exact(Day(iso: "2022-07-06")!)))
        #expect(r.events.map(\.id) == ["istanbul-talks-2022"])
        #expect(r.places == ["Istanbul"])
    }

    @Test func placeOfSeveralMeetingsNamesNoneOfThemAlone() {
        var registry = smallRegistry
        registry.events += [
            Event(id: "grain-talks-2021", name: "Grain talks in Istanbul", start: Day(iso: "2021-05-04"), place: "Istanbul",
                  phrases: ["grain talks"]),
        ]
        let recognizer = EntityRecognizer(registry: registry)
        let date = ArticleDate.exact(Day(iso: "2022-07-06")!)
        let vague = recognizer.analyze(article(["A face-to-face meeting took place in Istanbul."], date: date))
        #expect(vague.events.isEmpty)
        let named = recognizer.analyze(article(["The grain talks resumed. A face-to-face meeting took place in Istanbul."], date: date))
        #expect(named.events.map(\.id) == ["grain-talks-2021"])
        let before = recognizer.analyze(article(["A face-to-face meeting took place in Istanbul."], date: .exact(Day(iso: "2021-06-01")!)))
        #expect(before.events.map(\.id) == ["grain-talks-2021"], "the only meeting held there before the article")
    }

    @Test func frontMatterOverrides() {
        let fm = FrontMatter(people: ["Sergey Lavrov", "Someone New"], events: ["full-scale-invasion"], places: ["Kiev"])
        let r = recognizer.analyze(article(["Lavrov and Blinken met in Kyiv and Istanbul after the talks in Istanbul."], frontMatter: fm))
        #expect(r.people.map(\.person.name) == ["Sergei Lavrov", "Someone New"])
        #expect(r.people[0].mentions == 1)
        #expect(r.people[1].person.inRegistry == false)
        #expect(r.events.map(\.id) == ["full-scale-invasion"])
        #expect(r.places == ["Kyiv"])
        #expect(!r.mentions.contains { $0.entity == "antony-blinken" })
    }
}
