import Entities
import ParleyCore
import Testing

/// A spelling that several registry people share names none of them by itself.
@Suite struct SharedSpellingTests {
    let recognizer = EntityRecognizer(registry: Registry(people: [
        Person(id: "dmytro-tymoshchuk", name: "Dmytro Tymoshchuk", aliases: ["Timoshchuk"], country: "Ukraine"),
        Person(id: "oleksiy-tymoshchuk", name: "Oleksiy Tymoshchuk", aliases: ["Alexei Timoshchuk", "Timoshchuk"], country: "Ukraine"),
        Person(id: "vasyl-tymoshchuk", name: "Vasyl Tymoshchuk", aliases: ["Timoshchuk"], country: "Ukraine"),
    ]))

    func speakers(_ r: AnalyzedArticle) -> [String] { r.quotes.map(\.speaker) }

    @Test func theSurnameGoesToTheFullNameGivenEarlier() {
        let r = recognizer.analyze(article([
            "“We will go on,” said Alexei Timoshchuk, an analyst. Timoshchuk said the talks would continue.",
            "“Nothing is agreed,” Timoshchuk said.",
        ]))
        #expect(r.people.map(\.person.id) == ["oleksiy-tymoshchuk"])
        #expect(speakers(r) == ["oleksiy-tymoshchuk", "oleksiy-tymoshchuk"])
    }

    @Test func aSharedSurnameAloneLinksNobodyInTheRegistry() {
        let r = recognizer.analyze(article(["“Nothing is agreed,” Timoshchuk said."]))
        let linked = r.people.filter(\.person.inRegistry).map(\.person.name)
        #expect(linked.isEmpty, "\(linked)")
    }

    @Test func aFullNameStillLinksItsOwner() {
        let r = recognizer.analyze(article(["Vasyl Tymoshchuk and Dmytro Tymoshchuk met. Later Vasyl Tymoshchuk left."]))
        #expect(r.people.map(\.person.id).sorted() == ["dmytro-tymoshchuk", "vasyl-tymoshchuk"])
    }
}
