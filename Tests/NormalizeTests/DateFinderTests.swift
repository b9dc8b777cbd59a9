import ParleyCore
import Testing
@testable import Normalize

@Suite struct DateFinderTests {
    @Test func statedAndFrontMatterAreExact() {
        let day = Day(year: 2022, month: 12, day: 2)!
        #expect(DateFinder.decide(stated: day, statedText: "date 2022-12-02", frontMatter: nil, dateline: nil, paragraphs: []).status == .exact)
        let fm = Day(year: 2023, month: 1, day: 1)!
        let d = DateFinder.decide(stated: day, statedText: nil, frontMatter: fm, dateline: nil, paragraphs: [])
        #expect(d.day == fm && d.status == .exact)
    }

    @Test func datelineDayWithYearsNamed() {
        let dl = Dateline(raw: "WASHINGTON, July 6. /TASS/.", places: ["Washington"], source: "TASS", month: 7, day: 6)
        let d = DateFinder.decide(stated: nil, statedText: nil, frontMatter: nil, dateline: dl,
                                  paragraphs: ["Talks began in 2021.", "In 2022 they stalled; a deal is due by 2030."])
        #expect(d.day == Day(year: 2022, month: 7, day: 6))
        #expect(d.status == .inferred)
        #expect(d.basis?.contains("2022") == true)
    }

    @Test func noYearEvidenceStaysUndated() {
        let dl = Dateline(raw: "WASHINGTON, July 6. /TASS/.", places: ["Washington"], source: "TASS", month: 7, day: 6)
        #expect(DateFinder.decide(stated: nil, statedText: nil, frontMatter: nil, dateline: dl, paragraphs: ["No years here."]).status == .undated)
        // A year named in passing without a dateline day is not a publication year.
        #expect(DateFinder.decide(stated: nil, statedText: nil, frontMatter: nil, dateline: nil,
                                  paragraphs: ["In 2022, Moscow and Kiev managed to agree."]).status == .undated)
    }

    @Test func monthNames() {
        #expect(DateFinder.month("Dec.") == 12)
        #expect(DateFinder.month("September") == 9)
        #expect(DateFinder.month("Sept") == 9)
        #expect(DateFinder.month("Monday") == nil)
    }
}
