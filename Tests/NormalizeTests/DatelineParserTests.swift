import ParleyCore
import Testing
@testable import Normalize

@Suite struct DatelineParserTests {
    let parser = DatelineParser(places: [NamedEntity(name: "Kyiv", aliases: ["Kiev"])])

    func parse(_ text: String) -> DatelineParser.Result? { parser.parse(text) }

    @Test func tassShape() throws {
        let r = try #require(parse("WASHINGTON, July 6. /TASS/. The US approach remains unchanged."))
        let d = try #require(r.dateline)
        #expect(d.raw == "WASHINGTON, July 6. /TASS/.")
        #expect(d.places == ["Washington"])
        #expect(d.source == "TASS")
        #expect(d.month == 7 && d.day == 6)
        #expect(r.remainder == "The US approach remains unchanged.")
    }

    @Test func riaShapeAfterDateFragment() throws {
        let r = try #require(parse(" date 2022-12-02 WASHINGTON, December 2 – RIA Novosti. US President Joe Biden said."))
        #expect(r.statedDate == Day(year: 2022, month: 12, day: 2))
        let d = try #require(r.dateline)
        #expect(d.raw == "WASHINGTON, December 2 – RIA Novosti.")
        #expect(d.source == "RIA Novosti")
        #expect(d.month == 12 && d.day == 2)
        #expect(r.remainder == "US President Joe Biden said.")
    }

    @Test func titleCaseCityBeforeAKnownAgency() throws {
        let r = try #require(parse("Kiev (AFP) - The talks resumed on Monday."))
        let d = try #require(r.dateline)
        #expect(d.raw == "Kiev (AFP)")
        #expect(d.places == ["Kyiv"])
        #expect(d.source == "AFP")
        #expect(r.remainder == "The talks resumed on Monday.")
        #expect(try #require(parse("New York (Reuters) - Talks resumed.")?.dateline).places == ["New York"])
        // Not before an unknown name in parentheses, nor without the dash.
        #expect(parse("Anna Berg (Acme) - Talks resumed.")?.dateline == nil)
        #expect(parse("Officials in Kiev (Reuters) said talks resumed.")?.dateline == nil)
        #expect(parse("Vienna (AFP) said talks resumed.")?.dateline == nil)
    }

    @Test func cityRegionDash() throws {
        let r = try #require(parse("RABAT, Morocco – The United States suspects Russia."))
        let d = try #require(r.dateline)
        #expect(d.raw == "RABAT, Morocco –")
        #expect(d.places == ["Rabat", "Morocco"])
        #expect(d.source == nil)
        #expect(r.remainder == "The United States suspects Russia.")
    }

    @Test func reutersShapes() throws {
        let cases: [(String, String, [String])] = [
            ("MOSCOW (Reuters) - A Russian lawyer said.", "MOSCOW (Reuters)", ["Moscow"]),
            ("WASHINGTON/SEOUL (Reuters) - Officials met.", "WASHINGTON/SEOUL (Reuters)", ["Washington", "Seoul"]),
            ("WASHINGTON/KHOBAR, Saudi Arabia (Reuters) - Trump said.", "WASHINGTON/KHOBAR, Saudi Arabia (Reuters)",
             ["Washington", "Khobar", "Saudi Arabia"]),
            ("VATICAN CITY (Reuters) - Callista Gingrich arrived.", "VATICAN CITY (Reuters)", ["Vatican City"]),
            ("DANANG, Vietnam (Reuters) - Veterans gather.", "DANANG, Vietnam (Reuters)", ["Danang", "Vietnam"]),
            ("LOWER MERION, Pa. (Reuters) - In Pennsylvania.", "LOWER MERION, Pa. (Reuters)", ["Lower Merion", "Pennsylvania"]),
            ("(Reuters) - The State Department said.", "(Reuters)", []),
            ("ABOARD AIR FORCE ONE (Reuters) - President Trump will not.", "ABOARD AIR FORCE ONE (Reuters)", []),
        ]
        for (text, raw, places) in cases {
            let d = try #require(parse(text)?.dateline, "\(text)")
            #expect(d.raw == raw)
            #expect(d.places == places)
            #expect(d.source == "Reuters")
        }
    }

    @Test func emptyAgencySlotIsReuters() throws {
        let r = try #require(parse("WASHINGTON () - The top Democrat asked."))
        #expect(r.dateline?.raw == "WASHINGTON ()")
        #expect(r.dateline?.source == "Reuters")
        #expect(r.emptyAgency)
        #expect(r.remainder == "The top Democrat asked.")
    }

    @Test func correctionAndBylineBeforeAgency() throws {
        let text = " (Corrects spelling of a name throughout in this Dec. 19 story.) By Sharon Bernstein (Reuters) - Virginia Democrat Shelly Simonds won."
        let r = try #require(parse(text))
        #expect(r.corrections == ["(Corrects spelling of a name throughout in this Dec. 19 story.)"])
        #expect(r.bylines == ["Sharon Bernstein"])
        #expect(r.dateline?.raw == "(Reuters)")
        #expect(r.dateline?.places == [])
        #expect(r.dateline?.source == "Reuters")
        #expect(r.remainder == "Virginia Democrat Shelly Simonds won.")
    }

    @Test func correctionBeforeCity() throws {
        let r = try #require(parse(" (Corrects paragraph 7 to show a warning, not a ban) HAVANA (Reuters) - Cuba told officials."))
        #expect(r.corrections.count == 1)
        #expect(r.dateline?.places == ["Havana"])
        #expect(r.remainder == "Cuba told officials.")
    }

    @Test func monthDayInReutersDateline() throws {
        let d = try #require(parse("MOSCOW, Dec 2 (Reuters) - Russia said.")?.dateline)
        #expect(d.places == ["Moscow"])
        #expect(d.month == 12 && d.day == 2)
        #expect(d.raw == "MOSCOW, Dec 2 (Reuters)")
    }

    @Test func aliasesNameThePlace() throws {
        let d = try #require(parse("KIEV, March 3 (AFP) - Talks resumed.")?.dateline)
        #expect(d.places == ["Kyiv"])
        #expect(d.source == "AFP")
    }

    @Test func proseIsNotADateline() {
        #expect(parse("US officials said on Tuesday that talks would resume.") == nil)
        #expect(parse("The U.S. approach - unchanged - was restated.") == nil)
        #expect(parse("A top U.S. business lobby in China said.") == nil)
        #expect(parse("NATO members met in Brussels.") == nil)
        #expect(parse("By Tuesday, the talks had ended.") == nil)
    }
}
