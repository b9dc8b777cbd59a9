import Ingest
import ParleyCore
import Testing

@Suite struct FrontMatterParserTests {
    @Test func readsEveryField() throws {
        let text = """
        ---
        title: "Talks resume: a new round"
        date: 2022-03-29
        source: Reuters
        people: [Sergei Lavrov, "Antony Blinken"]
        events:
          - istanbul-talks-2022
        slug: talks-resume
        summary: Short.
        ---
        Body line one.

        Body line two.
        """
        let result = try FrontMatterParser.parse(text, file: "articles/a.md")
        let fm = try #require(result.frontMatter)
        #expect(fm.title == "Talks resume: a new round")
        #expect(fm.date == Day(iso: "2022-03-29"))
        #expect(fm.source == "Reuters")
        #expect(fm.people == ["Sergei Lavrov", "Antony Blinken"])
        #expect(fm.events == ["istanbul-talks-2022"])
        #expect(fm.slug == "talks-resume")
        #expect(result.body == "Body line one.\n\nBody line two.")
        #expect(result.bodyStartLine == 11)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func withoutFrontMatterTheWholeTextIsBody() throws {
        let result = try FrontMatterParser.parse("Just text\n---\nmore", file: "a.md")
        #expect(result.frontMatter == nil)
        #expect(result.body == "Just text\n---\nmore")
        #expect(result.bodyStartLine == 1)
    }

    @Test func unknownKeysAreWarningsWithTheirLine() throws {
        let result = try FrontMatterParser.parse("---\ntitle: A\nauthor: B\n---\nbody", file: "articles/a.md")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 3)
        #expect(warning.message.contains("'author'"))
    }

    @Test func brokenYAMLIsAnErrorWithItsLine() {
        do {
            _ = try FrontMatterParser.parse("---\ntitle: A\npeople: [unclosed\n---\nbody", file: "a.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("does not parse"))
            #expect(error.line != nil)
        }
    }

    @Test func wrongTypesNameTheKeyAndLine() {
        do {
            _ = try FrontMatterParser.parse("---\ntitle: A\npeople:\n  name: X\n---\nbody", file: "a.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("'people'"))
            #expect(error.line == 4)
        }
        do {
            _ = try FrontMatterParser.parse("---\ndate: next Tuesday\n---\nbody", file: "a.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("YYYY-MM-DD"))
            #expect(error.line == 2)
        }
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(throws: YAMLError.self) { try FrontMatterParser.parse("---\ntitle: A\nbody", file: "a.md") }
    }
}
