import Entities
import ParleyCore
import Testing

/// Event references weighed by the words around them: meetings still to come, dates that
/// qualify or contradict a reference, phrases inside longer phrases, dates of statements.
@Suite struct EventContextTests {
    static let registry = Registry(
        people: [
            Person(id: "antony-blinken", name: "Antony Blinken"),
            Person(id: "sergei-lavrov", name: "Sergei Lavrov"),
        ],
        events: [
            Event(id: "vienna-safety-2018", name: "Nuclear safety talks in Vienna", start: Day(iso: "2018-12-09"), place: "Vienna",
                  phrases: ["nuclear safety talks in Vienna"]),
            Event(id: "geneva-talks-2019", name: "Talks in Geneva", start: Day(iso: "2019-08-18"), place: "Geneva",
                  phrases: ["talks in Geneva"]),
            Event(id: "geneva-swap-2014", name: "Prisoner exchange talks in Geneva", start: Day(iso: "2014-07-03"), place: "Geneva",
                  phrases: ["prisoner exchange talks in Geneva"]),
            Event(id: "council-2022", name: "Council session", start: Day(iso: "2022-01-12"), place: "Brussels",
                  phrases: ["January 12 session of the Council"]),
            Event(id: "energy-2014", name: "Energy talks in Cairo", start: Day(iso: "2014-01-12"), place: "Cairo",
                  phrases: ["energy talks in Cairo"]),
            Event(id: "sochi-energy-2015", name: "Energy talks in Sochi", start: Day(iso: "2015-05-13"), place: "Sochi",
                  phrases: ["energy talks in Sochi"]),
            Event(id: "riyadh-talks-2025", name: "Talks in Riyadh", start: Day(iso: "2025-02-18"), place: "Riyadh",
                  phrases: ["talks in Riyadh"]),
            Event(id: "riyadh-round-2019", name: "Round of talks in Riyadh", start: Day(iso: "2019-10-17"), place: "Riyadh",
                  phrases: ["October 17 round of talks in Riyadh"]),
            Event(id: "oslo-ministers-2016", name: "Ministers' meeting in Oslo", start: Day(iso: "2016-04-02"), place: "Oslo",
                  phrases: ["foreign ministers' meeting in Oslo", "watchdog's visit to Oslo"]),
        ],
        places: [NamedEntity(name: "Vienna"), NamedEntity(name: "Geneva"), NamedEntity(name: "Brussels"),
                 NamedEntity(name: "Cairo"), NamedEntity(name: "Sochi"), NamedEntity(name: "Oslo"), NamedEntity(name: "Riyadh")]
    )
    let recognizer = EntityRecognizer(registry: registry)

    func events(_ text: String, date: ArticleDate = .undated) -> [String] {
        recognizer.analyze(article([text], date: date)).events.map(\.id)
    }

    @Test func meetingStillToComeIsNotAHeldOne() {
        #expect(events("Lavrov said the next round of talks could be held in Vienna before the end of the year.").isEmpty)
        #expect(events("The talks in Geneva are expected to focus on grain exports.").isEmpty)
        #expect(events("Lavrov ruled out a ceasefire before talks in Geneva.").isEmpty)
        #expect(events("The talks in Geneva ended without a breakthrough.") == ["geneva-talks-2019"])
        #expect(events("A meeting was held in Vienna.") == ["vienna-safety-2018"])
    }

    @Test func meetingAsAVerbIsNotAnEvent() {
        #expect(events("Lavrov spoke after meeting Blinken in Vienna.").isEmpty)
        #expect(events("Lavrov spoke after meeting bin Zayed in Vienna.").isEmpty)
        #expect(events("Lavrov spoke after meeting de Vries in Vienna.").isEmpty)
        #expect(events("Lavrov spoke after the meeting in Vienna.") == ["vienna-safety-2018"])
    }

