import Entities
import ParleyCore
import Testing

/// A spelling that several registry people share names none of them by itself.
@Suite struct SharedSurnameResolutionTests {
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

/// A surname spelled as another of the person's registry spellings has it (`Oleynik` after
/// `Olena Oliinyk`).
@Suite struct RegistrySurnameSpellingTests {
    let recognizer = EntityRecognizer(registry: Registry(people: [
        Person(id: "serhiy-oliinyk", name: "Serhiy Oliinyk", aliases: ["Serhiy Oleynik", "Oleynik"], country: "Ukraine"),
        Person(id: "olena-oliinyk", name: "Olena Oliinyk", aliases: ["Yelena Oliinyk", "Olena Oleynik", "Oleynik"], country: "Ukraine"),
    ]))

    /// `Yelena Oliinyk` is one of Olena Oliinyk's spellings; the later `Oleynik`, which both
    /// Oliinyks are listed as, is her: she is listed as `Olena Oleynik` too.
    @Test func anotherSpellingOfTheSurnameGoesToThePersonNamedEarlier() {
        let r = recognizer.analyze(article(["Yelena Oliinyk, the spokeswoman, spoke first. “We are ready,” said Col. Oleynik later."]))
        #expect(r.people.map(\.person.id) == ["olena-oliinyk"])
        #expect(r.quotes.map(\.speaker) == ["olena-oliinyk"])
    }
}
