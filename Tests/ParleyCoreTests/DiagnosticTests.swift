import ParleyCore
import Testing

@Suite struct DiagnosticTests {
    @Test func describesFileLineAndStep() {
        let d = Diagnostic(.warning, step: "normalize", file: "articles/a.txt", line: 3, "mixed scripts")
        #expect(d.description == "articles/a.txt:3: warning: mixed scripts [normalize]")
        #expect(Diagnostic(.error, step: "ingest", "no folder").description == "parley: error: no folder [ingest]")
    }

    @Test func sortsByFileThenLineThenSeverity() {
        let a = Diagnostic(.note, step: "x", file: "b.txt", line: 1, "n")
        let b = Diagnostic(.error, step: "x", file: "a.txt", line: 9, "e")
        let c = Diagnostic(.error, step: "x", file: "a.txt", line: 2, "e")
        let d = Diagnostic(.warning, step: "x", file: "a.txt", line: 2, "w")
        #expect([a, b, c, d].sorted() == [c, d, b, a])
    }
}
