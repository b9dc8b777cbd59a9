import Entities
import ParleyCore
import Testing

/// A spelling several registry people share (`Aydin`) is linked to neither unless the article
/// names one of them; an alias's surname (`Oleynik` for Olena Oliinyk) is that person's.
@Suite struct SharedSpellingTests {
    static let registry = Registry(people: [
        Person(id: "mehmet-aydin", name: "Mehmet Aydın", aliases: ["Mehmet Aydin", "Aydin"]),
        Person(id: "ahmet-aydin", name: "Ahmet Aydın", aliases: ["Ahmet Aydin", "Aydin"]),
        Person(id: "olena-oliinyk", name: "Olena Oliinyk", aliases: ["Yelena Oleynik"]),
        Person(id: "petro-oleynik", name: "Petro Oleynik"),
        Person(id: "ayse-demir", name: "Ayşe Demir"),
    ])
    let recognizer = EntityRecognizer(registry: registry)

    func people(title: String = "T", _ paragraphs: [String]) -> [String] {
        var a = article(paragraphs)
        a.title = title
        return recognizer.analyze(a).people.map(\.person.id)
    }

    @Test func aSpellingSeveralRegistryPeopleShareGoesToTheOneTheArticleNames() {
        #expect(people(["Ahmet Aydın arrived. Aydin said the talks went well."]) == ["ahmet-aydin"])
        #expect(people(["Aydin said the talks went well. Col. Aydin agreed."]).isEmpty)
    }

    @Test func aSurnameOfARegistryAliasResolvesToThatPerson() {
        let a = recognizer.analyze(article(["Olena Oliinyk arrived. Later, Col. Oleynik said the talks went well."]))
        #expect(a.people.map(\.person.id) == ["olena-oliinyk"])
        #expect(a.people.first?.mentions == 2)
        // A surname that is someone's own wins over an alias's.
        let b = recognizer.analyze(article(["Olena Oliinyk and Petro Oleynik arrived. Oleynik said the talks went well."]))
        #expect(b.people.map(\.person.id) == ["olena-oliinyk", "petro-oleynik"])
        #expect(b.people.map(\.mentions) == [1, 2])
    }

    @Test func aSharedSpellingInTheHeadlineGoesToTheOneTheBodyNames() {
        #expect(people(title: "Aydin to meet Demir", ["Ahmet Aydın said the talks would go ahead."]) == ["ahmet-aydin", "ayse-demir"])
        #expect(people(title: "Demir to meet Aydin", ["Ayşe Demir said the talks would go ahead."]) == ["ayse-demir"])
    }
}
