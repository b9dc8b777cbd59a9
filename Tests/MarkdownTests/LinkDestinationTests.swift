@testable import Markdown
import Testing

/// Link destinations are escaped byte by byte when they are ASCII without `\r`, and character
/// by character otherwise; both must give the same text.
@Suite struct LinkDestinationTests {
    @Test func bytesAndCharactersGiveTheSameDestination() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab/.-#<>\\\n %()[]é\r\u{301}".unicodeScalars)
        var samples = ["../../people/sergei-lavrov/index.html", "", "<>", "a\\b", "x\ny", "x\r\ny", "<\u{301}", "é<", "a b"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text.unicodeScalars.append(alphabet.randomElement(using: &generator)!)
            }
            samples.append(text)
        }
        for sample in samples {
            #expect(MarkdownEscaper.linkDestination(sample) == MarkdownEscaper.linkDestinationByCharacter(sample), "\(sample.debugDescription)")
        }
        #expect(MarkdownEscaper.linkDestination("../a<b>\\c\nd") == "<../a\\<b\\>\\\\c%0Ad>")
    }
}
