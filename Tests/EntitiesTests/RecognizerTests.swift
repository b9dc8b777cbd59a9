import Entities
import ParleyCore
import Testing

func article(_ paragraphs: [String], path: String = "articles/t.txt", date: ArticleDate = .undated, dateline: Dateline? = nil,
             contributors: [String] = [], frontMatter: FrontMatter? = nil) -> NormalizedArticle {
    NormalizedArticle(source: SourceArticle(path: path, format: frontMatter == nil ? .text : .markdown, body: paragraphs.joined(separator: "\n\n"),
                                            frontMatter: frontMatter),
                      title: "T", date: date, dateline: dateline, contributors: contributors,
                      paragraphs: paragraphs.enumerated().map { Paragraph($1, line: $0 * 2 + 1) })
}

let smallRegistry = Registry(
    people: [
        Person(id: "antony-blinken", name: "Antony Blinken", aliases: ["Anthony Blinken"], roles: ["Secretary of State"], country: "United States"),
        Person(id: "sergei-lavrov", name: "Sergei Lavrov", aliases: ["Sergey Lavrov"], roles: ["Foreign Minister of Russia"], country: "Russia"),
        Person(id: "volodymyr-zelensky", name: "Volodymyr Zelensky", aliases: ["Vladimir Zelensky", "Zelenskyy"], country: "Ukraine"),
        Person(id: "vladimir-putin", name: "Vladimir Putin", country: "Russia"),
        Person(id: "mevlut-cavusoglu", name: "Mevlüt Çavuşoğlu", aliases: ["Mevlut Cavusoglu"], country: "Turkey"),
        Person(id: "karine-jean-pierre", name: "Karine Jean-Pierre", roles: ["White House Press Secretary"]),
        Person(id: "dmitry-peskov", name: "Dmitry Peskov"),
        Person(id: "kate-bedingfield", name: "Kate Bedingfield"),
        Person(id: "donald-trump", name: "Donald Trump"),
        Person(id: "donald-trump-jr", name: "Donald Trump Jr."),
    ],
    events: [
        Event(id: "istanbul-talks-2022", name: "Istanbul round of Russia–Ukraine talks", start: Day(iso: "2022-03-29"), place: "Istanbul",
              phrases: ["talks in Istanbul", "talks in Turkey"]),
        Event(id: "full-scale-invasion", name: "Start of the invasion", start: Day(iso: "2022-02-24"), place: "Ukraine"),
        Event(id: "kursk-incursion", name: "Kursk incursion", start: Day(iso: "2024-08-06"), place: "Kursk region", phrases: ["Kursk incursion"]),
    ],
    places: [NamedEntity(name: "Kyiv", aliases: ["Kiev"]), NamedEntity(name: "Donbas", aliases: ["Donbass"]), NamedEntity(name: "Istanbul")],
    organizations: [NamedEntity(name: "White House"), NamedEntity(name: "Kremlin", aliases: ["the Kremlin"])]
)

@Suite struct RecognizerTests {
    let recognizer = EntityRecognizer(registry: smallRegistry)

    func names(_ r: AnalyzedArticle) -> [String] { r.people.map(\.person.name) }

    @Test func registryNamesAliasesPossessivesAndRoles() {
        let r = recognizer.analyze(article([
            "Secretary of State Antony Blinken’s remarks followed Foreign Minister Sergey Lavrov's statement.",
            "White House Press Secretary Karine Jean-Pierre spoke. Presidential spokesman Dmitry Peskov replied.",
        ]))
        #expect(names(r) == ["Antony Blinken", "Sergei Lavrov", "Karine Jean-Pierre", "Dmitry Peskov"])
        #expect(r.people[0].roles == ["Secretary of State"])
        #expect(r.people[1].roles == ["Foreign Minister"])
        #expect(r.people[2].roles == ["White House Press Secretary"])
        #expect(r.people[3].roles == ["Presidential spokesman"])
        // Possessive outside the mention; byte offsets exact.
        let m = r.mentions.first { $0.entity == "antony-blinken" }!
        #expect(r.article.text(of: m) == "Antony Blinken")
        let bytes = Array(r.article.paragraphs[0].text.utf8)
        #expect(String(decoding: bytes[m.start..<m.end], as: UTF8.self) == "Antony Blinken")
    }

    @Test func lineBreakAndHyphenationInsideName() {
        let r = recognizer.analyze(article(["Foreign Minister Sergei\nLav-\nrov said so, as did Karine Jean-\nPierre."]))
        #expect(names(r) == ["Sergei Lavrov", "Karine Jean-Pierre"])
    }