    @Test func writtenDateMustAgree() {
        #expect(events("The October 2021 talks in Geneva ended without a breakthrough.").isEmpty)
        #expect(events("He recalled the talks in Geneva in May 2021.").isEmpty)
        #expect(events("He recalled the talks in Geneva in August 2019.") == ["geneva-talks-2019"])
        #expect(events("The August 2019 talks in Geneva ended without a breakthrough.") == ["geneva-talks-2019"])
        #expect(events("A meeting was held in Vienna in March 2020.").isEmpty)
    }

    @Test func referenceInsideLongerPhraseBelongsToIt() {
        #expect(events("They met at the prisoner exchange talks in Geneva.") == ["geneva-swap-2014"])
        #expect(events("The January 12 session of the Council ended without a breakthrough.") == ["council-2022"])
    }

    @Test func dateOfAStatementIsNotAnEvent() {
        #expect(events("Lavrov told reporters on August 18 that contacts would continue.").isEmpty)
        #expect(events("Lavrov said on January 12 that contacts would continue.").isEmpty)
        #expect(events("Since August 18, contacts have continued.") == ["geneva-talks-2019"])
    }

    @Test func aPhraseWithAPossessiveMatchesInAnySpellingOfTheApostrophe() {
        #expect(events("It was discussed at the foreign ministers’ meeting in Oslo.") == ["oslo-ministers-2016"])
        #expect(events("It was discussed at the foreign ministers' meeting in Oslo.") == ["oslo-ministers-2016"])
        #expect(events("It was discussed during the watchdog’s visit to Oslo.") == ["oslo-ministers-2016"])
        // A possessive still ends a name: `Blinken’s Vienna` is no spelling.
        #expect(recognizer.analyze(article(["Antony Blinken’s Vienna remarks were brief."])).people.map(\.person.id) == ["antony-blinken"])
    }

    @Test func aShortenedMentionOfANamedEventIsThatEvent() {
        let named = "He recalled the October 17 round of talks in Riyadh."
        #expect(events(named + " No progress was made since the round of talks in Riyadh.") == ["riyadh-round-2019"])
        // `the talks in Riyadh` does not go on with the longer phrase's words: its own event.
        #expect(events(named + " He also recalled the talks in Riyadh.") == ["riyadh-round-2019", "riyadh-talks-2025"])
        #expect(events("No progress was made since the round of talks in Riyadh.") == ["riyadh-talks-2025"])
    }

    @Test func dateOfAMeetingHeldElsewhere() {
        #expect(events("The May 13 energy talks in Oslo ended without a breakthrough.").isEmpty)
        #expect(events("The May 13 talks in Sochi ended without a breakthrough.") == ["sochi-energy-2015"])
    }

    @Test func dayAndMonthWithoutYearAreWithinTheYearBeforeTheArticle() {
        let late = ArticleDate.exact(Day(iso: "2023-08-20")!)
        #expect(events("Contacts have continued since August 18.", date: late).isEmpty)
        let soon = ArticleDate.exact(Day(iso: "2019-08-25")!)
        #expect(events("Contacts have continued since August 18.", date: soon) == ["geneva-talks-2019"])
    }
}

/// A date inferred from the dateline day and the latest year named is the earliest the article
/// can be: a registry event named by phrase after it moves the date, and is kept.
@Suite struct InferredDateLowerBoundTests {
    @Test func laterEventNamedByPhraseMovesTheDate() {
        let recognizer = EntityRecognizer(registry: EventContextTests.registry)
        let dateline = Dateline(raw: "GENEVA, March 3.", places: ["Geneva"], month: 3, day: 3)
        let inferred = ArticleDate.inferred(Day(iso: "2014-03-03")!, basis: "latest year named")
        let r = recognizer.analyze(article(["In 2014 the envoys met. They recalled the prisoner exchange talks in Geneva."],
                                           date: inferred, dateline: dateline))
        #expect(r.events.map(\.id) == ["geneva-swap-2014"])
        #expect(r.article.date.day == Day(iso: "2015-03-03"))
        #expect(r.article.date.status == .inferred)
        // An exact date still rules out later events.
        let exact = recognizer.analyze(article(["They recalled the prisoner exchange talks in Geneva."],
                                               date: .exact(Day(iso: "2014-03-03")!), dateline: dateline))
        #expect(exact.events.isEmpty)
    }
}
