import Render
import Testing

@Suite struct TemplateSetTests {
    @Test func rendersWithInheritancePartialsAndEscaping() throws {
        let set = try TemplateSet(sources: [
            "layout.mustache": "<title>{{$title}}Site{{/title}}</title><main>{{$main}}{{/main}}</main>{{> partials/footer}}",
            "partials/footer.mustache": "<footer>{{site}}</footer>",
            "page.mustache": "{{< layout}}{{$title}}{{name}}{{/title}}{{$main}}<p>{{name}}</p>{{{html}}}{{/main}}{{/layout}}",
            "README.md": "ignored",
        ])
        #expect(set.names == ["layout", "page", "partials/footer"])
        let out = try set.render("page", ["name": "<b>Kyiv & Kiev</b>", "html": "<em>ok</em>", "site": "S"] as [String: Any])
        #expect(out == "<title>&lt;b&gt;Kyiv &amp; Kiev&lt;/b&gt;</title><main><p>&lt;b&gt;Kyiv &amp; Kiev&lt;/b&gt;</p><em>ok</em></main><footer>S</footer>")
    }

    @Test func syntaxErrorsNameFileAndLine() {
        do {
            _ = try TemplateSet(sources: ["article.mustache": "<h1>{{title}}</h1>\n<p>\n{{#people}}\n{{name}}\n"])
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "article.mustache")
            #expect(error.line != nil)
            #expect(error.message.contains("never closed"))
        }
    }

    @Test func missingPartialIsAnErrorNotAnEmptyPage() {
        do {
            _ = try TemplateSet(sources: ["home.mustache": "<h1>x</h1>\n{{> partials/nav}}\n"])
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "home.mustache")
            #expect(error.line == 2)
            #expect(error.message.contains("partials/nav"))
        }
    }

    @Test func contentWithMustacheTagsStaysText() throws {
        let set = try TemplateSet(sources: ["t.mustache": "<p>{{text}}</p>"])
        #expect(try set.render("t", ["text": "{{#evil}}{{/evil}} {{> x}}"] as [String: Any]) == "<p>{{#evil}}{{/evil}} {{&gt; x}}</p>")
    }
}
