import ParleyCore
import Testing
@testable import Normalize

/// Odd inputs: nothing crashes, no empty paragraph is produced, no word is lost.
@Suite struct RobustnessTests {
    static let inputs: [String] = [
        "",
        "   \n\n  \n",
        "All news\n\nLeave a Comment",
        "date",
        " date 2022-13-45 WASHINGTON",
        "(",
        "(Corrects",
        "Text ends with an open paren (",
        "Text ends with a close paren )",
        "((((Reporting by))))",
        "WASHINGTON",
        "WASHINGTON -",
        "(Reuters) -",
        "By",
        String(repeating: "word ", count: 3_000),
        String(repeating: "Sentence here. ", count: 400),
        String(repeating: "“Quote never closes. ", count: 200),
        "A.B.C.D. E. F. G.",
        "..... ??? !!!",
        "Mevl\u{09C1}\u{09A4}t\n\n\u{0430}b\u{0441}",
        "Headline\n\nABC News’ contributed to this report.",
        "[n] [nAAAAAAAA] [ID:] [",
    ]

    @Test(arguments: inputs) func survives(_ body: String) {
        let source = SourceArticle(path: "articles/odd.txt", format: .text, body: body)
        var trace = Trace()
        let n = Normalizer().normalize(source, trace: &trace)
        #expect(!n.title.isEmpty)
        #expect(n.paragraphs.allSatisfy { !$0.text.trimmed.isEmpty })
        let diff = WordCheck.difference(source: body, outputs: n.paragraphs.map(\.text) + trace.removals.map(\.text))
        #expect(diff.missing.isEmpty, "lost \(diff.missing)")
        #expect(diff.extra.isEmpty, "added \(diff.extra)")
        let md = Normalizer().normalize(SourceArticle(path: "articles/odd.md", format: .markdown, body: body))
        #expect(md.paragraphs.allSatisfy { !$0.text.trimmed.isEmpty })
    }
}
