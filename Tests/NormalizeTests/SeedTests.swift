import ParleyCore
import Testing
@testable import Normalize

/// The five seed articles against `../shared/fixtures/seeds-gold.jsonl`.
@Suite struct SeedTests {
    let normalizer = Normalizer(places: [NamedEntity(name: "Kyiv", aliases: ["Kiev"])])

    func seed(_ i: Int) -> NormalizedArticle? {
        Samples.seed(i).map(normalizer.normalize)
    }

    @Test func sharedDataIsPresent() {
        #expect(Samples.sharedIsPresent, Samples.missingMessage)
    }

    @Test func datelinePlaceAndSourceMatchGold() {
        let gold = Samples.gold("fixtures/seeds-gold.jsonl")
        #expect(gold.count == 5)
        for (i, name) in Samples.seedNames.enumerated() {
            guard let g = gold[name], let n = seed(i) else { Issue.record("missing \(name)"); continue }
            #expect(n.dateline?.places.first == g["dateline_place"] as? String, "\(name)")
            #expect(n.dateline?.raw == g["dateline_raw"] as? String, "\(name)")
            #expect(n.outlet == g["source"] as? String, "\(name)")
        }
    }

    @Test func titles() throws {
        for i in 0..<5 {
            let n = try #require(seed(i))
            #expect(!n.title.isEmpty)
            #expect(n.title.count <= 160)
        }
        let n2 = try #require(seed(2)), n3 = try #require(seed(3))
        #expect(n2.title == "US seeks to reinforce Kiev’s positions at talks with Russia — White House")
        #expect(!n2.titleDerived)
        #expect(n3.title == "The United States is still skeptical of peace talks, with Russia demanding withdrawal from Kyiv")
        #expect(n3.standfirst == "Secretary of State Blinken says the Russian show is “not a sign of seriousness.”")
        for i in [0, 1, 4] {
            let n = try #require(seed(i))
            #expect(n.titleDerived, "seed \(i)")
            #expect(n.title.count <= 91, "seed \(i)")
        }
        // Seed 000's duplicated lede is gone, so the title comes from the real lede.
        #expect(try #require(seed(0)).title.hasPrefix("The White House said"))
    }

    @Test func dates() throws {
        let n1 = try #require(seed(1))
        #expect(n1.date.day == Day(year: 2022, month: 12, day: 2))
        #expect(n1.date.status == .exact)
        let n2 = try #require(seed(2))
        #expect(n2.dateline?.month == 7 && n2.dateline?.day == 6)
        #expect(n2.date.status == .undated)
        #expect(try #require(seed(4)).date.status == .undated)
        #expect(try #require(seed(0)).date.status == .undated)
    }

    @Test func noBoilerplateSurvives() throws {
        for i in 0..<5 {
            let n = try #require(seed(i))
            for p in n.paragraphs {
                for chrome in ["All news", "Leave a Comment", "©", "AP Photo", "contributed to this report"] {
                    #expect(!p.text.contains(chrome), "seed \(i): \(chrome) in “\(p.text.prefix(60))”")
                }
                #expect(!p.text.hasPrefix("date "), "seed \(i)")
            }
        }
        let n2 = try #require(seed(2))
        #expect(n2.paragraphs.first?.text.hasPrefix("The US approach to the Ukrainian crisis remains unchanged") == true)
        // The lead printed before the photo is gone: it appears once.
        #expect(n2.paragraphs.filter { $0.text.contains("The US approach to the Ukrainian crisis") }.count == 1)
        #expect(n2.captions.contains("© AP Photo/Evan Vucci"))
        #expect(n2.captions.contains("White House press secretary Karine Jean-Pierre"))
        // Seed 000's first line repeats a later paragraph.
        let n0 = try #require(seed(0))
        #expect(!n0.paragraphs.contains { $0.text == "At the same time, the United States is ready to assist Ukraine in negotiations with Russia." })
    }

    @Test func contributors() throws {
        #expect(try #require(seed(2)).contributors == ["Evan Vucci"])
        #expect(try #require(seed(3)).contributors == ["Libby Cath"])
        for i in [0, 1, 4] { #expect(try #require(seed(i)).contributors.isEmpty) }
    }

    @Test func mixedScriptWarningForSeed003() throws {
        let n = try #require(seed(3))
        let warnings = n.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.step == "normalize" && w.file == n.source.path && w.line == 29)
        #expect(w.message.contains("Mevl\u{09C1}\u{09A4}t") && w.message.contains("Bengali") && w.message.contains("column 26"))
        // The word itself is left for Entities to repair.
        #expect(n.paragraphs.contains { $0.text.contains("Mevl\u{09C1}\u{09A4}t Cavusoglu") })
        for i in [0, 1, 2, 4] {
            #expect(try #require(seed(i)).diagnostics.allSatisfy { $0.severity != .warning }, "seed \(i)")
        }
    }

    @Test func paragraphLinesAndTexts() throws {
        let n1 = try #require(seed(1))
        #expect(n1.paragraphs.first?.text.hasPrefix("US President Joe Biden’s statement") == true)
        #expect(n1.paragraphs.map(\.line) == [1, 3, 5, 7, 9, 11, 13, 15, 17])
        // The stray " ." after "said." stays.
        #expect(n1.paragraphs[1].text.hasSuffix("the White House spokesman said. ."))
        // Seed 004 has one paragraph per line without blank lines.
        let n4 = try #require(seed(4))
        #expect(n4.paragraphs.count == 11)
        #expect(n4.paragraphs.map(\.line) == Array(1...11))
        let n3 = try #require(seed(3))
        #expect(n3.paragraphs.first?.text.hasPrefix("The United States suspects") == true)
        #expect(n3.paragraphs.first?.line == 5)
        #expect(n3.paragraphs.last?.text.hasPrefix("A spokesman for Boris Johnson") == true)
    }
}
