import Entities
import ParleyCore
import Testing

/// People named in the headline only (invented names and headlines).
@Suite struct HeadlinePeopleTests {
    static let registry = Registry(people: [
        Person(id: "lindsey-graham", name: "Lindsey Graham", country: "United States"),
        Person(id: "ned-price", name: "Ned Price", country: "United States"),
        Person(id: "ayse-demir", name: "Ayşe Demir", country: "Turkey"),
        Person(id: "ahmet-aydin", name: "Ahmet Aydın", aliases: ["Ahmet Aydin"]),
        Person(id: "theresa-may", name: "Theresa May"),
    ])
    let recognizer = EntityRecognizer(registry: registry)

    func people(title: String, _ paragraphs: [String], derived: Bool = false) -> [String] {
        var a = article(paragraphs)
        a.title = title
        a.titleDerived = derived
        return recognizer.analyze(a).people.map(\.person.id)
    }

    @Test func aPersonNamedInTheHeadlineOnlyIsAPersonOfTheArticle() {
        #expect(people(title: "Demir to meet Graham in Warsaw", ["Ayşe Demir said the talks would go ahead."]) == ["ayse-demir", "lindsey-graham"])
        #expect(people(title: "Demir to meet Lindsey Graham", ["Ayşe Demir said the talks would go ahead."]) == ["ayse-demir", "lindsey-graham"])
        let a = { () -> AnalyzedArticle in
            var a = article(["Ayşe Demir said the talks would go ahead."])
            a.title = "Demir to meet Graham in Warsaw"
            return recognizer.analyze(a)
        }()
        // Listed, without a mention: the headline is not linked.
        #expect(a.people.last?.mentions == 0)
        #expect(!a.mentions.contains { $0.entity == "lindsey-graham" })
    }

    @Test func aHeadlineSurnameGoesToTheFullNameInTheBody() {
        #expect(people(title: "Graham says talks will go ahead", ["Senator Tom Graham said the talks would go ahead."]) == ["tom-graham"])
        #expect(people(title: "Aydin to meet Demir", ["Ahmet Aydın said the talks would go ahead."]) == ["ahmet-aydin", "ayse-demir"])
    }

    @Test func aHeadlineDerivedFromTheLedeAddsNothing() {
        #expect(people(title: "Demir to meet Graham in Warsaw", ["Ayşe Demir said the talks would go ahead."], derived: true) == ["ayse-demir"])
    }

    @Test func aCapitalThatIsNoEvidenceNeedsAWordTheBodyNeverWritesInLowerCase() {
        #expect(people(title: "Shmygal to meet Price in Paris", ["The talks would go ahead, officials said."]) == ["ned-price"])
        #expect(people(title: "Oil Price Talks Stall In Vienna", ["The price of oil rose as talks stalled."]).isEmpty)
        #expect(people(title: "Price talks stall", ["The price of oil rose as talks stalled."]).isEmpty)
    }

    @Test func aSurnameAfterAnotherGivenNameOrALexiconWordIsNoOne() {
        #expect(people(title: "Mary Graham visits Warsaw", ["The talks would go ahead, officials said."]).isEmpty)
        #expect(people(title: "Demir expects talks in May", ["Ayşe Demir said the talks would go ahead."]) == ["ayse-demir"])
    }
}