    @Test func surnamesResolveToFullNameOrUniqueRegistrySurname() {
        let r = recognizer.analyze(article(["Blinken said nothing.", "Later Lavrov and Jane Doe met. Doe said she agreed."]))
        #expect(names(r) == ["Antony Blinken", "Sergei Lavrov", "Jane Doe"])
        #expect(r.people.first { $0.person.name == "Jane Doe" }?.mentions == 2)
        #expect(r.people.first { $0.person.name == "Jane Doe" }?.person.inRegistry == false)
        #expect(r.people.first { $0.person.name == "Jane Doe" }?.person.id == "jane-doe")
    }

    @Test func misspellingsAndMixedScriptResolveWithDiagnostics() {
        let r = recognizer.analyze(article(["Secretary of State Antonny Blinken met Turkish Foreign Minister Mevl\u{09C1}\u{09A4}t Cavusoglu."]))
        #expect(names(r) == ["Antony Blinken", "Mevlüt Çavuşoğlu"])
        #expect(r.diagnostics.contains { $0.severity == .note && $0.step == "entities" && $0.file == "articles/t.txt" && $0.line == 1 })
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.message.contains("another script") })
    }

    @Test func fuzzyNeverCrossesTwoRegistryPeople() {
        let registry = Registry(people: [Person(name: "Jon Smith"), Person(name: "Jan Smith")])
        let r = EntityRecognizer(registry: registry).analyze(article(["Analyst Jen Smith said so."]))
        #expect(!r.people.contains { $0.person.inRegistry })
    }

    @Test func editorInsertionResolvesToRegistryPerson() {
        let r = recognizer.analyze(article(["“Only President (Vladimir. – Ed.) Zelensky can decide,” the official said."]))
        #expect(names(r) == ["Volodymyr Zelensky"])
    }

    @Test func placesAndOrganizationsAreNotPeopleWithEmptyRegistry() {
        let r = EntityRecognizer(registry: .empty).analyze(article([
            "The Kremlin and the White House said Kyiv and Donbass were discussed on Twitter, near Sioux Falls, by John Smith.",
        ]))
        #expect(names(r) == ["John Smith"])
        #expect(r.places.contains("Kyiv") && r.places.contains("Donbas") && r.places.contains("Sioux Falls"))
        #expect(r.organizations.contains("Kremlin") && r.organizations.contains("White House") && r.organizations.contains("Twitter"))
    }

    @Test func contributorsAreNotPeople() {
        let r = EntityRecognizer(registry: .empty).analyze(article([
            "Mary Jones said talks went on.", "ABC News’ Libby Cath contributed to this report.",
            "White House press secretary AP Photo/Evan Vucci",
        ], contributors: ["Libby Cathey", "Evan Vucci"]))
        #expect(names(r) == ["Mary Jones"])
    }

    @Test func suffixedNameIsAnotherPerson() {
        let r = EntityRecognizer(registry: .empty).analyze(article(["Donald Trump met Donald Trump Jr. on Monday. Trump said it went well."]))
        #expect(names(r) == ["Donald Trump", "Donald Trump Jr."])
        #expect(r.people[0].mentions == 2)
    }

    @Test func mentionsSortedNonOverlappingAndExact() {
        let r = recognizer.analyze(article(["On Tuesday, the Moscow and Kyiv delegations held face-to-face talks in Istanbul, Blinken said."]))
        var last = (-1, -1)
        for m in r.mentions {
            #expect((m.paragraph, m.start) > last)
            #expect(m.start >= last.1 || m.paragraph > last.0)
            last = (m.paragraph, m.end)
            let bytes = Array(r.article.paragraphs[m.paragraph].text.utf8)
            #expect(String(decoding: bytes[m.start..<m.end], as: UTF8.self) == r.article.text(of: m))
        }
        #expect(r.mentions.contains { $0.kind == .event && $0.entity == "istanbul-talks-2022" })
        #expect(r.events.map(\.id) == ["istanbul-talks-2022"])
    }
}

@Suite struct RobustnessTests {
    @Test func oddInputsDoNotCrash() {
        let recognizer = EntityRecognizer(registry: smallRegistry)
        let odd = ["", " ", "“", "\"", "”", "(", ")", "Mr.", "U.S.", "(Vladimir. – Ed.)", "– Ed.)", "’s", "-\n", "Lav-", "“ ”", "\" \"",
                   "Jr.", "Donald Trump Jr", "February", "February 30", "On Tuesday", "said", "he said “", "“Yes,” said", "A. B. C. D. E. F.",
                   "Mevl\u{09C1}\u{09A4}", "\u{09C1}", "🙂 Kyiv 🙂", "ÇAVUŞOĞLU", "al-", "-al", "O’", "’"]
        for text in odd {
            let r = recognizer.analyze(article([text, text]))
            for m in r.mentions {
                #expect(m.start >= 0 && m.end <= r.article.paragraphs[m.paragraph].text.utf8.count && m.start < m.end)
            }
        }
        let empty = recognizer.analyze(article([]))
        #expect(empty.people.isEmpty && empty.mentions.isEmpty)
    }
}
