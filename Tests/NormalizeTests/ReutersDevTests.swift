import ParleyCore
import Testing
@testable import Normalize

/// The 40 Reuters dev stories (`../shared/corpora/reuters-dev`), 20 of them labelled in
/// `../shared/fixtures/reuters-dev-gold.jsonl`.
@Suite struct ReutersDevTests {
    let normalizer = Normalizer()

    func all() -> [(String, NormalizedArticle)] {
        Samples.reutersNames.compactMap { name in Samples.reuters(name).map { (name, normalizer.normalize($0)) } }
    }

    @Test func goldDatelinePlacesAndSources() {
        let gold = Samples.gold("fixtures/reuters-dev-gold.jsonl")
        #expect(gold.count == 20)
        var places = 0, sources = 0, raws = 0
        for (name, g) in gold.sorted(by: { $0.key < $1.key }) {
            guard let source = Samples.reuters(name) else { continue }
            let n = normalizer.normalize(source)
            let goldPlace = g["dateline_place"] as? String
            let goldSource = g["source"] as? String
            #expect(n.dateline?.places.first == goldPlace, "\(name)")
            #expect(n.outlet == goldSource, "\(name)")
            #expect(n.dateline?.raw == g["dateline_raw"] as? String, "\(name)")
            if n.dateline?.places.first == goldPlace { places += 1 }
            if n.outlet == goldSource { sources += 1 }
            if n.dateline?.raw == g["dateline_raw"] as? String { raws += 1 }
        }
        #expect(places == 20 && sources == 20 && raws == 20)
    }

    @Test func everyStoryHasTitleDatelineAndReuters() {
        let stories = all()
        #expect(stories.count == 40)
        for (name, n) in stories {
            #expect(!n.titleDerived, "\(name)")
            #expect(n.dateline != nil, "\(name)")
            #expect(n.outlet == "Reuters", "\(name)")
        }
    }

    @Test func titleIsLineOne() throws {
        let source = try #require(Samples.reuters("dev_001.txt"))
        let line1 = String(source.body.prefix { $0 != "\n" })
        #expect(normalizer.normalize(source).title == line1)
    }

    @Test func noTrailersOrNotesLeftInTheBody() {
        for (name, n) in all() {
            for p in n.paragraphs {
                for marker in ["(Reporting by", "(Corrects", "(Refiles", "(This story", "(This version", "(In Dec.", "(Reuters)", "[n", "[ID:"] {
                    #expect(!p.text.contains(marker), "\(name): \(marker)")
                }
            }
        }
    }

    @Test func notesAndBylinesAreKept() throws {
        let n17 = normalizer.normalize(try #require(Samples.reuters("dev_017.txt")))
        #expect(n17.contributors == ["Sharon Bernstein"])
        #expect(n17.corrections.count == 1 && n17.corrections[0].hasPrefix("(Corrects spelling"))
        #expect(n17.paragraphs.first?.text.hasPrefix("Virginia Democrat Shelly Simonds") == true)
        let n21 = normalizer.normalize(try #require(Samples.reuters("dev_021.txt")))
        #expect(n21.corrections == ["(Refiles to add dropped full name of official)"])
        let n10 = normalizer.normalize(try #require(Samples.reuters("dev_010.txt")))
        #expect(n10.diagnostics.contains { $0.severity == .note && $0.message.contains("WASHINGTON ()") })
    }

    @Test func paragraphsAreReadable() {
        for (name, n) in all() {
            #expect(n.paragraphs.count >= 3, "\(name)")
            for p in n.paragraphs {
                #expect(p.text.count <= 1_200, "\(name): \(p.text.count) characters")
                #expect(p.line == 3, "\(name)")
                #expect(!p.text.contains("  "), "\(name): double space left")
            }
        }
    }

    @Test func doubledStopStays() throws {
        let n = normalizer.normalize(try #require(Samples.reuters("dev_011.txt")))
        #expect(n.paragraphs.contains { $0.text.contains("conflicts..") })
    }
}
