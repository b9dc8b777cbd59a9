import ParleyCore
import Testing

@Suite struct DayTests {
    @Test func parsesAndPrintsISO() {
        #expect(Day(iso: "2022-03-29")?.iso == "2022-03-29")
        #expect(Day(iso: "2022-03-29T10:00:00Z") == Day(year: 2022, month: 3, day: 29))
        #expect(Day(iso: "2022-02-30") == nil)
        #expect(Day(iso: "2022-3-29") == nil)
        #expect(Day(iso: "yesterday") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
    }

    @Test func knownWeekdays() throws {
        // 29 March 2022 was a Tuesday; 1 January 1970 a Thursday; 24 February 2022 a Thursday.
        #expect(try #require(Day(iso: "2022-03-29")).weekday == 2)
        #expect(try #require(Day(iso: "1970-01-01")).weekday == 4)
        #expect(try #require(Day(iso: "2022-02-24")).weekday == 4)
        #expect(try #require(Day(iso: "1969-12-31")).weekday == 3)
    }

    @Test func ordinalRoundTripsOverCenturies() {
        var previous: Int?
        for ordinal in stride(from: -719_000, through: 2_900_000, by: 997) { // years 1 to 9909
            let day = Day(ordinal: ordinal)
            #expect(day.ordinal == ordinal)
            #expect(Day(year: day.year, month: day.month, day: day.day) == day)
            if let previous { #expect(Day(ordinal: previous) < day) }
            previous = ordinal
        }
    }

    @Test func arithmeticAndDescriptions() throws {
        let day = try #require(Day(iso: "2022-12-31"))
        #expect(day.adding(days: 1).iso == "2023-01-01")
        #expect(day.adding(days: -365).iso == "2021-12-31")
        #expect(day.longDescription == "31 December 2022")
        #expect(day.monthDescription == "December 2022")
    }
}
