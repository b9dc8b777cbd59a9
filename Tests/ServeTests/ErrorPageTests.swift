import ParleyCore
import ParleyTestSupport
import Serve
import Testing

@Suite struct ErrorPageTests {
    @Test func errorsWithFileAndLineEscaped() {
        let diagnostics = [
            Diagnostic(.error, step: "render", file: "layout.mustache", line: 14, "refers to the template 'partials/<x>', but there is no \"x\" & y"),
            Diagnostic(.warning, step: "entities", file: "articles/a.txt", line: 3, "undated"),
            Diagnostic(.error, step: "ingest", file: "articles/b.md", "<script>alert(1)</script>"),
        ]
        let page = ErrorPage.html(diagnostics: diagnostics, problems: [])
        #expect(page.contains("layout.mustache:14"))
        #expect(page.contains("articles/b.md"))
        #expect(page.contains("&#39;partials/&lt;x&gt;&#39;, but there is no &quot;x&quot; &amp; y"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(!page.contains("undated"), "warnings stay in the terminal")
        #expect(page.contains("2 errors"))
        // The only script is the live-reload one, so fixing the file brings the site back.
        let scripts = HTMLTags.scan(page).filter { $0.name == "script" }
        #expect(scripts.count == 1)
        #expect(scripts.first?.attributes.contains { $0.name == LiveReload.marker } == true)
    }

    @Test func problemsWithoutAFile() {
        let page = ErrorPage.html(diagnostics: [], problems: ["public: cannot create file: Permission denied"])
        #expect(page.contains("public: cannot create file: Permission denied"))
        #expect(page.contains("1 error"))
    }

    @Test func escaping() {
        #expect(ErrorPage.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(ErrorPage.escape("Кулеба") == "Кулеба")
    }
}
